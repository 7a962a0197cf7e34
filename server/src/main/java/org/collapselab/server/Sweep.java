package org.collapselab.server;

import java.util.List;
import java.util.Locale;
import org.collapselab.problem.Problem;
import org.collapselab.validation.ParameterException;

/**
 * One swept parameter: {@code NAME:FROM:TO:POINTS[:log]}, e.g. {@code n:100:100000:200:log}. Integer parameters
 * (n, m) are rounded to whole numbers. {@link #apply} makes the problem at one value without rebuilding the
 * spectrum, so a 200-point curve costs 200 theory evaluations and nothing else.
 */
record Sweep(String name, double from, double to, int points, boolean log) {
    /** Parameters that can be swept. */
    static final List<String> NAMES = List.of(
            "n",
            "m",
            "p2",
            "c2",
            "sigma",
            "lambda",
            "synthetic-sigma",
            "synthetic-weight",
            "bad-share",
            "keep-good",
            "keep-bad");

    /** Parses the text form; errors name the {@code sweep} field. */
    static Sweep parse(String text, int maxPoints) {
        return parse(text, maxPoints, NAMES);
    }

    /** Parses the text form with NAME one of {@code names}; errors name the {@code sweep} field. */
    static Sweep parse(String text, int maxPoints, List<String> names) {
        String form = "NAME:FROM:TO:POINTS[:log] with NAME one of " + String.join(", ", names);
        String[] parts = text.trim().split(":");
        if (parts.length < 4
                || parts.length > 5
                || !names.contains(parts[0])
                || (parts.length == 5 && !parts[4].equalsIgnoreCase("log") && !parts[4].equalsIgnoreCase("lin"))) {
            throw ApiError.badField("sweep", text, form);
        }
        double from;
        double to;
        int points;
        try {
            from = Double.parseDouble(parts[1]);
            to = Double.parseDouble(parts[2]);
            points = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw ApiError.badField("sweep", text, form);
        }
        if (points < 1 || points > maxPoints) {
            throw ApiError.badField("sweep", text, "at most " + maxPoints + " points (and at least 1)");
        }
        boolean log = parts.length == 5 && parts[4].toLowerCase(Locale.ROOT).equals("log");
        if (!Double.isFinite(from) || !Double.isFinite(to) || (log && (from <= 0 || to <= 0))) {
            throw ApiError.badField("sweep", text, "finite FROM and TO (both > 0 for log)");
        }
        return new Sweep(parts[0], from, to, points, log);
    }

    /** The text form {@code NAME:FROM:TO:POINTS[:log]}. */
    String text() {
        return name + ":" + num(from) + ":" + num(to) + ":" + points + (log ? ":log" : "");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The i-th value of the grid. */
    double value(int i) {
        double t = points == 1 ? 0 : (double) i / (points - 1);
        double v = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from))) : from + t * (to - from);
        return isInteger() ? Math.round(v) : v;
    }

    boolean isInteger() {
        return name.equals("n") || name.equals("m");
    }

    /** The problem at every grid value (the ends are checked first, so an error names the range's bad end). */
    Problem[] problems(Problem base) {
        apply(base, value(0));
        apply(base, value(points - 1));
        Problem[] out = new Problem[points];
        for (int i = 0; i < points; i++) {
            out[i] = apply(base, value(i));
        }
        return out;
    }

    /** The problem with this parameter set to {@code v}; range errors name the parameter. */
    Problem apply(Problem p, double v) {
        long n = name.equals("n") ? (long) v : p.n();
        long m = name.equals("m") ? (long) v : p.m();
        if (name.equals("m") && p.m() == 0) {
            throw new ParameterException("sweep", "m", "a parameter of the chosen model (m needs model rp)");
        }
        double sigma = name.equals("sigma") ? v : p.sigma();
        // σ2 follows σ unless it was set on its own.
        double sigma2 =
                name.equals("synthetic-sigma") ? v : (p.syntheticSigma() == p.sigma() ? sigma : p.syntheticSigma());
        return new Problem(
                p.model(),
                p.spectrum(),
                p.syntheticSpectrum(),
                n,
                m,
                name.equals("p2") ? v : p.p2(),
                name.equals("c2") ? v : p.c2(),
                sigma,
                name.equals("lambda") ? v : p.lambda(),
                sigma2,
                name.equals("synthetic-weight") ? v : p.syntheticWeight(),
                p.estimator(),
                p.generations(),
                verifier(p, v),
                p.teacher());
    }

    /** The verifier with this parameter set to {@code v} when it is one of the verifier's. */
    private org.collapselab.problem.Verifier verifier(Problem p, double v) {
        org.collapselab.problem.Verifier f = p.verifier();
        return new org.collapselab.problem.Verifier(
                name.equals("bad-share") ? v : f.badShare(),
                name.equals("keep-good") ? v : f.keepGood(),
                name.equals("keep-bad") ? v : f.keepBad());
    }
}
