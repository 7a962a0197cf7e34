package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.collapselab.experiments.forecast.ForecastJson;
import org.collapselab.experiments.forecast.PilotFile;
import org.collapselab.forecast.CollapseLaw;
import org.collapselab.forecast.Forecaster;
import org.collapselab.forecast.LawParameters;
import org.collapselab.forecast.LawShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/forecast}: the forecast code's own answer for the pasted table (same numbers as reading the same
 * file), near the law that made the pilots; a bad table is one line naming pilots.csv; bad options name the field.
 */
class ForecastApiTest {
    static final LawParameters LAW = new LawParameters(0.05, 1, 0.2, 0.4, new LawShape(200, 0.8, 1e-3, 0));
    static CollapseLabServer server;
    static TestClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, null, 1));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Pilots at n = 50..1600, p2 ∈ {0, 0.2, 0.5}, two seeds each with a 2% run-to-run scatter (fixed seed). */
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

    static String body(String pilots, String extra) {
        String o = TestClient.JSON.createObjectNode().put("pilots", pilots).toString();
        return extra.isEmpty() ? o : o.replaceFirst("}$", ", " + extra + "}");
    }

    @Test
    void sameAnswerAsTheForecastCode() throws Exception {
        String table = pilots();
        TestClient.Reply r =
                client.post("/api/forecast", body(table, "\"at-n\": 16000, \"at-p2\": 0.2, \"bootstrap\": 20"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Path p = Files.writeString(dir.resolve("pilots.csv"), table);
        JsonNode direct = TestClient.JSON.readTree(ForecastJson.toJson(
                        "pilots.csv",
                        Forecaster.forecast(
                                PilotFile.read(p), new Forecaster.Request(16000, 0.2, 1, 0.9, 20, 1, 1, Double.NaN)))
                .toString());
        assertThat(r.json()).isEqualTo(direct);
        double truth = CollapseLaw.predict(LAW, 16000, 0.2, 1);
        assertThat(r.json().get("forecast").get("testError").asDouble()).isBetween(0.9 * truth, 1.1 * truth);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        TestClient.Reply table = client.post("/api/forecast", body("n,p2,error\n10,half,0.1\n", ""));
        assertThat(table.status()).isEqualTo(422);
        assertThat(table.json().get("error").asText())
                .isEqualTo("pilots.csv: line 2, column 2 (p2): got a cell that is "
                        + "not a number; allowed: a number in [0, 1]");
        TestClient.Reply alone = client.post("/api/forecast", body(pilots(), "\"at-n\": 1000"));
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.json().get("error").asText()).isEqualTo("at-p2 must be given together with at-n, got nothing");
        TestClient.Reply boot = client.post("/api/forecast", body(pilots(), "\"bootstrap\": 5000"));
        assertThat(boot.json().get("error").asText())
                .isEqualTo("bootstrap must be an integer in [20, 2000] in the " + "server, got 5000");
        TestClient.Reply none = client.post("/api/forecast", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("pilots");
    }
}
