package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collapselab.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.cli.CliRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CliTest {

    @Test
    void theoryJsonHasTheContractFields() throws Exception {
        Result r = run(
                "theory",
                "--model",
                "ridge",
                "--d",
                "100",
                "--n",
                "400",
                "--p2",
                "0.2",
                "--c2",
                "1",
                "--sigma",
                "0.5",
                "--lambda",
                "0",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        for (String f : new String[] {"testError", "bias", "variance", "zeta", "converged", "iterations", "residual"}) {
            assertThat(j.has(f)).as(f).isTrue();
        }
        // Isotropic ridgeless: E = σ²φ/(1−φ) + p2²c² + p2(1−p2)c²φ/(1−φ) with φ = 1/4.
        double phi = 0.25;
        double expected = 0.25 * phi / (1 - phi) + 0.04 + 0.16 * phi / (1 - phi);
        assertThat(j.get("testError").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(j.get("converged").asBoolean()).isTrue();
    }

    @Test
    void simulateJsonHasRunsAndSummary() throws Exception {
        Result r = run(
                "simulate",
                "--d",
                "20",
                "--n",
                "60",
                "--p2",
                "0.1",
                "--sigma",
                "0.3",
                "--lambda",
                "0.01",
                "--runs",
                "5",
                "--seed",
                "3",
                "--threads",
                "2",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("runs")).hasSize(5);
        double mean = 0;
        for (JsonNode v : j.get("runs")) {
            mean += v.asDouble() / 5;
        }
        assertThat(j.get("mean").asDouble()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(j.get("std").asDouble()).isPositive();
        assertThat(j.get("stderr").asDouble())
                .isCloseTo(j.get("std").asDouble() / Math.sqrt(5), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(j.has("theory")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--d 10 --n -5                      | --n must be an integer in [1, 1000000000000000], got -5",
                "--d 10 --n 100 --p2 1.5            | --p2 must be in [0, 1], got 1.5",
                "--d 10 --n 100 --p2 NaN            | --p2 must be in [0, 1], got NaN",
                "--d 10 --n 100 --model rp          | --m must be an integer in [1, 1000000000000000] (required for model rp), got nothing",
                "--d 10 --n 100 --synthetic-sigma -1 | --synthetic-sigma must be finite and >= 0, got -1.0",
                "--d 10 --n 100 --synthetic-weight -2 | --synthetic-weight must be finite and >= 0, got -2.0",
                "--d 10 --n 100 --estimator both    | --estimator must be one of mix, prior, got both",
                "--d 10 --n 100 --generations -1    | --generations must be an integer in [0, 10000], got -1",
                "--d 10 --n 100 --schedule keep     | --schedule must be one of replace, accumulate, accumulate-subsample, got keep",
                "--d 10 --n 100 --fresh-real 1.5    | --fresh-real must be in [0, 1], got 1.5",
                "--d 10 --n 100 --spectrum power:x  | --spectrum must be iso, power:A (A >= 0) or file:PATH, got power:x",
                "--d 10 --n 100 --lambda -1         | --lambda must be finite and >= 0, got -1.0",
                "--d 0 --n 100                      | --d must be an integer >= 1, got 0",
                "--d 10 --n 100 --model cnn         | --model must be one of ridge, rp, got cnn",
            })
    void badInputIsOneLineNamingTheFlag(String args, String message) {
        for (String cmd : new String[] {"theory", "simulate"}) {
            String[] argv = (cmd + " " + args.trim()).split("\\s+");
            Result r = run(argv);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().trim()).isEqualTo("collapselab " + cmd + ": " + message);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void divergentTheoryPointIsAClearError() {
        Result r = run("theory", "--d", "50", "--n", "50");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("interpolation threshold d = n = 50").doesNotContain("Exception");
    }

    @Test
    void spectrumFromFileAndMalformedFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("eig.txt");
        Files.writeString(good, "# three eigenvalues\n3 2\n1\n");
        Result ok = run("theory", "--d", "0", "--n", "10", "--spectrum", "file:" + good, "--json");
        assertThat(ok.code()).isZero();
        assertThat(org.collapselab.experiments.json.TheoryJson.MAPPER
                        .readTree(ok.out())
                        .get("d")
                        .asInt())
                .isEqualTo(3);
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "1 2 oops\n");
        Result r = run("theory", "--d", "0", "--n", "10", "--spectrum", "file:" + bad);
        assertThat(r.code()).isEqualTo(2);
        // The message names the file, line and item, never the file's content.
        assertThat(r.err().trim())
                .isEqualTo("collapselab theory: --spectrum must be a text file of eigenvalues > 0, got " + "file:" + bad
                        + " (line 1, item 3 is not a number)")
                .doesNotContain("oops");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--sampler fast                        | --sampler must be one of auto, exact, direct, got fast",
                "--features cauchy                     | --features must be one of gaussian, rademacher, uniform, student:NU with NU > 2, got cauchy",
                "--features rademacher --sampler exact | --sampler must be direct or auto with --features rademacher (exact sampling needs Gaussian features), got exact",
            })
    void badSimulationOptionIsOneLine(String args, String message) {
        Result r = run(("simulate --d 10 --n 100 --runs 2 " + args.trim()).split("\\s+"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("collapselab simulate: " + message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void simulateReportsTheSamplerItUsed() throws Exception {
        Result big = run("simulate", "--d", "20", "--n", "100000", "--runs", "2", "--json");
        assertThat(org.collapselab.experiments.json.TheoryJson.MAPPER
                        .readTree(big.out())
                        .get("sampler")
                        .asText())
                .isEqualTo("exact");
        Result heavy = run("simulate", "--d", "20", "--n", "100", "--runs", "2", "--features", "student:5", "--json");
        JsonNode j = org.collapselab.experiments.json.TheoryJson.MAPPER.readTree(heavy.out());
        assertThat(j.get("sampler").asText()).isEqualTo("direct");
        assertThat(j.get("features").asText()).isEqualTo("student:5");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"theory", "simulate", "bench"}) {
            Result r = run(cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: collapselab " + cmd);
        }
    }

    @Test
    void internalFieldsNeverPoseAsFlags() {
        // simulate once blamed a "--delta" flag that does not exist (an internal vector's check).
        CommandLine cl = CollapseLab.newCommandLine();
        StringWriter err = new StringWriter();
        CommandLine sim = cl.getSubcommands().get("simulate");
        sim.setErr(new PrintWriter(err, true));
        int code = Errors.onExecutionError(
                new org.collapselab.validation.ParameterException(
                        "delta", "a vector containing " + "Infinity", "a vector of finite numbers"),
                sim,
                null);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().trim())
                .isEqualTo("collapselab simulate: delta must be a vector of finite numbers, got a "
                        + "vector containing Infinity");
        Result r = run("simulate", "--d", "73", "--n", "100", "--spectrum", "power:114.2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim())
                .startsWith("collapselab simulate: --spectrum must be a spectrum with λ_max/λ_min <= 1e+12");
    }
}
