package org.collapselab.forecast;

import java.util.Arrays;

/**
 * A point value with an interval at a stated level (bootstrap percentiles).
 *
 * @param value the estimate from the fit to the pilots themselves
 * @param low lower end
 * @param high upper end
 */
public record Estimate(double value, double low, double high) {
    /**
     * The fit's value with the percentile interval of the replicates' values (NaN replicates are ignored). The interval
     * is widened to contain the value if needed (a replicate distribution can sit to one side of it).
     */
    public static Estimate of(double value, double[] replicates, double level) {
        double[] v = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        double lo = quantile(v, (1 - level) / 2);
        double hi = quantile(v, (1 + level) / 2);
        return new Estimate(value, Math.min(lo, value), Math.max(hi, value));
    }

    /** Whether {@code x} lies in [low, high]. */
    public boolean covers(double x) {
        return x >= low && x <= high;
    }

    /** Linear-interpolation quantile of sorted values (type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
    }
}
