package org.collapselab.experiments.report;

import java.util.Locale;
import org.collapselab.stats.Summary;

/**
 * An estimate with a two-sided interval: a mean ± z standard errors, a paired-t or bootstrap confidence interval, or
 * a point (a deterministic theory value, low = high). Verdicts rest on intervals, not points ({@link Verdicts}). An
 * estimate without spread (one value) or without values (NaN) has the unbounded interval, which decides nothing.
 *
 * @param estimate the point estimate
 * @param low lower end
 * @param high upper end
 */
public record Interval(double estimate, double low, double high) {
    public Interval {
        if (!(low <= estimate && estimate <= high)
                && !(Double.isNaN(estimate) && low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "interval must satisfy low <= estimate <= high, got [" + low + ", " + estimate + ", " + high + "]");
        }
    }

    /** An exact value (no uncertainty). */
    public static Interval point(double v) {
        return new Interval(v, v, v);
    }

    /** Nothing known beyond the estimate: (−∞, ∞). */
    public static Interval unbounded(double estimate) {
        return new Interval(estimate, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** {@code mean ± z·stderr} of a summary. */
    public static Interval around(Summary s, double z) {
        return around(s.mean(), s.stderr(), z);
    }

    /** Half the width (∞ for an unbounded interval). */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** The interval with every end multiplied by {@code factor} &gt; 0 (a change relative to a scale). */
    public Interval scaled(double factor) {
        return new Interval(estimate * factor, low * factor, high * factor);
    }

    /** {@code estimate ± half-width} for reports, e.g. {@code 0.08352 ± 0.0030}. */
    public String plusMinus() {
        return String.format(Locale.ROOT, "%.4g ± %.2g", estimate, halfWidth());
    }

    /** {@code estimate [low, high]} with the given number format, e.g. {@code %.4f}. */
    public String format(String numberFormat) {
        return String.format(
                Locale.ROOT, numberFormat + " [" + numberFormat + ", " + numberFormat + "]", estimate, low, high);
    }

    /** {@code mean ± z·stderr}. */
    public static Interval around(double mean, double stderr, double z) {
        double h = Math.abs(z * stderr);
        return new Interval(mean, mean - h, mean + h);
    }
}
