package org.collapselab.experiments.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.collapselab.experiments.report.Interval;
import org.collapselab.stats.Summary;

/**
 * Two-sided Student-t confidence intervals for a mean, mean ± t_{level, n−1}·s/√n (Student 1908), as the one
 * interval type {@link Interval}: from a {@link Summary} of n independent values, from the values themselves, or,
 * through {@link #paired}, for the mean of paired differences a_i − b_i (the same seed run at two settings, so the
 * seed-to-seed spread that both share cancels). Fewer than two values give an unbounded interval, which no threshold
 * can decide. Verdicts come from {@link org.collapselab.experiments.report.Verdicts}.
 */
public final class TInterval {
    private TInterval() {}

    /** The t interval of the mean of a summary at confidence {@code level} (unbounded for n &lt; 2). */
    public static Interval of(Summary s, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (s.n() < 2 || !Double.isFinite(s.sd())) {
            return Interval.unbounded(s.mean());
        }
        double t = new TDistribution(null, s.n() - 1).inverseCumulativeProbability(0.5 + level / 2);
        return Interval.around(s.mean(), s.sd() / Math.sqrt(s.n()), t);
    }

    /** The t interval of the mean of {@code values} at confidence {@code level}. */
    public static Interval of(double[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("an interval needs at least one value");
        }
        return of(Summary.of(values), level);
    }

    /** The summary of the paired differences a_i − b_i. */
    public static Summary differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal counts, got " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return Summary.of(d);
    }

    /** The t interval of the mean of the paired differences a_i − b_i. */
    public static Interval paired(double[] a, double[] b, double level) {
        if (a.length == 0) {
            throw new IllegalArgumentException("an interval needs at least one value");
        }
        return of(differences(a, b), level);
    }
}
