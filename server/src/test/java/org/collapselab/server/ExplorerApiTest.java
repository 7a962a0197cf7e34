package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/view} (the page's one request per change), a retraining loop's generations through
 * {@code /api/theory}, and {@code POST /api/simulate} of a loop (one point per generation, as {@link LoopSimulator}).
 */
class ExplorerApiTest {
    static CollapseLabServer server;
    static TestClient client;
    static final String BASE = "d=200&n=1000&p2=0.2&c2=1&sigma=0.5&lambda=0.001";

    @BeforeAll
    static void start() throws Exception {
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, null, 2));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theViewHoldsTheCurvesOfTheTheory() throws Exception {
        JsonNode v = ok("/api/view?" + BASE + "&m=300");
        JsonNode n = v.get("curves").get("n");
        assertThat(n.get("values")).hasSize(ExplorerView.N_POINTS);
        Problem base = Problem.ridge(Spectrum.isotropic(200), 1000, 0.2, 1, 0.5, 1e-3);
        for (int i = 0; i < ExplorerView.N_POINTS; i += 13) {
            long x = n.get("values").get(i).asLong();
            Problem p = Problem.ridge(Spectrum.isotropic(200), x, 0.2, 1, 0.5, 1e-3);
            assertThat(n.get("testError").get(i).asDouble())
                    .as("n = " + x)
                    .isEqualTo(Theory.predict(p).testError());
            assertThat(n.get("zeta").get(i).asDouble())
                    .isEqualTo(Theory.predict(p).zeta());
        }
        assertThat(v.get("point").get("testError").asDouble())
                .isEqualTo(Theory.predict(base).testError());
        // error vs m is the random-projection model of width m; the Pareto partner has p2 = 0
        JsonNode m = v.get("curves").get("m");
        JsonNode pareto = v.get("curves").get("pareto");
        long w = m.get("values").get(40).asLong();
        assertThat(m.get("testError").get(40).asDouble())
                .isEqualTo(Theory.predict(Problem.randomProjection(Spectrum.isotropic(200), 1000, w, 0.2, 1, 0.5, 1e-3))
                        .testError());
        assertThat(pareto.get("testError").get(40).asDouble())
                .isEqualTo(Theory.predict(Problem.randomProjection(Spectrum.isotropic(200), 1000, w, 0, 1, 0.5, 1e-3))
                        .testError());
        assertThat(v.get("curves").get("p2").get("values")).hasSize(ExplorerView.P2_POINTS);
        assertThat(v.has("generations")).isFalse();
    }

    /**
     * Accumulating loops with λ > 0 have theory only where df2/n ≤ ½: below, the curve is null (a gap), never 0, and
     * each point says why.
     */
    @Test
    void undefinedStretchesAreNullWithTheirMessage() throws Exception {
        JsonNode n = ok("/api/view?" + BASE + "&generations=3&schedule=accumulate&fresh-real=0.5")
                .get("curves")
                .get("n");
        int nulls = 0;
        int defined = 0;
        for (int i = 0; i < n.get("values").size(); i++) {
            JsonNode y = n.get("testError").get(i);
            long x = n.get("values").get(i).asLong();
            Problem p = Problem.ridge(Spectrum.isotropic(200), x, 0.2, 1, 0.5, 1e-3)
                    .withGenerations(new Generations(3, Schedule.ACCUMULATE, 0.5));
            try {
                assertThat(y.asDouble())
                        .as("n = " + x)
                        .isEqualTo(Theory.predict(p).testError())
                        .isPositive();
                defined++;
            } catch (TheoryException e) {
                assertThat(y.isNull()).as("n = " + x).isTrue();
                assertThat(n.get("error").get(i).asText()).isEqualTo(e.getMessage());
                nulls++;
            }
        }
        assertThat(nulls).as("points without theory").isPositive();
        assertThat(defined).as("points with theory").isPositive();
        assertThat(n.get("undefined").asInt()).isEqualTo(nulls);
        assertThat(n.get("firstError").asText()).isNotBlank();
    }

    @Test
    void badInputNamesTheField() throws Exception {
        TestClient.Reply r = client.get("/api/view?d=200&n=1000&p2=1.5");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("p2");
        TestClient.Reply empty = client.get("/api/view?d=200&n=1000&sigma=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asText()).isEqualTo("sigma");
        assertThat(client.get("/api/view?d=200&n=1000&m=0").json().get("field").asText())
                .isEqualTo("m");
    }

    /** The loop's generations, status and basis pass through /api/theory and /api/view as the CLI prints them. */
    @Test
    void generationsPassThrough() throws Exception {
        JsonNode point = ok("/api/theory?" + BASE + "&generations=4&fresh-real=0.3");
        Problem p = Problem.ridge(Spectrum.isotropic(200), 1000, 0.2, 1, 0.5, 1e-3)
                .withGenerations(new Generations(4, Schedule.REPLACE, 0.3));
        GenerationsPrediction g = GenerationsTheory.predict(p);
        assertThat(point.get("generations")).hasSize(5);
        for (int k = 0; k <= 4; k++) {
            assertThat(point.get("generations").get(k).get("testError").asDouble())
                    .isEqualTo(g.testError(k));
        }
        assertThat(point.get("testError").asDouble()).isEqualTo(g.testError(4));
        assertThat(point.get("loop").get("status").asText())
                .isEqualTo(g.stability().status().key());
        assertThat(point.get("basis").asText()).isEqualTo(g.basis());
        JsonNode view =
                ok("/api/view?" + BASE + "&generations=4&fresh-real=0.3").get("generations");
        assertThat(view.get("generations")).isEqualTo(point.get("generations"));
        assertThat(view.get("approximate").asBoolean()).isFalse();
        // accumulate with λ > 0 and fresh real rows: an approximation, and the answer says so
        JsonNode approx = ok("/api/view?d=50&n=400&p2=0.2&c2=1&sigma=0.5&lambda=0.01&generations=3&schedule=accumulate"
                        + "&fresh-real=0.5")
                .get("generations");
        assertThat(approx.get("basis").asText()).startsWith("approximate");
        assertThat(approx.get("approximate").asBoolean()).isTrue();
        JsonNode none = ok("/api/view?" + BASE + "&generations=2&schedule=accumulate-subsample")
                .get("generations");
        assertThat(none.get("unavailable").asText()).startsWith(GenerationsTheory.SIMULATION_ONLY);
    }

    /** Simulate with generations > 0: one point per generation, equal to LoopSimulator with the same seed. */
    @Test
    void simulatingALoopGivesEveryGeneration() throws Exception {
        TestClient.Reply started = client.post(
                "/api/simulate",
                "{\"params\": {\"d\": 20, \"n\": 60, \"p2\": 0.2, "
                        + "\"c2\": 1, \"sigma\": 0.5, \"lambda\": 0.01, \"generations\": 3, \"fresh-real\": 0.2}, \"runs\": 4, \"seed\": 7}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = waitFor(started.json().get("id").asText());
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        Problem p = Problem.ridge(Spectrum.isotropic(20), 60, 0.2, 1, 0.5, 0.01)
                .withGenerations(new Generations(3, Schedule.REPLACE, 0.2));
        LoopSimulator.Result sim = LoopSimulator.simulate(p, 4, 7, 1);
        GenerationsPrediction theory = GenerationsTheory.predict(p);
        assertThat(job.get("points")).hasSize(4);
        for (int k = 0; k <= 3; k++) {
            JsonNode pt = job.get("points").get(k);
            assertThat(pt.get("generation").asInt()).isEqualTo(k);
            assertThat(pt.get("x").asDouble()).isEqualTo(k);
            assertThat(pt.get("mean").asDouble())
                    .isEqualTo(sim.generations().get(k).mean());
            assertThat(pt.get("theory").get("testError").asDouble()).isEqualTo(theory.testError(k));
        }
        TestClient.Reply tooMany =
                client.post("/api/simulate", "{\"params\": {\"d\": 20, \"n\": 60, \"generations\": 51}}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("generations");
    }

    private static JsonNode waitFor(String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode j;
        do {
            Thread.sleep(100);
            j = client.get("/api/jobs/" + id).json();
        } while (j.get("state").asText().equals("running") && Instant.now().isBefore(until));
        return j;
    }

    private static JsonNode ok(String query) throws Exception {
        TestClient.Reply r = client.get(query);
        assertThat(r.status()).as(query + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }
}
