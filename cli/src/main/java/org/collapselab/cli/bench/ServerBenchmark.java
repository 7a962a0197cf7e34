package org.collapselab.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.collapselab.server.CollapseLabServer;
import org.collapselab.server.ServerConfig;

/**
 * Measures the explorer's theory answers as the page gets them: a real server on a free loopback port, a
 * {@code GET /api/theory} sweep repeated, the server's own wall and CPU time (its {@code Server-Timing} header:
 * parse, solve, JSON) and the client's round trip. On a loaded machine the wall time includes waiting for a core;
 * the CPU time does not. Used by {@code collapselab bench}.
 */
public final class ServerBenchmark {
    /** Median and best of the server time and median round trip, in milliseconds. */
    public record CurveTiming(
            int d,
            int points,
            int reps,
            double serverMedianMs,
            double serverBestMs,
            double serverCpuMedianMs,
            double roundTripMedianMs) {}

    private ServerBenchmark() {}

    /** A {@code points}-point error-vs-n curve (power-law spectrum, ridge) at dimension d, {@code reps} times after warm-up. */
    public static CurveTiming theoryCurve(int d, int points, int reps) throws Exception {
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, null, 1))) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/theory?d=" + d
                    + "&n=2000&p2=0.1&c2=1&sigma=0.5&lambda=0.001&spectrum=power:1&sweep=n:" + (d / 10) + ":"
                    + (1000 * d) + ":"
                    + points + ":log");
            HttpRequest req = HttpRequest.newBuilder(uri).GET().build();
            double[] serverMs = new double[reps];
            double[] trip = new double[reps];
            double[] cpuMs = new double[reps];
            for (int i = -Math.max(20, reps); i < reps; i++) { // negative i: JIT warm-up
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("benchmark request failed: " + r.body());
                }
                if (i >= 0) {
                    trip[i] = (t1 - t0) / 1e6;
                    String[] timing = r.headers()
                            .firstValue("Server-Timing")
                            .orElseThrow()
                            .split("dur=");
                    serverMs[i] = Double.parseDouble(timing[1].split(",")[0]);
                    cpuMs[i] = Double.parseDouble(timing[2]);
                }
            }
            Arrays.sort(serverMs);
            Arrays.sort(trip);
            Arrays.sort(cpuMs);
            return new CurveTiming(d, points, reps, serverMs[reps / 2], serverMs[0], cpuMs[reps / 2], trip[reps / 2]);
        }
    }
}
