package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/diagnose}: the same numbers as {@code collapselab diagnose --json} on the same files; the
 * temporary copies are gone after the answer; bad files are one line naming real.csv or synthetic.csv without their
 * contents; a missing text or a bad fold count names the field; a large body elsewhere is refused.
 */
class DiagnoseApiTest {
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

    /** A small Gaussian pair, d = 4: y = xᵀw1 + 0.5ε (real), y = xᵀ(w1 + Δ) + 0.3ε (synthetic). */
    static String gaussian(int rows, boolean synthetic, long seed) {
        Random rng = new Random(seed);
        double[] w1 = {0.5, -0.3, 0.2, 0.1};
        double[] delta = {0.3, 0.2, -0.4, 0.1};
        StringBuilder b = new StringBuilder("a,b,c,e,y\n");
        for (int i = 0; i < rows; i++) {
            double y = 2.0;
            for (int j = 0; j < 4; j++) {
                double x = rng.nextGaussian() + 1;
                y += (x - 1) * (w1[j] + (synthetic ? delta[j] : 0));
                b.append(String.format(Locale.ROOT, "%.6f,", x));
            }
            y += (synthetic ? 0.3 : 0.5) * rng.nextGaussian();
            b.append(String.format(Locale.ROOT, "%.6f%n", y));
        }
        return b.toString();
    }

    static String body(String real, String synthetic, String extra) {
        ObjectNode o = TestClient.JSON.createObjectNode();
        if (real != null) {
            o.put("real", real);
        }
        if (synthetic != null) {
            o.put("synthetic", synthetic);
        }
        return o.toString().replaceFirst("}$", extra.isEmpty() ? "}" : ", " + extra + "}");
    }

    @Test
    void sameNumbersAsTheCli() throws Exception {
        String real = gaussian(200, false, 1);
        String syn = gaussian(400, true, 2);
        long before = temporaryFolders();
        TestClient.Reply r = client.post("/api/diagnose", body(real, syn, "\"splits\": 8, \"seed\": 3"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(temporaryFolders()).as("the uploaded copies are deleted").isEqualTo(before);
        Path rf = Files.writeString(dir.resolve("real.csv"), real);
        Path sf = Files.writeString(dir.resolve("synthetic.csv"), syn);
        ObjectNode cli = DiagnosisJson.toJson(Diagnosis.run(new DiagnoseOptions(rf, sf, "y", null, 5, 8, 3)));
        JsonNode web = r.json();
        assertThat(web.get("realFile").asText()).isEqualTo("real.csv");
        for (String key : new String[] {"estimates", "recommendation", "baselines", "validation", "curves"}) {
            assertThat(TestClient.JSON.readTree(web.get(key).toString()))
                    .as(key)
                    .isEqualTo(TestClient.JSON.readTree(cli.get(key).toString()));
        }
        assertThat(web.get("estimates").get("c2").asDouble()).isPositive();
    }

    @Test
    void badInputIsOneLine() throws Exception {
        String syn = gaussian(100, true, 2);
        TestClient.Reply secret = client.post("/api/diagnose", body("a,b,c,e,y\n1,2,3,4,5\n1,secret,3,4,5\n", syn, ""));
        assertThat(secret.status()).isEqualTo(422);
        assertThat(secret.json().get("error").asText())
                .startsWith("real.csv: line 3, column 2: got a non-numeric cell; allowed: a finite number")
                .doesNotContain("secret");
        TestClient.Reply label = client.post("/api/diagnose", body(gaussian(100, false, 1), syn, "\"label\": \"z\""));
        assertThat(label.status()).isEqualTo(422);
        assertThat(label.json().get("error").asText()).startsWith("real.csv: line 1: got no column named 'z'");
        TestClient.Reply missing = client.post("/api/diagnose", body(gaussian(100, false, 1), null, ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("synthetic");
        TestClient.Reply folds = client.post("/api/diagnose", body(gaussian(100, false, 1), syn, "\"folds\": 1"));
        assertThat(folds.status()).isEqualTo(400);
        assertThat(folds.json().get("error").asText()).isEqualTo("folds must be an integer in [2, 50], got 1");
        String big = "{\"params\": {\"d\": 10}, \"pad\": \"" + "x".repeat((int) Limits.MAX_BODY_BYTES) + "\"}";
        TestClient.Reply large = client.post("/api/simulate", big);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().get("error").asText()).startsWith("body must be at most 65536 bytes");
    }

    private static long temporaryFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("collapselab-upload"))
                    .count();
        }
    }
}
