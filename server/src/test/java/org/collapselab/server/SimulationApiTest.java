package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Simulation jobs over real HTTP: results equal the library's, progress, cancellation, limits. */
class SimulationApiTest {
    static CollapseLabServer server;
    static TestClient client;

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
    void aCurveJobGivesTheSameNumbersAsTheSimulator() throws Exception {
        TestClient.Reply r = client.post("/api/simulate", """
        {"params": {"d": 20, "n": 40, "p2": 0.25, "c2": 1, "sigma": 0.5, "lambda": 0.01},
         "sweep": "n:30:90:3", "runs": 6, "seed": 7}""");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode done = waitFor(r.json().get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("total").asInt()).isEqualTo(18);
        assertThat(done.get("points")).hasSize(3);
        long[] ns = {30, 60, 90};
        for (int i = 0; i < 3; i++) {
            JsonNode pt = done.get("points").get(i);
            Problem p = Problem.ridge(Spectrum.isotropic(20), ns[i], 0.25, 1, 0.5, 0.01);
            SimulationResult expected = Simulator.simulate(p, 6, 7, 1);
            assertThat(pt.get("x").asDouble()).isEqualTo(ns[i]);
            assertThat(pt.get("mean").asDouble()).isEqualTo(expected.mean());
            assertThat(pt.get("std").asDouble()).isEqualTo(expected.std());
            assertThat(pt.get("theory").get("testError").asDouble())
                    .isEqualTo(Theory.predict(p).testError());
        }
    }

    @Test
    void jobsCanBeCancelledAndTheRunningNumberIsBounded() throws Exception {
        String big = """
        {"params": {"d": 400, "n": 4000, "p2": 0.2}, "sweep": "n:3000:4000:10", "runs": 200, "seed": 1}""";
        String a = client.post("/api/simulate", big).json().get("id").asText();
        String b = client.post("/api/simulate", big).json().get("id").asText();
        TestClient.Reply third = client.post("/api/simulate", big);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("error").asText()).contains("the limit is " + Limits.MAX_RUNNING_JOBS);
        for (String id : new String[] {a, b}) {
            TestClient.Reply c = client.delete("/api/jobs/" + id);
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.json().get("state").asText()).isEqualTo("cancelled");
        }
        JsonNode later = waitFor(a);
        assertThat(later.get("state").asText()).isEqualTo("cancelled");
        assertThat(later.get("done").asInt()).isLessThan(later.get("total").asInt());
        // Capacity is free again.
        TestClient.Reply again = client.post("/api/simulate", """
        {"params": {"d": 5, "n": 10}, "runs": 2}""");
        assertThat(again.status()).isEqualTo(202);
        assertThat(waitFor(again.json().get("id").asText()).get("points")).hasSize(1);
    }

    @Test
    void badAndOversizedJobsAreRefusedWithTheLimit() throws Exception {
        expect(400, "{\"params\": {\"d\": 5, \"n\": 10}, \"runs\": 1000}", "runs", "[1, 200]");
        expect(400, "{\"params\": {\"d\": 5000, \"n\": 10000}, \"runs\": 2}", "n", "d·n <= 20000000");
        expect(400, "{\"params\": {\"d\": 5, \"n\": 10}, \"sweep\": \"n:10:20:41\"}", "sweep", "at most 40 points");
        expect(400, "{\"params\": {\"d\": 5, \"n\": 10, \"p2\": 3}}", "p2", "in [0, 1]");
        expect(400, "{\"params\": {\"d\": 5, \"n\": 10}, \"colour\": 1}", "body", "keys");
        expect(400, "{not json", null, null);
        TestClient.Reply form = client.send(java.net.http.HttpRequest.newBuilder(client.uri("/api/simulate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("runs=1"))
                .build());
        assertThat(form.status()).isEqualTo(415);
        assertThat(client.get("/api/jobs/no-such-id").status()).isEqualTo(404);
        assertThat(client.delete("/api/jobs/no-such-id").status()).isEqualTo(404);
    }

    @Test
    void aFailingRunEndsTheJobWithTheMessage() throws Exception {
        TestClient.Reply r = client.post("/api/simulate", """
        {"params": {"d": 5, "n": 10, "generations": 2}, "runs": 2}""");
        assertThat(r.status()).isEqualTo(202);
        JsonNode j = waitFor(r.json().get("id").asText());
        if (j.get("state").asText().equals("done")) {
            return; // loops are simulated now
        }
        assertThat(j.get("state").asText()).isEqualTo("failed");
        assertThat(j.get("error").asText()).contains("generations");
    }

    private static void expect(int status, String body, String field, String allowedPart) throws Exception {
        TestClient.Reply r = client.post("/api/simulate", body);
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().get("field").asText()).isEqualTo(field);
            assertThat(r.json().get("allowed").asText()).contains(allowedPart);
        } else {
            assertThat(r.json().get("error").asText()).isNotBlank();
        }
    }

    static JsonNode waitFor(String id) throws Exception {
        return waitFor(client, id);
    }

    /** The job's state once it is no longer running (a minute at most). */
    static JsonNode waitFor(TestClient client, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode j = client.get("/api/jobs/" + id).json();
            if (!j.get("state").asText().equals("running")) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
