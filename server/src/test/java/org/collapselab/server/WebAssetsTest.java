package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page and its files: every script, the style sheet and the bundled plotly.js under a content-hashed address
 * with an immutable cache header and gzip; the page itself revalidated (no-cache, ETag → 304) with a policy that runs
 * only this server's scripts.
 */
class WebAssetsTest {
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
    void thePageNamesHashedAssetsAndIsRevalidated() throws Exception {
        TestClient.Reply page = client.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Collapse Lab explorer")
                .doesNotContain("https://")
                .doesNotContain("{{");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("script-src 'self'")
                .contains("default-src 'none'")
                .doesNotContain("unsafe-eval");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        TestClient.Reply again = client.send(HttpRequest.newBuilder(client.uri("/"))
                .header("If-None-Match", etag)
                .build());
        assertThat(again.status()).isEqualTo(304);
        Matcher m = Pattern.compile("/assets/([0-9a-f]{16})/([a-z.-]+)").matcher(page.body());
        int found = 0;
        while (m.find()) {
            found++;
        }
        assertThat(found).as("style sheet, plotly.js and seven scripts").isEqualTo(9);
        assertThat(page.body())
                .as("plotly.js is bundled (scripts/fetch-data.sh, then rebuild)")
                .containsPattern("/assets/[0-9a-f]{16}/plotly-basic\\.min\\.js");
        assertThat(client.get("/api/info").json().get("plotly").asBoolean()).isTrue();
    }

    @Test
    void assetsAreImmutableAndGzipped() throws Exception {
        String page = client.get("/").body();
        Matcher m =
                Pattern.compile("/assets/[0-9a-f]{16}/plotly-basic\\.min\\.js").matcher(page);
        assertThat(m.find()).isTrue();
        String url = m.group();
        HttpResponse<byte[]> gz = client.http()
                .send(
                        HttpRequest.newBuilder(client.uri(url))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Cache-Control")).contains(WebAssets.IMMUTABLE);
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gz.headers().firstValue("Vary")).contains("Accept-Encoding");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertThat(gz.body().length).as("compressed size").isLessThan(plain.length / 2);
        assertThat(new String(plain, 0, 200, java.nio.charset.StandardCharsets.UTF_8))
                .contains("plotly.js");
        HttpResponse<byte[]> raw = client.http()
                .send(HttpRequest.newBuilder(client.uri(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(raw.body()).isEqualTo(plain);
        // A stale hash (an old page) is not served the new file.
        assertThat(client.get(url.replaceFirst("/assets/[0-9a-f]{16}/", "/assets/0000000000000000/"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/assets/x/../../CollapseLabServer.class").status())
                .isEqualTo(404);
    }
}
