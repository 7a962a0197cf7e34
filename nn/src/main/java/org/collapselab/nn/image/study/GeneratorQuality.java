package org.collapselab.nn.image.study;

import java.util.List;
import org.collapselab.nn.image.synthetic.LabelKind;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/**
 * The measured quality of one generator over its replicates: per replicate, its synthetic targets against the true
 * labels over the pool (the empirical c² and the share of wrong synthetic labels) and its own test error.
 *
 * @param samples real images each replicate is trained on
 * @param labels soft outputs or hard pseudo-labels
 * @param pool quality over the pool, one per replicate
 * @param test the generator's own quality on the real test split, one per replicate
 */
public record GeneratorQuality(
        int samples, LabelKind labels, List<SyntheticQuality> pool, List<SyntheticQuality> test) {
    public GeneratorQuality {
        pool = List.copyOf(pool);
        test = List.copyOf(test);
    }

    /** The map key of a generator. */
    public static String key(int samples, LabelKind labels) {
        return samples + "/" + labels;
    }

    /** Mean c² over replicates. */
    public double c2() {
        return pool.stream().mapToDouble(SyntheticQuality::mse).average().orElse(Double.NaN);
    }

    /** Standard deviation of c² over replicates (0 with one). */
    public double c2Sd() {
        return sd(pool.stream().mapToDouble(SyntheticQuality::mse).toArray());
    }

    /** Mean share of wrong synthetic labels over replicates. */
    public double labelError() {
        return pool.stream().mapToDouble(SyntheticQuality::labelError).average().orElse(Double.NaN);
    }

    /** Mean test error of the generators themselves. */
    public double testError() {
        return test.stream().mapToDouble(SyntheticQuality::labelError).average().orElse(Double.NaN);
    }

    /** Mean test MSE of the generators themselves. */
    public double testMse() {
        return test.stream().mapToDouble(SyntheticQuality::mse).average().orElse(Double.NaN);
    }

    /** "c² = 0.345 ± 0.012 (5 replicates)". */
    public String describeC2() {
        return pool.size() > 1
                ? String.format(
                        java.util.Locale.ROOT, "c² = %.3f ± %.3f (%d generator replicates)", c2(), c2Sd(), pool.size())
                : String.format(java.util.Locale.ROOT, "c² = %.3f (one generator)", c2());
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = java.util.Arrays.stream(v).average().orElse(0);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
