package org.collapselab.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.problem.Problem;
import org.collapselab.validation.ParameterException;

/**
 * The problem part of a request: parameters named as the CLI flags ({@code n}, {@code p2}, {@code synthetic-weight},
 * ...), parsed by the same {@link ProblemFlags} the CLI uses. The server reads no files on a client's behalf, so
 * {@code file:} spectra are refused.
 */
final class ProblemRequest {
    private ProblemRequest() {}

    /**
     * Splits {@code params} into the problem flags and the request's own {@code extra} keys (returned in
     * {@code extrasOut}), then builds the problem. Bad input is a 400 {@link ApiError} naming the field.
     */
    static Problem parse(Map<String, String> params, Set<String> extra, Map<String, String> extrasOut) {
        Map<String, String> flags = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (extra.contains(k)) {
                extrasOut.put(k, v);
            } else {
                flags.put(k, v);
            }
        });
        for (String key : new String[] {"spectrum", "synthetic-spectrum"}) {
            String s = flags.get(key);
            if (s != null && s.trim().toLowerCase(Locale.ROOT).startsWith("file:")) {
                throw ApiError.badField(
                        key, s, "iso or power:A (the server reads no files; use the CLI for file: spectra)");
            }
        }
        try {
            ProblemFlags parsed = ProblemFlags.parse(flags);
            if (parsed.d() > Limits.MAX_D) {
                throw new ParameterException("d", parsed.d(), "an integer in [1, " + Limits.MAX_D + "] in the server");
            }
            return parsed.toProblem();
        } catch (ParameterException e) {
            if (e.field().equals("parameter")) {
                ApiError a = ApiError.badField("parameter", e.value(), e.allowed() + ", " + String.join(", ", extra));
                throw a;
            }
            throw ApiError.badParameter(e);
        }
    }

    /** {@code true}/{@code false} (or absent = false) for a flag-like switch. */
    static boolean bool(Map<String, String> extras, String key) {
        String v = extras.get(key);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiError.badField(key, v, "true or false");
        };
    }

    /** The noise floor σ² added with {@code with-noise}. */
    static double floor(Problem p, boolean withNoise) {
        return withNoise ? p.sigma() * p.sigma() : 0;
    }
}
