package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.collapselab.experiments.forecast.PilotFile;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.forecast.Pilot;
import org.collapselab.forecast.PilotSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code forecast --real R --synthetic S --learner L --budget SECONDS}: one exact line and exit 2 per bad flag or data
 * file; ridge pilots on a Gaussian teacher (real) and a shifted teacher (synthetic) run end to end, resume without
 * recomputing, and give a pilot file whose forecast grows with the synthetic share.
 */
class ForecastPilotsCommandTest {
    static final int D = 10;

    @TempDir
    Path dir;

    /**
     * {@code rows} rows y = x·w + 0.5·ε with x ~ N(0, I_10), w ~ N(0, I/10) from seed 1; {@code shift} adds δ with
     * ‖δ‖² = shift to w (the synthetic teacher); {@code binary} writes 1[y > 0] instead.
     */
    static String rows(int rows, double shift, boolean binary, long seed) {
        SplittableRandom t = new SplittableRandom(1);
        double[] w = new double[D];
        double[] delta = new double[D];
        for (int j = 0; j < D; j++) {
            w[j] = t.nextGaussian() / Math.sqrt(D);
            delta[j] = (j % 2 == 0 ? 1 : -1) * Math.sqrt(shift / D);
        }
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < D; j++) {
            b.append("x").append(j).append(',');
        }
        b.append("y\n");
        for (int i = 0; i < rows; i++) {
            double y = 0.5 * r.nextGaussian();
            for (int j = 0; j < D; j++) {
                double x = r.nextGaussian();
                y += x * (w[j] + delta[j]);
                b.append(String.format(Locale.ROOT, "%.6f,", x));
            }
            b.append(binary ? (y > 0 ? "1" : "0") : String.format(Locale.ROOT, "%.6f", y))
                    .append('\n');
        }
        return b.toString();
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    String[] args(Path real, Path syn, String learner, String... more) {
        return Stream.concat(
                        Stream.of(
                                "forecast",
                                "--real",
                                real.toString(),
                                "--synthetic",
                                syn.toString(),
                                "--learner",
                                learner,
                                "--budget",
                                "60",
                                "--threads",
                                "1",
                                "--bootstrap",
                                "20"),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void ridgePilotsRunResumeAndForecastAnErrorThatGrowsWithTheShare() throws Exception {
        Path real = file("R.csv", rows(1200, 0, false, 2));
        Path syn = file("S.csv", rows(600, 0.5, false, 3));
        Path out = dir.resolve("out");
        CliRun.Result first = CliRun.run(args(real, syn, "ridge", "--out", out.toString(), "--json"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err())
                .contains("pilots: ridge (lambda=0.001), error = MSE on the real test rows; 900 real training rows,"
                        + " 600 synthetic, 300 test")
                .contains("plan: 6 sizes n = 50, 90, 150, 250, 430, 720 × p2 ∈ {0, 0.1, 0.3, 0.5} × 3 seeds = 72 runs")
                .contains("pilots: 72 runs computed now, 0 stored before (" + out.resolve("results.db") + "), ");
        JsonNode j = TheoryJson.MAPPER.readTree(first.out());
        assertThat(j.get("fit").get("parameters").get("gap").get("value").isNumber())
                .isTrue();
        Path pilots = out.resolve("pilots.csv");
        assertThat(out.resolve("results.db")).isRegularFile();
        List<Pilot> runs = PilotFile.runs(pilots);
        assertThat(runs).hasSize(72).allMatch(p -> p.seed() != null && p.error() > 0);
        PilotSet set = PilotFile.read(pilots);
        assertThat(set.shares()).containsExactly(0.0, 0.1, 0.3, 0.5);
        assertThat(set.largestSize()).isEqualTo(720);

        CliRun.Result again = CliRun.run(args(real, syn, "ridge", "--out", out.toString()));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("plan (from pilots-plan.json): 6 sizes")
                .contains("pilots: 0 runs computed now, 72 stored before (" + out.resolve("results.db") + "), ");

        // measured at n = 720: half synthetic rows (teacher off by ‖δ‖² = 0.5) cost about 0.5²·0.5 = 0.125
        assertThat(meanError(runs, 720, 0.5)).isGreaterThan(meanError(runs, 720, 0) + 0.06);
        // the refit at 10× the largest pilot: the forecast error grows with p2
        double pure = forecastAt(pilots, "0");
        double mid = forecastAt(pilots, "0.3");
        double half = forecastAt(pilots, "0.5");
        assertThat(pure).isPositive().isLessThan(mid);
        assertThat(mid).isLessThan(half);
    }

    @Test
    void shardsFillOneFolderAndTheLastOneFits() throws Exception {
        Path real = file("R.csv", rows(1200, 0, false, 2));
        Path syn = file("S.csv", rows(600, 0.5, false, 3));
        Path out = dir.resolve("out");
        CliRun.Result first = CliRun.run(args(real, syn, "ridge", "--out", out.toString(), "--shard", "0/2"));
        assertThat(first.code()).as(first.err()).isZero();
        int computed = computedNow(first.out());
        assertThat(computed).isBetween(1, 71);
        assertThat(first.out())
                .contains("shard 0/2: " + computed + " of 72 runs stored; run the other shards into " + out)
                .doesNotContain("law:");
        assertThat(out.resolve("pilots.csv")).doesNotExist();

        CliRun.Result second = CliRun.run(args(real, syn, "ridge", "--out", out.toString(), "--shard", "1/2"));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("plan (from pilots-plan.json)").contains("law:");
        assertThat(computedNow(second.out())).isEqualTo(72 - computed);
        assertThat(PilotFile.runs(out.resolve("pilots.csv"))).hasSize(72);

        CliRun.Result all = CliRun.run(args(real, syn, "ridge", "--out", out.toString()));
        assertThat(all.out())
                .contains("pilots: 0 runs computed now, 72 stored before (" + out.resolve("results.db") + "), ");
    }

    @Test
    void shardsOnTwoMachinesShareThePlanFileAndMerge() throws Exception {
        Path real = file("R.csv", rows(1200, 0, false, 2));
        Path syn = file("S.csv", rows(600, 0.5, false, 3));
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun.Result first = CliRun.run(args(real, syn, "ridge", "--out", a.toString(), "--shard", "0/2"));
        assertThat(first.code()).as(first.err()).isZero();
        Files.createDirectories(b);
        Files.copy(a.resolve("pilots-plan.json"), b.resolve("pilots-plan.json"));
        CliRun.Result second = CliRun.run(args(real, syn, "ridge", "--out", b.toString(), "--shard", "1/2"));
        assertThat(second.out()).contains("plan (from pilots-plan.json)");
        int fromB = computedNow(second.out());
        assertThat(computedNow(first.out()) + fromB).isEqualTo(72);
        CliRun.Result all = CliRun.run(args(
                real,
                syn,
                "ridge",
                "--out",
                a.toString(),
                "--merge",
                b.resolve("results.db").toString()));
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out())
                .contains("merged " + fromB + " cells from " + b.resolve("results.db"))
                .contains("pilots: 0 runs computed now, 72 stored before")
                .contains("law:");
    }

    private static int computedNow(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pilots: (\\d+) runs computed now")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static double meanError(List<Pilot> runs, long n, double p2) {
        return runs.stream()
                .filter(p -> p.n() == n && p.p2() == p2)
                .mapToDouble(Pilot::error)
                .average()
                .orElseThrow();
    }

    private static double forecastAt(Path pilots, String p2) throws IOException {
        CliRun.Result r = CliRun.run(
                "forecast",
                "--pilots",
                pilots.toString(),
                "--at-n",
                "7200",
                "--at-p2",
                p2,
                "--bootstrap",
                "20",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return TheoryJson.MAPPER
                .readTree(r.out())
                .get("forecast")
                .get("testError")
                .asDouble();
    }

    @Test
    void logisticPilotsReportAMisclassificationRate() throws Exception {
        Path real = file("R.csv", rows(400, 0, true, 2));
        Path syn = file("S.csv", rows(200, 0.5, true, 3));
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run(args(real, syn, "logistic", "--out", out.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("error = misclassification rate on the real test rows")
                .contains(", 100 test");
        for (Pilot p : PilotFile.runs(out.resolve("pilots.csv"))) {
            assertThat(p.error()).isBetween(0.0, 0.5);
            assertThat(p.error() * 100)
                    .as("a share of the 100 test rows")
                    .isCloseTo(Math.rint(p.error() * 100), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '^',
            value = {
                "neither          ^ --level=0.9                         ^ --pilots must be given, or --real with --synthetic, --learner and --budget, got neither",
                "both             ^ --pilots=P.csv --real=R.csv         ^ --real must be given instead of --pilots, not with it, got both",
                "synthetic alone  ^ --pilots=P.csv --synthetic=S.csv    ^ --synthetic must be given only with --real, got it with --pilots",
                "learner alone    ^ --pilots=P.csv --learner=ridge      ^ --learner must be given only with --real, got it with --pilots",
                "budget alone     ^ --pilots=P.csv --budget=60          ^ --budget must be given only with --real, got it with --pilots",
                "label alone      ^ --pilots=P.csv --label=y            ^ --label must be given only with --real, got it with --pilots",
                "test alone       ^ --pilots=P.csv --test=T.csv         ^ --test must be given only with --real, got it with --pilots",
                "delimiter alone  ^ --pilots=P.csv --delimiter=;        ^ --delimiter must be given only with --real, got it with --pilots",
                "one-hot alone    ^ --pilots=P.csv --one-hot=x0         ^ --one-hot must be given only with --real, got it with --pilots",
                "drop alone       ^ --pilots=P.csv --drop-missing       ^ --drop-missing must be given only with --real, got it with --pilots",
                "shard alone      ^ --pilots=P.csv --shard=0/2          ^ --shard must be given only with --real, got it with --pilots",
                "merge alone      ^ --pilots=P.csv --merge=A.db         ^ --merge must be given only with --real, got it with --pilots",
                "no synthetic     ^ --real=R.csv --learner=ridge --budget=60 ^ --synthetic must be given with --real, got nothing",
                "no learner       ^ --real=R.csv --synthetic=S.csv --budget=60 ^ --learner must be given with --real, got nothing",
                "no budget        ^ --real=R.csv --synthetic=S.csv --learner=ridge ^ --budget must be given with --real, got nothing",
                "learner unknown  ^ --real=R.csv --synthetic=S.csv --learner=svm --budget=60 ^ --learner must be one of ridge, logistic, mlp, random-features, got svm",
                "budget low       ^ --real=R.csv --synthetic=S.csv --learner=ridge --budget=0.5 ^ --budget must be a number of seconds in [1, 86400], got 0.5",
                "budget high      ^ --real=R.csv --synthetic=S.csv --learner=ridge --budget=86401 ^ --budget must be a number of seconds in [1, 86400], got 86401",
                "delimiter bad    ^ --real=R.csv --synthetic=S.csv --learner=ridge --budget=60 --delimiter=x ^ --delimiter must be one of , ; | tab, got x",
                "merge missing    ^ --real=R.csv --synthetic=S.csv --learner=ridge --budget=60 --merge=A.db ^ --merge must be an existing result database, got A.db",
                "shard bad        ^ --real=R.csv --synthetic=S.csv --learner=ridge --budget=60 --shard=2/2 ^ --shard must be k/N with N >= 1 and 0 <= k < N, got 2/2",
            })
    void badFlagIsOneLineAndExit2(String name, String flags, String message) {
        String[] args = Stream.concat(
                        Stream.of("forecast"),
                        Stream.of(flags.trim().split(" +"))
                                .map(a -> a.replaceFirst("=(\\w+\\.(csv|db))$", "=" + dir + "/$1")))
                .toArray(String[]::new);
        CliRun.Result r = CliRun.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab forecast: " + message.replace("got A.db", "got " + dir.resolve("A.db"))
                        + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unusableDataFilesAreOneLineAndExit2() throws Exception {
        Path real = file("R.csv", rows(1200, 0, false, 2));
        Path syn = file("S.csv", rows(600, 0.5, false, 3));
        Path out = dir.resolve("out");
        expect(
                args(file("small.csv", rows(100, 0, false, 2)), syn, "ridge", "--out", out.toString()),
                dir.resolve("small.csv") + ": rows: got 75 real training rows after the 25% test split; allowed: at "
                        + "least 125 (the largest pilot size, 80% of them, must reach 2 × 50 = 2 × max(2·features, 50))");
        expect(
                args(real, file("few.csv", rows(10, 0.5, false, 3)), "ridge", "--out", out.toString()),
                dir.resolve("few.csv")
                        + ": rows: got 10 rows; allowed: at least 20 (a synthetic share of 0.1 at n = 200)");
        expect(
                args(real, syn, "logistic", "--out", out.toString()),
                real + ": label column: got 1200 distinct labels; allowed: 2 to 20 classes for --learner logistic "
                        + "(binary or categorical labels)");
        Path binary = file("B.csv", rows(1200, 0, true, 2));
        String labels = rows(600, 0.5, true, 3);
        expect(
                args(binary, file("S2.csv", labels.replace(",1\n", ",2\n")), "logistic", "--out", out.toString()),
                dir.resolve("S2.csv")
                        + ": label column: got a class the real rows do not have; allowed: the real rows' 2 "
                        + "classes for --learner logistic");
        expect(
                args(binary, file("S3.csv", labels.replace(",1\n", ",0.5\n")), "logistic", "--out", out.toString()),
                dir.resolve("S3.csv") + ": label column: got a label that is not a whole number; allowed: class labels "
                        + "(whole numbers) for --learner logistic");
        expect(
                args(real, syn, "ridge", "--label", "z", "--out", out.toString()),
                real
                        + ": line 1: got no column named 'z'; allowed: a header with the label column (--label, default y)");
        expect(
                args(real, syn, "ridge", "--test", dir.resolve("T.csv").toString(), "--out", out.toString()),
                dir.resolve("T.csv")
                        + ": file: got no readable file; allowed: an existing CSV, .csv.gz, .npy or .npz file");
        expect(
                args(real, syn, "ridge", "--one-hot", "q", "--out", out.toString()),
                real + ": line 1: got no feature column named 'q' for --one-hot; allowed: names of feature columns in "
                        + "the header");
        assertThat(out).as("nothing is written before the files are checked").doesNotExist();
    }

    private static void expect(String[] args, String message) {
        CliRun.Result r = CliRun.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("collapselab forecast: " + message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }
}
