package org.collapselab.experiments.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Interval;

/**
 * Percentile bootstrap over independent units (seeds, or a seed with its own generator): the units are resampled
 * with replacement and a statistic recomputed on each resample (Efron &amp; Tibshirani 1993, "An Introduction to the
 * Bootstrap", ch. 13). For statistics that a t interval cannot describe: a rank correlation of means, the position
 * of a maximum. Seeded, so a report is repeatable.
 */
public final class Bootstrap {
    /** Resamples used by the reports. */
    public static final int RESAMPLES = 2000;

    private Bootstrap() {}

    /**
     * The statistic on the original units (the estimate) and its percentile interval at {@code level}; the statistic
     * receives the unit indices of one (re)sample, with repeats.
     */
    public static Interval percentile(int units, ToDoubleFunction<int[]> statistic, double level, long seed) {
        if (units < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one unit");
        }
        int[] all = new int[units];
        Arrays.setAll(all, i -> i);
        double estimate = statistic.applyAsDouble(all);
        double[] values = replicates(units, statistic, seed);
        Arrays.sort(values);
        double lo = quantile(values, (1 - level) / 2);
        double hi = quantile(values, 1 - (1 - level) / 2);
        return new Interval(estimate, Math.min(lo, estimate), Math.max(hi, estimate));
    }

    /** The statistic on {@link #RESAMPLES} resamples of the units. */
    public static double[] replicates(int units, ToDoubleFunction<int[]> statistic, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[RESAMPLES];
        int[] idx = new int[units];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < units; i++) {
                idx[i] = r.nextInt(units);
            }
            out[b] = statistic.applyAsDouble(idx);
        }
        return out;
    }

    /** The share of resamples whose statistic satisfies {@code lo ≤ s ≤ hi}. */
    public static double share(int units, ToDoubleFunction<int[]> statistic, double lo, double hi, long seed) {
        double[] v = replicates(units, statistic, seed);
        int k = 0;
        for (double s : v) {
            k += s >= lo && s <= hi ? 1 : 0;
        }
        return k / (double) v.length;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
