package org.collapselab.stats;

/**
 * The one summary of repeated measurements (simulation runs, seeds, repetitions): their mean, sample standard
 * deviation and count. Intervals and verdicts are built from it where they are judged.
 *
 * @param mean the sample mean (NaN without values)
 * @param sd the sample standard deviation with n − 1 in the denominator (0 for one value, NaN without values)
 * @param n the number of values
 */
public record Summary(double mean, double sd, int n) {
    /** The summary of {@code values}. */
    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Summary(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, n);
    }

    /** The standard error of the mean, sd/√n (NaN without values). */
    public double stderr() {
        return n == 0 ? Double.NaN : sd / Math.sqrt(n);
    }
}
