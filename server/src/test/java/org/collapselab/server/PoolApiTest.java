package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.SyntheticPoolTheory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verifier and trained-teacher parameters of {@code /api/theory}: same numbers and keys as the CLI. */
class PoolApiTest {
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
    void verifierAndTeacherPoints() throws Exception {
        TestClient.Reply v = client.get("/api/theory?d=100&n=1200&p2=0.8333333333333334&c2=1&sigma=0.5&lambda=0.01"
                + "&bad-share=0.5&keep-good=0.9&keep-bad=0.2");
        assertThat(v.status()).isEqualTo(200);
        Problem p = Problem.ridge(Spectrum.isotropic(100), 1200, 0.8333333333333334, 1, 0.5, 0.01)
                .withVerifier(new Verifier(0.5, 0.9, 0.2));
        assertThat(v.json().get("testError").asDouble())
                .isEqualTo(SyntheticPoolTheory.predict(p).testError());
        assertThat(v.json().get("keptRows").asDouble()).isEqualTo(550.0);
        TestClient.Reply t =
                client.get("/api/theory?d=100&n=400&p2=0.5&sigma=0.5&lambda=0.01" + "&synthetic-teacher=ridge:150:1");
        assertThat(t.status()).isEqualTo(200);
        Problem q = Problem.ridge(Spectrum.isotropic(100), 400, 0.5, 0, 0.5, 0.01)
                .withTeacher(SyntheticTeacher.ridge(150, 1));
        assertThat(t.json().get("teacherTestError").asDouble())
                .isEqualTo(SyntheticPoolTheory.predictAll(q).teacher().testError());
    }

    @Test
    void sweepOverKeepBadKeepsTheVerifier() throws Exception {
        TestClient.Reply r = client.get("/api/theory?d=50&n=600&p2=0.5&c2=1&sigma=0.5&lambda=0.01&bad-share=0.5"
                + "&keep-good=0.8&sweep=keep-bad:0:1:5");
        assertThat(r.status()).isEqualTo(200);
        double previous = -1;
        for (var point : r.json().get("points")) {
            assertThat(point.get("keepGood").asDouble()).isEqualTo(0.8);
            assertThat(point.get("testError").asDouble()).isGreaterThan(previous);
            previous = point.get("testError").asDouble();
        }
    }

    @Test
    void contradictionsAreBadRequests() throws Exception {
        TestClient.Reply r = client.get("/api/theory?d=50&n=600&p2=0.5&c2=1&synthetic-teacher=ridge:100:0.1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("c2");
        TestClient.Reply b = client.get("/api/theory?d=50&n=600&p2=0.5&keep-bad=2");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("error").asText()).contains("keep-bad must be in [0, 1], got 2");
    }
}
