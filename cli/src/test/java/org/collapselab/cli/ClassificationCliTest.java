package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code theory}/{@code simulate} with {@code --task classification}: the flag contract, JSON keys, exit codes. */
class ClassificationCliTest {

    @Test
    void theoryJsonIsTheCoreAnswer() throws Exception {
        CliRun.Result r = CliRun.run(
                "theory",
                "--task",
                "classification",
                "--d",
                "200",
                "--n",
                "400",
                "--p2",
                "0.5",
                "--mu2",
                "2",
                "--flip-rate",
                "0.2",
                "--loss",
                "logistic",
                "--lambda",
                "0.01",
                "--spectrum",
                "power:1",
                "--synthetic-weight",
                "2",
                "--keep-good",
                "0.9",
                "--keep-bad",
                "0.3",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        for (String f : new String[] {
            "task",
            "loss",
            "mu2",
            "flipRate",
            "keepGood",
            "keepBad",
            "syntheticWeight",
            "testError",
            "bayesError",
            "overlap",
            "normSquared",
            "directionCorrection",
            "converged",
            "iterations",
            "residual"
        }) {
            assertThat(j.has(f)).as(f).isTrue();
        }
        double core = ClassificationTheory.predict(new ClassificationProblem(
                        Spectrum.powerLaw(200, 1), 400, 0.5, 2, 0.2, Loss.LOGISTIC, 0.01, 2, 0.9, 0.3, null))
                .testError();
        assertThat(j.get("testError").asDouble()).isEqualTo(core);
        assertThat(j.get("bayesError").asDouble()).isCloseTo(0.0786496, within(1e-6));
    }

    @Test
    void simulateJsonHasRunsTheoryAndZ() throws Exception {
        CliRun.Result r = CliRun.run(
                "simulate",
                "--task",
                "classification",
                "--d",
                "30",
                "--n",
                "60",
                "--p2",
                "0.5",
                "--mu2",
                "1",
                "--flip-rate",
                "0.3",
                "--lambda",
                "0.1",
                "--runs",
                "6",
                "--seed",
                "4",
                "--threads",
                "2",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("runs")).hasSize(6);
        assertThat(j.get("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("theory").get("testError").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.has("zScore")).isTrue();
    }

    @Test
    void loopsAreSimulatedAndTheoryIsUnavailable() throws Exception {
        CliRun.Result s = CliRun.run(
                "simulate",
                "--task",
                "classification",
                "--d",
                "20",
                "--n",
                "50",
                "--p2",
                "0.5",
                "--mu2",
                "2",
                "--flip-rate",
                "0.2",
                "--lambda",
                "0.1",
                "--generations",
                "2",
                "--fresh-real",
                "0.2",
                "--runs",
                "3",
                "--json");
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(s.out());
        assertThat(j.get("generations")).hasSize(3);
        assertThat(j.get("theoryUnavailable").asText()).startsWith(ClassificationTheory.SIMULATION_ONLY);
        CliRun.Result t =
                CliRun.run("theory", "--task", "classification", "--d", "20", "--n", "50", "--generations", "2");
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.out()).contains("unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--flip-rate 1.5                 | --flip-rate must be in [0, 1], got 1.5",
                "--flip-rate abc                 | --flip-rate must be a number, got abc",
                "--mu2 -1                        | --mu2 must be in [0, 10000], got -1.0",
                "--loss hinge                    | --loss must be one of square, logistic, got hinge",
                "--keep-good 2                   | --keep-good must be in [0, 1], got 2.0",
                "--keep-bad -0.5                 | --keep-bad must be in [0, 1], got -0.5",
                "--loss logistic                 | --lambda must be > 0 with --loss logistic (the minimiser need not exist at 0), got 0.0",
                "--c2 1                          | --c2 must be left out with --task classification (a regression flag), got a value",
                "--model rp --m 5                | --model must be left out with --task classification (a regression flag), got a value",
                "--bad-share 0.5                 | --bad-share must be left out with --task classification (a regression flag), got a value",
                "--accept-band 1:1               | --accept-band must be left out with --task classification (a regression flag), got a value",
                "--synthetic-weight -1           | --synthetic-weight must be finite and >= 0, got -1.0",
            })
    void badInputIsOneLineExitTwo(String flags, String message) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("theory", "--task", "classification", "--d", "10", "--n", "20", "--json"));
        args.addAll(java.util.List.of(flags.trim().split("\\s+")));
        CliRun.Result r = CliRun.run(args.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("collapselab theory: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--mu2 2        | --mu2 must be left out with --task regression (a classification flag), got a value",
                "--task images  | --task must be one of regression, classification, got images"
            })
    void classificationFlagsNeedTheTask(String flags, String message) {
        String[] extra = flags.trim().split("\\s+");
        CliRun.Result r = CliRun.run("theory", "--d", "10", "--n", "20", extra[0], extra[1]);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("collapselab theory: " + message);
    }
}
