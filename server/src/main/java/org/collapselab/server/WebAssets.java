package org.collapselab.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The explorer page and its scripts, read from the jar once at start. Every script, style sheet and the bundled
 * plotly.js is served under a content-hashed address ({@code /assets/HASH/NAME}) with
 * {@code Cache-Control: immutable}, gzip-compressed once here when the browser accepts it; the page itself names
 * those addresses and is revalidated on every load ({@code no-cache}, ETag), so a new build is picked up at once and
 * an unchanged bundle is never fetched twice. The page carries a Content-Security-Policy allowing only this
 * server's own scripts.
 */
final class WebAssets {
    /** The page's files (beside index.html); the plotting library is optional (a build may lack it). */
    static final List<String> FILES = List.of(
            "style.css", "app.js", "controls.js", "plots.js", "sim.js", "results.js", "tools.js", "forecast.js");

    static final String PLOTLY = "vendor/plotly-basic.min.js";
    /** The page's own policy: scripts and connections to this server only; Plotly needs inline styles. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(String name, String type, byte[] plain, byte[] gzip, String hash) {
        String url() {
            return "/assets/" + hash + "/" + name;
        }
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final byte[] page;
    private final String pageTag;

    WebAssets() {
        for (String f : FILES) {
            add(f, read(f));
        }
        byte[] plotly = readOptional(PLOTLY);
        if (plotly != null) {
            add(PLOTLY, plotly);
        }
        String html = new String(read("index.html"), StandardCharsets.UTF_8);
        for (Asset a : byName.values()) {
            html = html.replace("{{" + a.name() + "}}", a.url());
        }
        html = html.replaceAll("<script src=\"\\{\\{[^}]*}}\"[^>]*></script>\\n?", ""); // an absent bundle
        page = html.getBytes(StandardCharsets.UTF_8);
        pageTag = "\"" + hash(page) + "\"";
    }

    boolean hasPlotly() {
        return byName.containsKey(basename(PLOTLY));
    }

    /** The address of an asset (for tests and the info endpoint), or null. */
    String url(String name) {
        Asset a = byName.get(basename(name));
        return a == null ? null : a.url();
    }

    /** {@code GET /}: the page, revalidated on every load. */
    void page(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("ETag", pageTag);
        if (pageTag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** {@code GET /assets/{hash}/{name}}: an asset at its current hash, else 404. */
    void asset(Context ctx) {
        Asset a = byName.get(ctx.pathParam("name"));
        if (a == null || !a.hash().equals(ctx.pathParam("hash"))) {
            throw new ApiError(404, "no such asset (the page is newer: reload it)");
        }
        ctx.header("Cache-Control", IMMUTABLE);
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(a.type());
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(a.gzip());
        } else {
            ctx.result(a.plain());
        }
    }

    private void add(String path, byte[] bytes) {
        String name = basename(path);
        String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        byName.put(name, new Asset(name, type, bytes, gzip(bytes), hash(bytes).substring(0, 16)));
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] read(String name) {
        byte[] b = readOptional(name);
        if (b == null) {
            throw new IllegalStateException("the server jar lacks its page file " + name);
        }
        return b;
    }

    private static byte[] readOptional(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(CollapseLabServer.WEB + "/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
