package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code collapselab diagnose}: the JSON contract, the report, and one exact line with exit 2 per bad file. */
class DiagnoseCommandTest {
    @TempDir
    Path dir;

    /** A small Gaussian pair: y = xᵀw1 + 0.5ε (real), y = xᵀ(w1 + Δ) + 0.3ε (synthetic), d = 4. */
    static String gaussian(int rows, boolean synthetic, long seed) {
        Random rng = new Random(seed);
        double[] w1 = {0.5, -0.3, 0.2, 0.1};
        double[] delta = {0.3, 0.2, -0.4, 0.1};
        StringBuilder b = new StringBuilder("a,b,c,e,y\n");
        for (int i = 0; i < rows; i++) {
            double y = 2.0;
            for (int j = 0; j < 4; j++) {
                double x = rng.nextGaussian() + 1;
                y += (x - 1) * (w1[j] + (synthetic ? delta[j] : 0));
                b.append(String.format(Locale.ROOT, "%.6f,", x));
            }
            y += (synthetic ? 0.3 : 0.5) * rng.nextGaussian();
            b.append(String.format(Locale.ROOT, "%.6f%n", y));
        }
        return b.toString();
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonHasTheContractKeysAndTheReportIsWritten() throws Exception {
        Path real = file("R.csv", gaussian(200, false, 1));
        Path syn = file("S.csv", gaussian(800, true, 2));
        Path out = dir.resolve("report");
        CliRun.Result r = CliRun.run(
                "diagnose",
                "--real",
                real.toString(),
                "--synthetic",
                syn.toString(),
                "--json",
                "--out",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        for (String k : new String[] {"c2", "c2Low", "c2High", "sigma2Real", "sigma2Synthetic"}) {
            assertThat(j.get("estimates").get(k).isNumber()).as(k).isTrue();
        }
        for (JsonNode rec : new JsonNode[] {
            j.get("recommendation"),
            j.get("baselines").get("realOnly"),
            j.get("baselines").get("allSynthetic")
        }) {
            for (String k :
                    new String[] {"syntheticRows", "syntheticWeight", "lambda", "predictedTestError", "measuredError"
                    }) {
                assertThat(rec.get(k).isNumber()).as(k).isTrue();
            }
        }
        JsonNode e = j.get("estimates");
        // ‖Δ‖²_Σ with Σ = I: 0.09 + 0.04 + 0.16 + 0.01 = 0.30.
        assertThat(e.get("c2Low").asDouble()).isLessThanOrEqualTo(0.30);
        assertThat(e.get("c2High").asDouble()).isGreaterThanOrEqualTo(0.30);
        assertThat(e.get("sigma2Real").asDouble()).isBetween(0.15, 0.35);
        assertThat(j.get("baselines").get("realOnly").get("syntheticRows").asInt())
                .isZero();
        assertThat(j.get("baselines").get("allSynthetic").get("syntheticRows").asInt())
                .isEqualTo(800);
        // Predicted error includes the label noise, like the measured one.
        assertThat(j.get("recommendation").get("predictedTestError").asDouble()).isGreaterThan(0.2);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "diagnose.html",
                            "diagnose-curves.png",
                            "diagnose-curves.svg",
                            "diagnose-spectra.png",
                            "diagnose-spectra.svg");
        }
        assertThat(Files.readString(out.resolve("diagnose.html"))).contains("c² = ‖w2 − w1‖²_Σ1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing label | a,b,c\\n1,2,3\\n | R.csv: line 1: got no column named 'y'; allowed: a header with the label column (--label, default y)",
                "non-numeric | a,b,c,e,y\\n1,2,3,4,5\\n1,secret,3,4,5\\n | R.csv: line 3, column 2: got a non-numeric cell; allowed: a finite number (name a categorical column in --one-hot COL,...)",
                "NaN | a,b,c,e,y\\n1,2,3,4,5\\n1,2,NaN,4,5\\n | R.csv: line 3, column 3: got a missing cell; allowed: a finite number (or --drop-missing to drop such rows)",
                "infinite | a,b,c,e,y\\n1,2,3,4,1e999\\n | R.csv: line 2, column 5: got an infinite value; allowed: a finite number",
                "empty cell | a,b,c,e,y\\n1,2,,4,5\\n | R.csv: line 2, column 3: got a missing cell; allowed: a finite number (or --drop-missing to drop such rows)",
                "ragged | a,b,c,e,y\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2\\n | R.csv: line 4: got 2 cells; allowed: 5 cells, one per header column",
                "empty file | | R.csv: line 1: got an empty file; allowed: a header line naming the columns, then rows",
                "too few rows | a,b,c,e,y\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n1,2,3,4,5\\n | R.csv: data rows: got 9 data rows; allowed: at least 10 real rows; with fewer, train on the synthetic rows at weight 1 or collect more real rows (the real label noise cannot be estimated from fewer)"
            })
    void badRealFileIsOneLineAndExit2(String name, String content, String message) throws Exception {
        Path real = file("R.csv", content == null ? "" : content.replace("\\n", "\n"));
        Path syn = file("S.csv", gaussian(100, true, 2));
        Path out = dir.resolve("report");
        CliRun.Result r = CliRun.run(
                "diagnose", "--real", real.toString(), "--synthetic", syn.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("collapselab diagnose: " + dir.resolve(message) + System.lineSeparator());
        assertThat(r.err()).doesNotContain("secret");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void syntheticFileWithOtherFeatureColumnsIsRejected() throws Exception {
        Path real = file("R.csv", gaussian(100, false, 1));
        Path syn = file("S.csv", gaussian(100, true, 2).replaceFirst("a,b,c,e,y", "a,b,zz,e,y"));
        CliRun.Result r = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab diagnose: " + syn + ": line 1: got a feature column the real"
                        + " file does not have; allowed: the real file's 4 feature columns (any order)"
                        + System.lineSeparator());
    }

    @Test
    void syntheticFileMissingAFeatureColumnIsRejected() throws Exception {
        Path real = file("R.csv", gaussian(100, false, 1));
        Path syn = file("S.csv", gaussian(100, true, 2).replaceAll("(?m)^([^,]*),", ""));
        CliRun.Result r = CliRun.run("diagnose", "--real", real.toString(), "--synthetic", syn.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab diagnose: " + syn + ": line 1: got 3 feature columns; allowed: the"
                        + " real file's 4 feature columns (any order)" + System.lineSeparator());
    }

    @Test
    void otherLabelColumnAndTestFile() throws Exception {
        Path real = file("R.csv", gaussian(150, false, 1).replaceFirst(",y\n", ",target\n"));
        Path syn = file("S.csv", gaussian(300, true, 2).replaceFirst(",y\n", ",target\n"));
        Path test = file("T.csv", gaussian(400, false, 3).replaceFirst(",y\n", ",target\n"));
        CliRun.Result r = CliRun.run(
                "diagnose",
                "--real",
                real.toString(),
                "--synthetic",
                syn.toString(),
                "--label",
                "target",
                "--test",
                test.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("validation").get("method").asText()).isEqualTo("test");
        assertThat(j.get("validation").get("heldOutRows").asInt()).isEqualTo(400);
    }

    @Test
    void unwritableOutputFolderIsOneLineAndLeavesNothing() throws Exception {
        Path real = file("R.csv", gaussian(100, false, 1));
        Path syn = file("S.csv", gaussian(200, true, 2));
        Path blocker = file("report", "a file where the folder should be");
        CliRun.Result r = CliRun.run(
                "diagnose", "--real", real.toString(), "--synthetic", syn.toString(), "--out", blocker.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("collapselab diagnose: " + blocker + ": cannot write the report: ")
                .doesNotContain("\tat ")
                .hasLineCount(1);
        assertThat(Files.readString(blocker)).isEqualTo("a file where the folder should be");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("R.csv", "S.csv", "report");
        }
    }

    @Test
    void missingFileAndBadFlag() throws Exception {
        Path syn = file("S.csv", gaussian(100, true, 2));
        CliRun.Result r =
                CliRun.run("diagnose", "--real", dir.resolve("nope.csv").toString(), "--synthetic", syn.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab diagnose: " + dir.resolve("nope.csv")
                        + ": file: got no readable file; allowed: an existing CSV, .csv.gz, .npy or .npz file"
                        + System.lineSeparator());
        CliRun.Result f =
                CliRun.run("diagnose", "--real", syn.toString(), "--synthetic", syn.toString(), "--folds", "1");
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err())
                .isEqualTo(
                        "collapselab diagnose: --folds must be an integer in [2, 50], got 1" + System.lineSeparator());
    }
}
