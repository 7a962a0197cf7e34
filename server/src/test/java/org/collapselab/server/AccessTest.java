package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may talk to the server: beyond loopback ({@code --host 0.0.0.0}) the API needs the access token and every mode
 * checks the Host header against the allowed names (DNS rebinding); raw HTTP so the Host header is exactly as sent.
 */
class AccessTest {
    /** Sends one request to 127.0.0.1 with the given Host and extra header lines; returns the whole response. */
    static String request(int port, String method, String target, String host, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            StringBuilder r = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : headers) {
                r.append(h).append("\r\n");
            }
            r.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(r.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int status(String response) {
        return TestClient.status(response);
    }

    @Test
    void aServerOnAllInterfacesRefusesForeignHostsAndTokenlessApiCalls() throws Exception {
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("0.0.0.0", 0, null, 1))) {
            int port = server.port();
            String host = "127.0.0.1:" + port;
            // DNS rebinding: a page of evil.example whose name now resolves to this machine.
            assertThat(status(request(port, "GET", "/api/info", "evil.example:" + port)))
                    .isEqualTo(403);
            assertThat(status(request(port, "GET", "/", "evil.example"))).isEqualTo(403);
            // No token: the API is closed, the page itself (public code) is not.
            String noToken = request(port, "GET", "/api/info", host);
            assertThat(status(noToken)).isEqualTo(401);
            assertThat(noToken).contains("access token").doesNotContain("\tat ");
            assertThat(status(request(
                            port,
                            "POST",
                            "/api/simulate",
                            host,
                            "Content-Type: application/json",
                            "Content-Length: 2")))
                    .isEqualTo(401);
            assertThat(status(request(port, "GET", "/api/studies", host))).isEqualTo(401);
            assertThat(status(request(port, "GET", "/files/x.png", host))).isEqualTo(401);
            assertThat(status(request(port, "GET", "/api/info", host, "Authorization: Bearer wrong-token")))
                    .isEqualTo(401);
            assertThat(status(request(port, "GET", "/api/info?token=wrong", host)))
                    .isEqualTo(401);
            assertThat(status(request(port, "GET", "/", host))).isEqualTo(200);
        }
    }

    @Test
    void theTokenOpensTheApiByHeaderQueryOrCookie() throws Exception {
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("0.0.0.0", 0, null, 1))) {
            int port = server.port();
            String host = "localhost:" + port;
            String token = server.token();
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(status(request(port, "GET", "/api/info", host, "Authorization: Bearer " + token)))
                    .isEqualTo(200);
            assertThat(status(request(port, "GET", "/api/info?token=" + token, host)))
                    .isEqualTo(200);
            // Theory requests accept the token beside their own parameters.
            assertThat(status(request(
                            port,
                            "GET",
                            "/api/theory?token=" + token + "&d=10&n=20&p2=0.1&sigma=0.5&lambda=0.1",
                            host)))
                    .isEqualTo(200);
            // Opening the page with the token sets an HttpOnly same-site cookie and drops the token from the address.
            String open = request(port, "GET", "/?token=" + token, host);
            assertThat(status(open)).isEqualTo(303);
            String cookieLine = open.lines()
                    .filter(l -> l.toLowerCase().startsWith("set-cookie:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cookieLine).contains("HttpOnly").contains("SameSite=Strict");
            assertThat(open.lines()
                            .filter(l -> l.toLowerCase().startsWith("location:"))
                            .findFirst()
                            .orElseThrow())
                    .doesNotContain(token);
            String cookie = cookieLine
                    .substring(cookieLine.indexOf(':') + 1)
                    .split(";")[0]
                    .trim();
            assertThat(status(request(port, "GET", "/api/info", host, "Cookie: " + cookie)))
                    .isEqualTo(200);
            // The token never opens a foreign host.
            assertThat(status(request(port, "GET", "/api/info", "evil.example", "Authorization: Bearer " + token)))
                    .isEqualTo(403);
        }
    }

    @Test
    void allowHostAddsNamesInEveryModeAndLoopbackNeedsNoToken() throws Exception {
        try (CollapseLabServer server =
                CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, null, 1, List.of("lab.example.org")))) {
            int port = server.port();
            assertThat(server.token()).isNull();
            assertThat(status(request(port, "GET", "/api/info", "lab.example.org:" + port)))
                    .isEqualTo(200);
            assertThat(status(request(port, "GET", "/api/info", "LOCALHOST"))).isEqualTo(200);
            assertThat(status(request(port, "GET", "/api/info", "[::1]:" + port)))
                    .isEqualTo(200);
            assertThat(status(request(port, "GET", "/api/info", "other.example.org")))
                    .isEqualTo(403);
            assertThat(status(request(port, "GET", "/api/info", "lab.example.org.evil.example")))
                    .isEqualTo(403);
        }
        try (CollapseLabServer server =
                CollapseLabServer.start(new ServerConfig("0.0.0.0", 0, null, 1, List.of("lab.example.org")))) {
            int port = server.port();
            assertThat(status(request(
                            port, "GET", "/api/info", "lab.example.org", "Authorization: Bearer " + server.token())))
                    .isEqualTo(200);
            assertThat(status(request(port, "GET", "/api/info", "lab.example.org")))
                    .isEqualTo(401);
        }
    }

    @Test
    void aBadAllowHostIsRefused() {
        for (String bad : new String[] {"*", "*.example.org", "host:8080", "a b", "", "http://x"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new ServerConfig("127.0.0.1", 0, null, 1, List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--allow-host must be");
        }
    }
}
