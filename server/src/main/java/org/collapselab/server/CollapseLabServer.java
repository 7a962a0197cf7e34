package org.collapselab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.store.ProjectVersion;

/**
 * {@code collapselab serve}: the explorer page and its JSON API on an embedded Javalin (Jetty) server. A thin shell:
 * theory answers come from {@link TheoryApi}, Monte Carlo from {@link SimulationJobs}, the results folder from
 * {@link ResultsFolder}, the page's batch of curves from {@link ExplorerView}, the page and its scripts from
 * {@link WebAssets} (content-hashed, immutable, gzip). Safe by default: binds loopback unless told otherwise; answers only requests addressed to
 * an allowed host name, and beyond loopback only API requests that carry the access token ({@link Access}); no CORS
 * headers; POST and DELETE need a JSON content type (so a foreign page cannot submit a form to it); files come only
 * from the jar and the results folder.
 */
public final class CollapseLabServer implements AutoCloseable {
    static final String WEB = "/org/collapselab/server/web";

    private final Javalin app;
    private final SimulationJobs jobs;
    private final ResultsFolder results;
    private final Access access;
    private final WebAssets assets = new WebAssets();
    /** The OpenAPI description of the JSON API ({@code GET /api/openapi.json}). */
    private static final byte[] OPENAPI = openApi();

    private CollapseLabServer(ServerConfig config) throws IOException {
        if (config.out() != null && !Files.isDirectory(config.out())) {
            throw new IllegalArgumentException("--out must be an existing folder, got " + config.out());
        }
        this.results = config.out() == null ? null : new ResultsFolder(config.out());
        this.jobs = new SimulationJobs(Math.max(1, config.threads()));
        boolean loopbackOnly = Access.isLoopback(config.host());
        this.access = new Access(loopbackOnly, config.allowHosts());
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = Limits.MAX_UPLOAD_BYTES; // other requests: body() checks MAX_BODY_BYTES
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // assets are compressed once, at start
            cfg.routes.before(this::guard);
            cfg.routes.get("/", assets::page);
            cfg.routes.get("/index.html", assets::page);
            cfg.routes.get("/assets/{hash}/{name}", assets::asset);
            cfg.routes.get("/api/openapi.json", ctx -> ctx.header("Cache-Control", "no-cache")
                    .contentType("application/json")
                    .result(OPENAPI));
            cfg.routes.get("/api/info", ctx -> json(ctx, 200, info()));
            cfg.routes.get("/api/theory", ctx -> json(ctx, 200, timed(ctx, () -> TheoryApi.answer(query(ctx)))));
            cfg.routes.get("/api/view", ctx -> json(ctx, 200, timed(ctx, () -> ExplorerView.answer(query(ctx)))));
            cfg.routes.post(
                    "/api/simulate",
                    ctx -> json(
                            ctx,
                            202,
                            jobs.submit(body(ctx, Limits.MAX_BODY_BYTES)).toJson()));
            cfg.routes.post(
                    "/api/forecast", ctx -> json(ctx, 200, ForecastApi.answer(body(ctx, Limits.MAX_UPLOAD_BYTES))));
            cfg.routes.post(
                    "/api/diagnose", ctx -> json(ctx, 200, DiagnoseApi.answer(body(ctx, Limits.MAX_UPLOAD_BYTES))));
            cfg.routes.get("/api/jobs", ctx -> json(ctx, 200, jobs.list()));
            cfg.routes.get("/api/jobs/{id}", ctx -> json(ctx, 200, job(ctx).toJson()));
            cfg.routes.delete("/api/jobs/{id}", ctx -> {
                SimulationJob j = job(ctx);
                j.cancel();
                json(ctx, 200, j.toJson());
            });
            cfg.routes.get("/api/studies", ctx -> json(ctx, 200, results().studies()));
            cfg.routes.get(
                    "/api/studies/cells",
                    ctx -> json(ctx, 200, results().cells(ctx.queryParam("path"), ctx.queryParam("experiment"))));
            cfg.routes.get("/files/<path>", this::file);
            cfg.routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status(), e.body()));
            cfg.routes.exception(
                    Exception.class,
                    (e, ctx) -> json(
                            ctx,
                            500,
                            TheoryJson.COMPACT
                                    .createObjectNode()
                                    .put(
                                            "error",
                                            "internal error: " + e.getClass().getSimpleName()
                                                    + " (please report the request)")));
            cfg.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")
                        && !"application/json".equals(ctx.res().getContentType())) {
                    json(
                            ctx,
                            404,
                            TheoryJson.COMPACT.createObjectNode().put("error", "no such endpoint: " + ctx.path()));
                }
            });
        });
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            jobs.close();
            throw e;
        }
    }

    /** Starts a server; {@link #port()} tells the port when 0 was asked. */
    public static CollapseLabServer start(ServerConfig config) throws IOException {
        return new CollapseLabServer(config);
    }

    public int port() {
        return app.port();
    }

    /** The token API requests need (the server listens beyond loopback), or null. */
    public String token() {
        return access.token();
    }

    /** Stops the server and cancels running jobs. */
    @Override
    public void close() {
        jobs.close();
        app.stop();
    }

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        access.check(ctx);
        String m = ctx.method().name();
        if (m.equals("POST") && (ctx.contentType() == null || !ctx.contentType().startsWith("application/json"))) {
            throw new ApiError(415, "Content-Type must be application/json");
        }
    }

    private ObjectNode info() {
        ObjectNode o = TheoryJson.COMPACT.createObjectNode();
        o.put("version", ProjectVersion.get());
        o.put("plotly", assets.hasPlotly());
        o.put("results", results != null);
        o.put("tokenRequired", access.token() != null);
        o.put("diagnose", true);
        o.put("forecast", true);
        ObjectNode l = o.putObject("limits");
        l.put("maxD", Limits.MAX_D)
                .put("maxSweepPoints", Limits.MAX_SWEEP_POINTS)
                .put("maxTheoryWork", Limits.MAX_THEORY_WORK)
                .put("maxSimulationPoints", Limits.MAX_SIM_POINTS)
                .put("maxRuns", Limits.MAX_RUNS)
                .put("maxSimulationCells", Limits.MAX_SIM_CELLS)
                .put("maxRunningJobs", Limits.MAX_RUNNING_JOBS)
                .put("maxUploadBytes", Limits.MAX_UPLOAD_BYTES);
        return o;
    }

    private static byte[] openApi() {
        try (InputStream in = CollapseLabServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("the server jar lacks openapi.json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResultsFolder results() {
        if (results == null) {
            throw new ApiError(404, "no results folder: start the server with --out DIR");
        }
        return results;
    }

    private SimulationJob job(Context ctx) {
        return jobs.get(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiError(404, "no such job: " + ctx.pathParam("id")));
    }

    /**
     * The policy of every file served from the results folder: shown, never run. {@code sandbox} gives the document an
     * opaque origin with scripts, forms, popups and plugins off; nothing is loaded but images and styles of the folder
     * itself. A planted SVG or HTML file therefore cannot call the API in the server's origin.
     */
    static final String FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private void file(Context ctx) throws IOException {
        Path p = results().resolve(ctx.pathParam("path"), false);
        ctx.contentType(ResultsFolder.TYPES.get(ResultsFolder.extension(p)));
        ctx.header("Content-Security-Policy", FILE_POLICY);
        InputStream in = Files.newInputStream(p);
        ctx.result(in);
    }

    private static ObjectNode timed(Context ctx, java.util.function.Supplier<ObjectNode> work) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ObjectNode o = work.get();
        ctx.header(
                "Server-Timing",
                String.format(
                        java.util.Locale.ROOT,
                        "theory;dur=%.3f, cpu;dur=%.3f",
                        (System.nanoTime() - start) / 1e6,
                        (mx.getCurrentThreadCpuTime() - cpu) / 1e6));
        return o;
    }

    /** Single-valued query parameters; a parameter given twice is an error. */
    private static Map<String, String> query(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("token")) {
                continue; // the access token, checked by Access
            }
            if (e.getValue().size() != 1) {
                throw ApiError.badField(e.getKey(), e.getValue(), "given once");
            }
            out.put(e.getKey(), e.getValue().get(0));
        }
        return out;
    }

    private static JsonNode body(Context ctx, long limit) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > limit) {
            throw new ApiError(413, "body must be at most " + limit + " bytes, got " + bytes.length);
        }
        try {
            return TheoryJson.COMPACT.readTree(bytes);
        } catch (IOException e) {
            throw new ApiError(400, "body must be a JSON object (not valid JSON)");
        }
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(TheoryJson.write(TheoryJson.COMPACT, body));
    }
}
