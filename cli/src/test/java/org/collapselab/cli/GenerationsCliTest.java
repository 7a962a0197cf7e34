package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.collapselab.experiments.json.TheoryJson;
import org.junit.jupiter.api.Test;

/** {@code theory} and {@code simulate} with {@code --generations K}: the per-generation contract and the labels. */
class GenerationsCliTest {

    @Test
    void theoryListsEveryGenerationAndTopLevelIsTheLast() throws Exception {
        CliRun.Result r = CliRun.run(
                "theory", "--d", "50", "--n", "200", "--p2", "0.5", "--sigma", "0.5", "--generations", "4", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        JsonNode g = j.get("generations");
        assertThat(g).hasSize(5);
        for (int k = 0; k <= 4; k++) {
            assertThat(g.get(k).get("generation").asInt()).isEqualTo(k);
        }
        // OLS replace, r = 0: E_k = E_0 + k·σ²d/(n − d − 1).
        double e0 = g.get(0).get("testError").asDouble();
        assertThat(g.get(4).get("testError").asDouble()).isCloseTo(e0 + 4 * 0.25 * 50 / 149.0, within(1e-12));
        assertThat(j.get("testError").asDouble())
                .isEqualTo(g.get(4).get("testError").asDouble());
        assertThat(j.get("generationCount").asInt()).isEqualTo(4);
        assertThat(j.get("loop").get("status").asText()).isEqualTo("marginal");
        assertThat(j.get("loop").get("stationaryError").isNull()).isTrue();
    }

    @Test
    void divergentLoopIsLabelledAndHasNoStationaryNumber() throws Exception {
        // p2 = ½ per generation, d/n = 0.85 > 0.75: ρ = ¼ + ¼·170/29 > 1.
        CliRun.Result r = CliRun.run(
                "theory",
                "--d",
                "170",
                "--n",
                "200",
                "--sigma",
                "0.5",
                "--generations",
                "3",
                "--fresh-real",
                "0.5",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode loop = TheoryJson.MAPPER.readTree(r.out()).get("loop");
        assertThat(loop.get("status").asText()).isEqualTo("divergent");
        assertThat(loop.get("contractionFactor").asDouble()).isCloseTo(0.25 + 0.25 * 170 / 29.0, within(1e-12));
        assertThat(loop.get("stationaryError").isNull()).isTrue();
        CliRun.Result table = CliRun.run(
                "theory", "--d", "170", "--n", "200", "--sigma", "0.5", "--generations", "3", "--fresh-real", "0.5");
        assertThat(table.out())
                .contains("loop        divergent (contraction factor rho = 1.715517 > 1)")
                .contains("E_inf       none (divergent)");
    }

    @Test
    void subsampleTheoryIsLabelledSimulationOnly() throws Exception {
        CliRun.Result r = CliRun.run(
                "theory",
                "--d",
                "20",
                "--n",
                "60",
                "--generations",
                "2",
                "--schedule",
                "accumulate-subsample",
                "--json");
        assertThat(r.code()).isEqualTo(Errors.FAILED);
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        assertThat(j.get("theoryAvailable").asBoolean()).isFalse();
        assertThat(j.get("theoryUnavailable").asText()).startsWith("simulation only: accumulate-subsample");
        assertThat(j.has("testError")).isFalse();
    }

    @Test
    void simulateListsMeanStdStderrPerGenerationWithTheoryBeside() throws Exception {
        CliRun.Result r = CliRun.run(
                "simulate",
                "--d",
                "20",
                "--n",
                "60",
                "--p2",
                "0.3",
                "--sigma",
                "0.3",
                "--lambda",
                "0.01",
                "--generations",
                "3",
                "--schedule",
                "replace",
                "--fresh-real",
                "0.2",
                "--runs",
                "6",
                "--seed",
                "4",
                "--threads",
                "2",
                "--json");
        assertThat(r.code()).isZero();
        JsonNode j = TheoryJson.MAPPER.readTree(r.out());
        JsonNode g = j.get("generations");
        assertThat(g).hasSize(4);
        for (JsonNode row : g) {
            for (String f : new String[] {"generation", "mean", "std", "stderr", "theory", "zScore"}) {
                assertThat(row.has(f)).as(f).isTrue();
            }
        }
        assertThat(j.get("mean").asDouble()).isEqualTo(g.get(3).get("mean").asDouble());
        assertThat(j.get("runs")).hasSize(6);
        assertThat(j.get("loop").get("status").asText()).isEqualTo("stable");
    }

    @Test
    void simulateSubsampleSaysTheoryIsUnavailable() throws Exception {
        CliRun.Result r = CliRun.run(
                "simulate",
                "--d",
                "10",
                "--n",
                "30",
                "--generations",
                "2",
                "--schedule",
                "accumulate-subsample",
                "--runs",
                "3",
                "--threads",
                "1");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("theory      unavailable: simulation only: accumulate-subsample")
                .contains("generation           mean");
    }

    @Test
    void aGenerationsStudyWithNoFiguresDrawsNoneAndSkipsTheBoundary(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("gen.yaml");
        // boundary_rows at its largest: without figures its theory is not computed at all.
        java.nio.file.Files.writeString(
                file,
                "name: gen\nkind: generations\nd: 6\nn: 20\ngenerations: 6\nruns: 4\n" + "boundary_rows: 10000\n");
        java.nio.file.Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("run", file.toString(), "--out", out.toString(), "--no-figures");
        assertThat(r.code()).as(r.err()).isIn(0, 1); // claims may fail at 4 runs; the figures are the point here
        assertThat(out.resolve("results.db")).exists();
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(out)) {
            assertThat(s.map(java.nio.file.Path::toString)
                            .filter(f -> f.endsWith(".png") || f.endsWith(".svg"))
                            .toList())
                    .isEmpty();
        }
    }
}
