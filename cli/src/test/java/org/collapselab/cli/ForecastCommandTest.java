package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.collapselab.forecast.CollapseLaw;
import org.collapselab.forecast.LawParameters;
import org.collapselab.forecast.LawShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code collapselab forecast}: the JSON contract, the files written, and one exact line with exit 2 per bad file. */
class ForecastCommandTest {
    /** A learner that levels off at d_eff = 200 above a floor of 0.05 (the law itself makes the pilots). */
    static final LawParameters LAW = new LawParameters(0.05, 1, 0.2, 0.4, new LawShape(200, 0.8, 1e-3, 0));

    @TempDir
    Path dir;

    /** Pilots at n = 50..1600, p2 ∈ {0, 0.2, 0.5}, two seeds each with a 2% run-to-run scatter. */
    static String pilots() {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder b = new StringBuilder("n,p2,error,seed\n");
        for (long n : new long[] {50, 100, 200, 400, 800, 1600}) {
            for (double p2 : new double[] {0, 0.2, 0.5}) {
                double e = CollapseLaw.predict(LAW, n, p2, 1);
                for (int s = 1; s <= 2; s++) {
                    b.append(String.format(
                            Locale.ROOT, "%d,%s,%.6f,%d%n", n, p2, e * (1 + 0.02 * rng.nextGaussian()), s));
                }
            }
        }
        return b.toString();
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonHasTheContractKeysAndTheFilesAreWritten() throws Exception {
        Path p = file("P.csv", pilots());
        Path out = dir.resolve("fc");
        CliRun.Result r = CliRun.run(
                "forecast",
                "--pilots",
                p.toString(),
                "--at-n",
                "16000",
                "--at-p2",
                "0.2",
                "--bootstrap",
                "20",
                "--json",
                "--out",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("fit").get("parameters").get("gap").get("value").isNumber())
                .isTrue();
        JsonNode f = j.get("forecast");
        assertThat(f.get("n").asLong()).isEqualTo(16000);
        assertThat(f.get("p2").asDouble()).isEqualTo(0.2);
        for (String k : new String[] {"testError", "low", "high"}) {
            assertThat(f.get(k).isNumber()).as(k).isTrue();
        }
        double truth = CollapseLaw.predict(LAW, 16000, 0.2, 1);
        assertThat(f.get("testError").asDouble())
                .as("forecast at 10x the largest pilot")
                .isBetween(0.9 * truth, 1.1 * truth);
        assertThat(f.get("low").asDouble())
                .isLessThanOrEqualTo(f.get("testError").asDouble());
        assertThat(f.get("high").asDouble())
                .isGreaterThanOrEqualTo(f.get("testError").asDouble());
        assertThat(f.get("baseline").get("testError").isNumber())
                .as("p2 = 0.2 was piloted")
                .isTrue();
        assertThat(j.get("curves")).hasSize(3);
        assertThat(j.get("bestMix").get("share").get("value").isNumber()).isTrue();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(x -> x.getFileName().toString()))
                    .containsExactlyInAnyOrder("forecast.json", "forecast.png", "forecast.svg");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "n zero        | n,p2,error\\n0,0,0.1           | P.csv: line 2, column 1 (n): got 0.0; allowed: an integer >= 1 (training rows)",
                "n fraction    | n,p2,error\\n1.5,0,0.1         | P.csv: line 2, column 1 (n): got 1.5; allowed: an integer >= 1 (training rows)",
                "p2 above one  | n,p2,error\\n10,1.5,0.1        | P.csv: line 2, column 2 (p2): got 1.5; allowed: a number in [0, 1]",
                "p2 text       | n,p2,error\\n10,half,0.1       | P.csv: line 2, column 2 (p2): got a cell that is not a number; allowed: a number in [0, 1]",
                "error negative| n,p2,error\\n10,0,-1           | P.csv: line 2, column 3 (error): got -1.0; allowed: a finite number >= 0",
                "error NaN     | n,p2,error\\n10,0,NaN          | P.csv: line 2, column 3 (error): got NaN; allowed: a finite number >= 0",
                "error empty   | n,p2,error\\n10,0,             | P.csv: line 2, column 3 (error): got an empty cell; allowed: a finite number >= 0",
                "stderr zero   | n,p2,error,stderr\\n10,0,0.1,0 | P.csv: line 2, column 4 (stderr): got 0.0; allowed: a finite number > 0, or empty",
                "weight below  | n,p2,error,weight\\n10,0,0.1,-2 | P.csv: line 2, column 4 (weight): got -2.0; allowed: a finite number >= 0, or empty (1)",
                "weight p2 one | n,p2,error,weight\\n10,1,0.1,0 | P.csv: line 2, column 4 (weight): got 0 with p2 = 1; allowed: a weight > 0 when every row is synthetic",
                "m zero        | n,p2,error,m\\n10,0,0.1,0      | P.csv: line 2, column 4 (m): got 0.0; allowed: a finite number > 0, or empty",
                "seed fraction | n,p2,error,seed\\n10,0,0.1,1.5 | P.csv: line 2, column 4 (seed): got 1.5; allowed: an integer, or empty",
                "unknown col   | n,p2,error,eror\\n10,0,0.1,1   | P.csv: line 1, column 4: got an unknown column name; allowed: n, p2, error, stderr, weight, m, seed",
                "missing col   | n,p2\\n10,0                    | P.csv: line 1: got no column 'error'; allowed: a header with the columns n, p2, error (and optionally stderr, weight, m, seed)",
                "short row     | n,p2,error\\n10,0              | P.csv: line 2: got 2 cells; allowed: 3 cells, one per header column",
                "no rows       | n,p2,error\\n                  | P.csv: line 2: got no pilot rows; allowed: one row per pilot run after the header",
                "empty file    | ''                             | P.csv: line 1: got an empty file; allowed: a header line naming the columns, then rows",
                "two sizes     | n,p2,error\\n10,0,0.1\\n20,0.5,0.2 | P.csv: column n: got 2 distinct sizes; allowed: at least 3 distinct training sizes n (the law's shape is fitted along n)",
                "no synthetic  | n,p2,error\\n10,0,0.3\\n20,0,0.2\\n40,0,0.1 | P.csv: column p2: got 0 in every run; allowed: at least one run with p2 > 0 (the gap c² is fitted from runs with synthetic rows)",
                "some stderr   | n,p2,error,stderr\\n10,0,0.3,0.1\\n20,0,0.2,\\n40,0.5,0.1,0.1 | P.csv: column stderr: got 2 of 3 runs; allowed: given for every run or for none",
            })
    void badPilotFileIsOneLineAndExit2(String name, String content, String message) throws Exception {
        Path p = file("P.csv", content == null ? "" : content.replace("\\n", "\n"));
        Path out = dir.resolve("fc");
        CliRun.Result r = CliRun.run("forecast", "--pilots", p.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("collapselab forecast: " + dir.resolve(message) + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void tooFewMixesForTheLawIsOneLineAndExit2() throws Exception {
        StringBuilder b = new StringBuilder("n,p2,error\n");
        for (long n : new long[] {100, 200, 400}) {
            b.append(n).append(",0,").append(1 / Math.sqrt(n)).append('\n');
            b.append(n).append(",0.5,").append(0.1 + 1 / Math.sqrt(n)).append('\n');
        }
        Path p = file("P.csv", b.toString());
        CliRun.Result r = CliRun.run("forecast", "--pilots", p.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("collapselab forecast: " + p + ": rows: got 6 distinct mixes (n, p2, A) with one "
                        + "run each; allowed: more than the law's 6 parameters when no run has a stderr or replicate seeds"
                        + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--at-n | 0 | collapselab forecast: --at-n must be an integer in [1, 1e12], got 0",
                "--at-p2 | 1 | collapselab forecast: --at-p2 must be in [0, 1), got 1.0",
                "--level | 0.2 | collapselab forecast: --level must be in [0.5, 0.99], got 0.2",
                "--bootstrap | 5 | collapselab forecast: --bootstrap must be an integer in [20, 100000], got 5",
            })
    void badFlagIsOneLineAndExit2(String flag, String value, String message) throws Exception {
        Path p = file("P.csv", pilots());
        String[] args = flag.equals("--at-n")
                ? new String[] {"--at-n", value, "--at-p2", "0.1"}
                : flag.equals("--at-p2")
                        ? new String[] {"--at-n", "100", "--at-p2", value}
                        : new String[] {flag, value};
        String[] all = Stream.concat(Stream.of("forecast", "--pilots", p.toString()), Stream.of(args))
                .toArray(String[]::new);
        CliRun.Result r = CliRun.run(all);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
    }
}
