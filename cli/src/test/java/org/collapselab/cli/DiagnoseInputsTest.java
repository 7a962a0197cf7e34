package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose} on awkward inputs: columns in other units, a repeated label column, huge values, scarce real rows,
 * and the file formats (gzip, byte-order mark, ; and tab, quotes, NumPy, one-hot, missing cells), each with the exact
 * outcome.
 */
class DiagnoseInputsTest {
    @TempDir
    Path dir;

    static String gaussian(int rows, boolean synthetic, long seed) {
        return DiagnoseCommandTest.gaussian(rows, synthetic, seed);
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    JsonNode diagnose(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "diagnose";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--json";
        CliRun.Result r = CliRun.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
    }

    /** Multiplies column {@code col} (0-based) of every data line by {@code f}. */
    static String scaleColumn(String csv, int col, double f) {
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        b.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            c[col] = String.format(Locale.ROOT, "%.17g", Double.parseDouble(c[col]) * f);
            b.append(String.join(",", c)).append('\n');
        }
        return b.toString();
    }

    @Test
    void oneColumnInOtherUnitsChangesNoEstimateRecipeOrPrediction() throws Exception {
        String real = gaussian(120, false, 1);
        String syn = gaussian(600, true, 2);
        JsonNode a = diagnose(
                "--real",
                file("R.csv", real).toString(),
                "--synthetic",
                file("S.csv", syn).toString());
        JsonNode b = diagnose(
                "--real",
                file("R7.csv", scaleColumn(real, 1, 1e7)).toString(),
                "--synthetic",
                file("S7.csv", scaleColumn(syn, 1, 1e7)).toString());
        for (String k : new String[] {"c2", "c2Low", "c2High", "sigma2Real", "sigma2Synthetic", "labelOffset"}) {
            assertThat(b.get("estimates").get(k).asDouble())
                    .as(k)
                    .isCloseTo(a.get("estimates").get(k).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        }
        JsonNode ra = a.get("recommendation");
        JsonNode rb = b.get("recommendation");
        assertThat(rb.get("syntheticRows").asInt())
                .isEqualTo(ra.get("syntheticRows").asInt());
        assertThat(rb.get("lambda").asDouble())
                .isCloseTo(ra.get("lambda").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(rb.get("predictedTestError").asDouble())
                .isCloseTo(
                        ra.get("predictedTestError").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        // The model in the files' units: the scaled column's coefficient is 1e7 times smaller.
        double ca = ra.get("model").get("coefficients").get("b").asDouble();
        double cb = rb.get("model").get("coefficients").get("b").asDouble();
        assertThat(cb * 1e7).isCloseTo(ca, org.assertj.core.data.Percentage.withPercentage(1e-6));
        // The known truth: c² = 0.30, σ1² = 0.25.
        assertThat(b.get("estimates").get("c2Low").asDouble()).isLessThanOrEqualTo(0.30);
        assertThat(b.get("estimates").get("c2High").asDouble()).isGreaterThanOrEqualTo(0.30);
    }

    @Test
    void repeatedLabelColumnIsRefusedNotUsedAsAFeature() throws Exception {
        Path real =
                file("R.csv", gaussian(100, false, 1).replace(",y\n", ",y,y\n").replaceAll("(?m)^([^a].*)$", "$1,0"));
        Path syn = file("S.csv", gaussian(200, true, 2));
        CliRun.Result r = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab diagnose: " + real + ": line 1, column 6: got a second column with "
                        + "the same name; allowed: unique column names (a repeated label column would be used as a feature)"
                        + System.lineSeparator());
    }

    @Test
    void valuesNear1e308AreDiagnosedLikeAnyOtherUnits() throws Exception {
        String real = scaleColumn(gaussian(100, false, 1), 0, 1e300);
        String syn = scaleColumn(gaussian(300, true, 2), 0, 1e300);
        JsonNode j = diagnose(
                "--real",
                file("R.csv", real).toString(),
                "--synthetic",
                file("S.csv", syn).toString());
        assertThat(j.get("estimates").get("c2").isNumber()).isTrue();
        assertThat(j.get("recommendation").get("predictedTestError").asDouble()).isBetween(0.2, 1.0);
    }

    @Test
    void scarceRealRowsBelowTheDimensionStillGetARecipe() throws Exception {
        StringBuilder real = new StringBuilder();
        StringBuilder syn = new StringBuilder();
        java.util.Random rng = new java.util.Random(3);
        int d = 30;
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = rng.nextGaussian() / Math.sqrt(d);
            real.append("x").append(j).append(',');
            syn.append("x").append(j).append(',');
        }
        real.append("y\n");
        syn.append("y\n");
        for (StringBuilder b : new StringBuilder[] {real, syn}) {
            int n = b == real ? 12 : 2000;
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < d; j++) {
                    double x = rng.nextGaussian();
                    y += x * w[j];
                    b.append(String.format(Locale.ROOT, "%.5f,", x));
                }
                b.append(String.format(Locale.ROOT, "%.5f%n", y + 0.5 * rng.nextGaussian()));
            }
        }
        JsonNode j = diagnose(
                "--real",
                file("R.csv", real.toString()).toString(),
                "--synthetic",
                file("S.csv", syn.toString()).toString());
        assertThat(j.get("estimates").get("estimator").asText()).isEqualTo("u-statistic");
        assertThat(j.get("recommendation").get("syntheticRows").asInt()).isPositive();
        assertThat(j.get("recommendation").get("model").get("coefficients").size())
                .isEqualTo(d);
        assertThat(j.get("baselines").get("practitioner").get("measuredError").isNumber())
                .isTrue();
    }

    @Test
    void gzipByteOrderMarkSemicolonsTabsAndQuotesReadAlike() throws Exception {
        String real = gaussian(100, false, 1);
        String syn = gaussian(300, true, 2);
        JsonNode plain = diagnose(
                "--real",
                file("R.csv", real).toString(),
                "--synthetic",
                file("S.csv", syn).toString());
        Path gz = dir.resolve("R.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(("\uFEFF" + real).getBytes(StandardCharsets.UTF_8));
        }
        Path semi = file("S;.csv", syn.replace(',', ';'));
        Path tab = file(
                "S.tsv",
                "\"a\"\t\"b\"\tc\te\ty\n" + syn.substring(syn.indexOf('\n') + 1).replace(',', '\t'));
        for (Path s : new Path[] {semi, tab}) {
            JsonNode j = diagnose("--real", gz.toString(), "--synthetic", s.toString());
            assertThat(j.get("estimates").get("c2").asDouble())
                    .isEqualTo(plain.get("estimates").get("c2").asDouble());
        }
    }

    @Test
    void numpyOneHotMissingCellsAndColumnWarnings() throws Exception {
        String real = gaussian(100, false, 1);
        String syn = gaussian(300, true, 2);
        Path npz = dir.resolve("S.npz");
        NumpyFiles.writeNpz(npz, syn);
        CliRun.Result np = CliRun.run(
                "diagnose",
                "--real",
                file("R.csv", NumpyFiles.renamed(real)).toString(),
                "--synthetic",
                npz.toString());
        assertThat(np.code()).as(np.err()).isZero();
        String cat = real.replace("a,b,c,e,y\n", "a,b,c,e,y,colour\n").replaceAll("(?m)^(-?[0-9].*)$", "$1,red");
        cat = cat.replaceFirst(",red\n", ",blue\n").replaceFirst("\n(-?[0-9][^\n]*),red\n", "\n$1,\n");
        String catSyn = syn.replace("a,b,c,e,y\n", "a,b,c,e,y,colour\n").replaceAll("(?m)^(-?[0-9].*)$", "$1,blue");
        CliRun.Result refused = CliRun.run(
                "diagnose",
                "--real",
                file("C.csv", cat).toString(),
                "--synthetic",
                file("CS.csv", catSyn).toString(),
                "--one-hot",
                "colour");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("C.csv: line 3, column 6: got a missing cell");
        CliRun.Result ok = CliRun.run(
                "diagnose",
                "--real",
                dir.resolve("C.csv").toString(),
                "--synthetic",
                dir.resolve("CS.csv").toString(),
                "--one-hot",
                "colour",
                "--drop-missing",
                "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
        JsonNode coef = org.collapselab.experiments.json.TheoryJson.MAPPER
                .readTree(ok.out())
                .get("recommendation")
                .get("model")
                .get("coefficients");
        assertThat(coef.has("colour=blue")).isTrue();
        assertThat(coef.has("colour=red")).isTrue();
        assertThat(ok.err()).contains("dropped 1 rows with missing cells (the first at line 3)");
        String dup =
                real.replace("a,b,c,e,y\n", "a,b,c,e,y,a2,k\n").replaceAll("(?m)^(-?[0-9][^,]*)(,.*)$", "$1$2,$1,7");
        String dupSyn =
                syn.replace("a,b,c,e,y\n", "a,b,c,e,y,a2,k\n").replaceAll("(?m)^(-?[0-9][^,]*)(,.*)$", "$1$2,$1,7");
        CliRun.Result w = CliRun.run(
                "diagnose",
                "--real",
                file("D.csv", dup).toString(),
                "--synthetic",
                file("DS.csv", dupSyn).toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.err())
                .contains("column 'k' is constant in the real rows")
                .contains("column 'a2' repeats column 'a'");
    }

    @Test
    void predictWritesTheRecommendedModelsPredictions() throws Exception {
        Path real = file("R.csv", gaussian(100, false, 1));
        Path syn = file("S.csv", gaussian(300, true, 2));
        String x = gaussian(20, false, 9).replace(",y\n", "\n").replaceAll("(?m),[^,\n]*$", "");
        Path p = dir.resolve("P.csv");
        CliRun.Result r = CliRun.run(
                "diagnose",
                "--real",
                real.toString(),
                "--synthetic",
                syn.toString(),
                "--predict",
                file("X.csv", "a,b,c,e\n" + x.substring(x.indexOf('\n') + 1)).toString(),
                "--predictions",
                p.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode model = org.collapselab.experiments.json.TheoryJson.MAPPER
                .readTree(r.out())
                .get("recommendation")
                .get("model");
        String[] lines = Files.readString(p).split("\n");
        assertThat(lines).hasSize(21);
        assertThat(lines[0]).isEqualTo("prediction");
        String[] first = x.split("\n")[1].split(",");
        double expect = model.get("intercept").asDouble();
        String[] names = {"a", "b", "c", "e"};
        for (int j = 0; j < 4; j++) {
            expect += model.get("coefficients").get(names[j]).asDouble() * Double.parseDouble(first[j]);
        }
        assertThat(Double.parseDouble(lines[1])).isCloseTo(expect, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** 0/1 labels: y = 1 when the Gaussian label is positive (real), the synthetic label the same of a shifted teacher. */
    static String binary(String csv) {
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        b.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            int cut = lines[i].lastIndexOf(',');
            b.append(lines[i], 0, cut + 1)
                    .append(Double.parseDouble(lines[i].substring(cut + 1)) > 2 ? "1" : "0")
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void zeroOneLabelsGetAccuracyAucAndAClassificationRecipe() throws Exception {
        Path real = file("R.csv", binary(gaussian(150, false, 1)));
        Path syn = file("S.csv", binary(gaussian(600, true, 2)));
        JsonNode j = diagnose("--real", real.toString(), "--synthetic", syn.toString(), "--task", "classification");
        assertThat(j.get("binaryLabels").asBoolean()).isTrue();
        for (String k : new String[] {"recommendation"}) {
            assertThat(j.get(k).get("accuracy").asDouble()).isBetween(0.6, 1.0);
            assertThat(j.get(k).get("auc").asDouble()).isBetween(0.6, 1.0);
        }
        JsonNode c = j.get("classification");
        assertThat(c.get("cvLogLoss").asDouble()).isLessThan(Math.log(2));
        assertThat(c.get("cvLogLoss").asDouble())
                .isLessThanOrEqualTo(c.get("realOnly").get("cvLogLoss").asDouble());
        assertThat(c.get("model").get("coefficients").size()).isEqualTo(4);
        CliRun.Result r = CliRun.run(
                "diagnose",
                "--real",
                file("G.csv", gaussian(100, false, 1)).toString(),
                "--synthetic",
                file("GS.csv", gaussian(200, true, 2)).toString(),
                "--task",
                "classification");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab diagnose: --task must be classification only with 0/1 labels in the "
                        + "real file, got classification with labels other than 0/1" + System.lineSeparator());
    }
}
