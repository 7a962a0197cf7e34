package org.collapselab.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may talk to the server. In every mode a request must name an allowed host in its {@code Host} header (no DNS
 * rebinding: a page of another site that resolves its own name to this machine is refused): the loopback names, the
 * names given with {@code --allow-host}, and — when the server listens beyond loopback — the IP addresses of this
 * machine (an address literal cannot be rebound). Beyond loopback the API ({@code /api/}, {@code /files/}) also needs
 * the access token made at start: {@code Authorization: Bearer TOKEN}, {@code ?token=TOKEN}, or the cookie set when
 * the page is opened with {@code ?token=TOKEN}; tokens are compared in constant time.
 */
final class Access {
    /** Host names always allowed. */
    static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private static final String BEARER = "Bearer ";

    private final Set<String> hosts;
    private final String token;

    /**
     * @param loopbackOnly whether the server listens on loopback only (no token then)
     * @param allowHosts extra host names (already validated)
     */
    Access(boolean loopbackOnly, List<String> allowHosts) {
        Set<String> h = new TreeSet<>(LOOPBACK_NAMES);
        allowHosts.forEach(a -> h.add(a.toLowerCase(Locale.ROOT)));
        if (!loopbackOnly) {
            h.addAll(localAddresses());
        }
        this.hosts = Collections.unmodifiableSet(h);
        this.token = loopbackOnly ? null : newToken();
    }

    /** The access token, or null when none is needed (loopback). */
    String token() {
        return token;
    }

    /**
     * Checks one request: 403 for a host that is not allowed, 401 for an API request without the token. A page opened
     * with the right {@code ?token=} gets the token as an HttpOnly, same-site cookie and is sent to the same path
     * without it (so the token does not stay in the address bar).
     */
    void check(Context ctx) {
        String host =
                ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        if (!hosts.contains(host)) {
            throw new ApiError(
                    403,
                    "this server answers only requests addressed to its allowed host names (loopback "
                            + "names, its own addresses, and names given with --allow-host NAME)");
        }
        if (token == null) {
            return;
        }
        String path = ctx.path();
        String cookie = "collapselab_token_" + ctx.req().getLocalPort(); // cookies do not tell ports apart
        boolean api = path.startsWith("/api/") || path.startsWith("/files/");
        String given = ctx.queryParam("token");
        if (!api && given != null && matches(given)) {
            ctx.header("Set-Cookie", cookie + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (api && !(matches(given) || matches(bearer(ctx)) || matches(ctx.cookie(cookie)))) {
            throw new ApiError(
                    401,
                    "this server needs its access token: open the address 'collapselab serve' printed "
                            + "(…/?token=…), or send Authorization: Bearer TOKEN");
        }
    }

    private static String bearer(Context ctx) {
        String a = ctx.header("Authorization");
        return a != null && a.startsWith(BEARER) ? a.substring(BEARER.length()).trim() : null;
    }

    /** Constant-time comparison with the token. */
    private boolean matches(String given) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** This machine's IP addresses as they appear in a Host header (IPv6 in brackets, without a zone). */
    private static Set<String> localAddresses() {
        Set<String> out = new TreeSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String s = a.getHostAddress().replaceFirst("%.*$", "").toLowerCase(Locale.ROOT);
                    out.add(s.contains(":") ? "[" + s + "]" : s);
                }
            }
        } catch (SocketException e) {
            // no interfaces listed: only the loopback names and --allow-host names
        }
        return out;
    }

    /** Whether {@code host} is a loopback address or name; refuses a name or address that is not this machine's. */
    static boolean isLoopback(String host) {
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host must be a local address or name, got " + host);
        }
        boolean local;
        try {
            local = a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            local = false;
        }
        if (!local) {
            throw new IllegalArgumentException("--host must be a local address or name (an address of this machine, "
                    + "0.0.0.0 or ::), got " + host);
        }
        return a.isLoopbackAddress();
    }

    /** A valid {@code --allow-host} value: a host name or an IP address, without port or wildcard. */
    static String validHost(String name) {
        if (name == null
                || !(name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})") || name.matches("\\[[0-9A-Fa-f:.]{2,45}]"))) {
            throw new IllegalArgumentException("--allow-host must be a host name such as lab.example.org or an address "
                    + "(IPv6 in brackets), without port or wildcard, got " + name);
        }
        return name;
    }
}
