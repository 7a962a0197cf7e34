package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationSimulator;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/theory?task=classification} and {@code POST /api/simulate} with task classification over real HTTP:
 * the CLI's JSON and numbers, sweeps and bad input.
 */
class ClassificationApiTest {
    static CollapseLabServer server;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, null, 1));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onePointIsTheCliJsonObject() throws Exception {
        TestClient.Reply r = client.get("/api/theory?task=classification&d=200&n=400&p2=0.5&mu2=2&flip-rate=0.2"
                + "&loss=logistic&lambda=0.01&spectrum=power:1&keep-good=0.9&keep-bad=0.3&synthetic-weight=2");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ClassificationProblem p = new ClassificationProblem(
                Spectrum.powerLaw(200, 1), 400, 0.5, 2, 0.2, Loss.LOGISTIC, 0.01, 2, 0.9, 0.3, null);
        JsonNode expected = TestClient.JSON.readTree(
                TheoryJson.write(ClassificationJson.answer(p, ClassificationTheory.predict(p))));
        assertThat(r.json()).isEqualTo(expected);
    }

    @Test
    void sweepOverTheFlipRate() throws Exception {
        TestClient.Reply r = client.get(
                "/api/theory?task=classification&d=100&n=300&p2=0.8&mu2=2&lambda=0.1" + "&sweep=flip-rate:0:0.6:7");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode points = r.json().get("points");
        assertThat(points).hasSize(7);
        for (int i = 1; i < 7; i++) { // more flips, more errors
            assertThat(points.get(i).get("testError").asDouble())
                    .isGreaterThan(points.get(i - 1).get("testError").asDouble());
        }
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        expect400(
                "/api/theory?task=classification&d=50&n=100&flip-rate=2",
                "flip-rate",
                "flip-rate must be in [0, 1], got 2.0");
        expect400(
                "/api/theory?task=classification&d=50&n=100&loss=hinge",
                "loss",
                "loss must be one of square, logistic, got hinge");
        expect400("/api/theory?task=classification&d=50&n=100&c2=1", "parameter", null);
        expect400("/api/theory?task=classification&d=50&n=100&sweep=c2:0:1:3", "sweep", null);
        expect400("/api/theory?task=classification&d=0&n=100&spectrum=file:/etc/passwd", "spectrum", null);
        expect400("/api/theory?task=images&d=50&n=100", "task", null);
    }

    @Test
    void aSimulationJobGivesTheSimulatorsNumbersBesideTheTheory() throws Exception {
        TestClient.Reply r = client.post("/api/simulate", """
        {"params": {"task": "classification", "d": 20, "n": 60, "p2": 0.5, "mu2": 2, "flip-rate": 0.3,
         "loss": "logistic", "lambda": 0.05, "keep-good": 0.9, "keep-bad": 0.4, "synthetic-weight": 2},
         "sweep": "flip-rate:0.1:0.3:2", "runs": 5, "seed": 11}""");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode done = SimulationApiTest.waitFor(client, r.json().get("id").asText());
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("points")).hasSize(2);
        double[] rates = {0.1, 0.3};
        for (int i = 0; i < 2; i++) {
            JsonNode pt = done.get("points").get(i);
            ClassificationProblem p = new ClassificationProblem(
                    Spectrum.isotropic(20), 60, 0.5, 2, rates[i], Loss.LOGISTIC, 0.05, 2, 0.9, 0.4, null);
            SimulationResult expected = ClassificationSimulator.simulate(p, 5, 11, 1);
            assertThat(pt.get("task").asText()).isEqualTo("classification");
            assertThat(pt.get("flipRate").asDouble()).isEqualTo(rates[i]);
            assertThat(pt.get("mean").asDouble()).isEqualTo(expected.mean());
            assertThat(pt.get("std").asDouble()).isEqualTo(expected.std());
            assertThat(pt.get("theory").get("testError").asDouble())
                    .isEqualTo(ClassificationTheory.predict(p).testError());
        }
    }

    @Test
    void badSimulationRequestsAre400NamingTheField() throws Exception {
        expectPost400(
                "{\"params\": {\"task\": \"classification\", \"d\": 20, \"n\": 60, \"flip-rate\": -1}}", "flip-rate");
        expectPost400(
                "{\"params\": {\"task\": \"classification\", \"d\": 20, \"n\": 60, \"generations\": 3}}",
                "generations");
        expectPost400(
                "{\"params\": {\"task\": \"classification\", \"d\": 20, \"n\": 60}, \"with-noise\": true}",
                "with-noise");
        expectPost400(
                "{\"params\": {\"task\": \"classification\", \"d\": 20, \"n\": 60}, \"sweep\": \"c2:0:1:3\"}", "sweep");
        expectPost400("{\"params\": {\"task\": \"images\", \"d\": 20, \"n\": 60}}", "task");
    }

    private static void expectPost400(String body, String field) throws Exception {
        TestClient.Reply r = client.post("/api/simulate", body);
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception");
    }

    private static void expect400(String query, String field, String message) throws Exception {
        TestClient.Reply r = client.get(query);
        assertThat(r.status()).as(query + " -> " + r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("root:").doesNotContain("Exception");
        if (message != null) {
            assertThat(r.json().get("error").asText()).isEqualTo(message);
        }
    }
}
