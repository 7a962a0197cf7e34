package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results browser over real HTTP, and that no request reaches a file outside the --out folder. */
class ResultsFolderTest {
    static final String SECRET = "TOP-SECRET-CONTENT";

    @TempDir
    static Path tmp;

    static CollapseLabServer server;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(tmp.resolve("secret.html"), SECRET);
        Path study = Files.createDirectories(out.resolve("fig2"));
        try (ResultStore store = ResultStore.open(study.resolve("results.db"))) {
            store.put(StoredCell.now("k1", "fig2-width", "{\"d\":10,\"n\":20}", "{\"mean\":0.5}", 0.1));
            store.put(StoredCell.now("k2", "fig2-width", "{\"d\":10,\"n\":40}", "{\"mean\":0.25}", 0.1));
        }
        Files.writeString(study.resolve("report.html"), "<html><body>report</body></html>");
        Files.createDirectories(study.resolve("figures"));
        Files.write(study.resolve("figures/width.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.createSymbolicLink(study.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("linkdir"), outside);
        server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, out, 1));
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void studiesListExperimentsFiguresAndReports() throws Exception {
        JsonNode j = client.get("/api/studies").json();
        assertThat(j.get("studies")).hasSize(1);
        JsonNode s = j.get("studies").get(0);
        assertThat(s.get("path").asText()).isEqualTo("fig2");
        assertThat(s.get("experiments").get(0).get("name").asText()).isEqualTo("fig2-width");
        assertThat(s.get("experiments").get(0).get("cells").asInt()).isEqualTo(2);
        assertThat(s.get("figures").get(0).asText()).isEqualTo("fig2/figures/width.png");
        assertThat(s.get("reports").get(0).asText()).isEqualTo("fig2/report.html");
        JsonNode cells =
                client.get("/api/studies/cells?path=fig2&experiment=fig2-width").json();
        assertThat(cells.get("total").asInt()).isEqualTo(2);
        assertThat(cells.get("columns").toString()).contains("config.n").contains("result.mean");
        assertThat(client.get("/api/studies/cells?path=fig2&experiment=nope")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("experiment");
        assertThat(client.get("/api/studies/cells?path=../outside").status()).isEqualTo(404);
    }

    @Test
    void reportsAndFiguresAreServedSandboxed() throws Exception {
        TestClient.Reply r = client.get("/files/fig2/report.html");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("report");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox;");
        assertThat(client.get("/files/fig2/figures/width.png").headers().firstValue("Content-Type"))
                .contains("image/png");
    }

    @Test
    void noPathLeavesTheFolder() throws Exception {
        String[] attempts = {
            "/files/../secret.html",
            "/files/../outside/secret.txt",
            "/files/%2e%2e/secret.html",
            "/files/fig2/%2e%2e/%2e%2e/secret.html",
            "/files/..%2fsecret.html",
            "/files/fig2/..%2f..%2fsecret.html",
            "/files//etc/passwd",
            "/files/%2fetc%2fpasswd",
            "/files/fig2/link.txt",
            "/files/linkdir/secret.txt",
            "/files/fig2/results.db",
            "/files/fig2",
            "/../secret.html",
            "/%2e%2e/secret.html",
            "/files/fig2/report.html%00.png",
            "/files/..\\secret.html",
            "/../CollapseLabServer.class",
            "/%2e%2e/CollapseLabServer.class",
            "/vendor/..%2f..%2fCollapseLabServer.class",
            "/vendor/"
        };
        for (String a : attempts) {
            String response = client.raw(a, "127.0.0.1");
            assertThat(response).as(a).doesNotContain(SECRET).doesNotContain("root:x:0");
            assertThat(TestClient.status(response)).as(a).isIn(400, 404);
        }
    }
}
