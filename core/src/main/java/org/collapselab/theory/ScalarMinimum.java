package org.collapselab.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Minimises a scalar function on an interval: a uniform scan (so that a non-unimodal function still lands in the
 * basin of its best grid point), then golden-section search between the neighbours of the best grid point.
 * Non-finite values (e.g. a divergent theory point) count as +∞. Hand-written because core has no numerics
 * dependency and this is twenty lines.
 */
public final class ScalarMinimum {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private ScalarMinimum() {}

    /** The minimiser x and the minimum f(x). */
    public record Min(double x, double value) {}

    /** Minimises f on [lo, hi] with {@code scan} ≥ 2 grid points, then golden section to relative width {@code tol}. */
    public static Min minimize(DoubleUnaryOperator f, double lo, double hi, int scan, double tol) {
        double bestX = lo;
        double best = Double.POSITIVE_INFINITY;
        int bestI = 0;
        for (int i = 0; i < scan; i++) {
            double x = lo + (hi - lo) * i / (scan - 1);
            double v = safe(f, x);
            if (v < best) {
                best = v;
                bestX = x;
                bestI = i;
            }
        }
        double a = lo + (hi - lo) * Math.max(0, bestI - 1) / (scan - 1);
        double b = lo + (hi - lo) * Math.min(scan - 1, bestI + 1) / (scan - 1);
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = safe(f, c);
        double fd = safe(f, d);
        while (b - a > tol * Math.max(1, Math.abs(a) + Math.abs(b))) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = safe(f, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = safe(f, d);
            }
        }
        if (fc < best) {
            best = fc;
            bestX = c;
        }
        if (fd < best) {
            best = fd;
            bestX = d;
        }
        return new Min(bestX, best);
    }

    private static double safe(DoubleUnaryOperator f, double x) {
        try {
            double v = f.applyAsDouble(x);
            return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        } catch (TheoryException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
