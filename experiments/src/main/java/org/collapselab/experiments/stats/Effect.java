package org.collapselab.experiments.stats;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.collapselab.experiments.report.Interval;

/**
 * An estimated mean effect with a Student-t reference distribution: the mean, its standard error and degrees of
 * freedom. Verdicts that speak of a minimal effect δ use its one-sided tests: {@link #pAbove} (the effect exceeds
 * δ), {@link #pBelow} (it falls short of δ) and the two one-sided tests of equivalence ({@link #pEquivalent}, TOST:
 * Schuirmann 1987, "A comparison of the two one-sided tests procedure and the power approach for assessing the
 * equivalence of average bioavailability", J. Pharmacokinet. Biopharm. 15(6)); {@link #interval} gives the
 * matching two-sided interval. Values come from independent units (seeds), paired differences, or clusters
 * ({@link #clustered}: one mean per cluster, so that the variance between clusters, e.g. between generators, is in
 * the standard error).
 *
 * @param mean the estimate
 * @param standardError its standard error (NaN with fewer than two units)
 * @param df degrees of freedom of the t reference (units − 1)
 * @param n number of values behind it (all seeds, also when clustered)
 * @param units independent units the standard error rests on (n, or the number of clusters)
 */
public record Effect(double mean, double standardError, int df, int n, int units) {
    /** The effect of the mean of independent values. */
    public static Effect of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("an effect needs at least one value");
        }
        double m = 0;
        for (double v : values) {
            m += v;
        }
        m /= n;
        if (n == 1) {
            return new Effect(m, Double.NaN, 0, 1, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return new Effect(m, Math.sqrt(ss / (n - 1) / n), n - 1, n, n);
    }

    /** The effect of the mean of paired differences a_i − b_i. */
    public static Effect paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal counts, got " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return of(d);
    }

    /**
     * The effect of values grouped in clusters (e.g. student seeds sharing a generator): the mean of the cluster
     * means, with the t interval over the clusters (two-stage estimate, exact for balanced clusters). With one value
     * per cluster it equals {@link #of}.
     */
    public static Effect clustered(double[] values, int[] cluster) {
        if (values.length != cluster.length) {
            throw new IllegalArgumentException("one cluster per value needed, got " + values.length + " values and "
                    + cluster.length + " clusters");
        }
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            double[] s = sums.computeIfAbsent(cluster[i], k -> new double[2]);
            s[0] += values[i];
            s[1]++;
        }
        double[] means = sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
        Effect e = of(means);
        return new Effect(e.mean, e.standardError, e.df, values.length, e.units);
    }

    /** A slope per unit: the least-squares slope of y against x, one per row, then their mean effect. */
    public static Effect slopes(double[] x, double[][] yPerUnit) {
        double[] s = new double[yPerUnit.length];
        for (int u = 0; u < s.length; u++) {
            s[u] = slope(x, yPerUnit[u]);
        }
        return of(s);
    }

    /** The least-squares slope of y against x. */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a slope needs at least two (x, y) pairs of equal count");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** Whether a standard error exists (two or more units). */
    public boolean testable() {
        return df >= 1 && Double.isFinite(standardError);
    }

    /** The two-sided interval at {@code level}, unbounded when not {@link #testable}. */
    public Interval interval(double level) {
        if (!testable()) {
            return new Interval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        if (standardError == 0) {
            return Interval.point(mean);
        }
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2);
        return new Interval(mean, mean - t * standardError, mean + t * standardError);
    }

    /** One-sided p-value of "effect &gt; delta" (small: the effect exceeds delta); 1 when not testable. */
    public double pAbove(double delta) {
        if (!testable()) {
            return 1;
        }
        if (standardError == 0) {
            return mean > delta ? 0 : 1;
        }
        return 1 - new TDistribution(null, df).cumulativeProbability((mean - delta) / standardError);
    }

    /** One-sided p-value of "effect &lt; delta" (small: the effect falls short of delta); 1 when not testable. */
    public double pBelow(double delta) {
        if (!testable()) {
            return 1;
        }
        if (standardError == 0) {
            return mean < delta ? 0 : 1;
        }
        return new TDistribution(null, df).cumulativeProbability((mean - delta) / standardError);
    }

    /** TOST p-value of "|effect| &lt; delta": the larger of the two one-sided p-values. */
    public double pEquivalent(double delta) {
        return Math.max(pAbove(-delta), pBelow(delta));
    }

    /** The effect with its mean and standard error multiplied by {@code factor} (a change of unit). */
    public Effect scaled(double factor) {
        return new Effect(mean * factor, standardError * Math.abs(factor), df, n, units);
    }

    /** "m [lo, hi]" at {@code level} with the given number format, e.g. {@code %+.4f}. */
    public String format(String numberFormat, double level) {
        Interval i = interval(level);
        return String.format(
                Locale.ROOT, numberFormat + " [" + numberFormat + ", " + numberFormat + "]", mean, i.low(), i.high());
    }
}
