package org.collapselab.experiments.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.collapselab.experiments.report.Interval;

/**
 * A two-sided Student-t confidence interval for a mean, mean ± t_{level, n−1}·s/√n, from n independent values —
 * or,
 * through {@link #paired}, for the mean of paired differences a_i − b_i (the same seed run at two settings, so the
 * seed-to-seed spread that both share cancels). One value gives an unbounded interval, which no threshold can decide.
 * Verdicts come from the shared claim helper ({@link org.collapselab.experiments.report.Verdicts}) on
 * {@link #interval()}.
 *
 * @param mean sample mean
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param n number of values
 * @param level confidence level, e.g. 0.95
 */
public record TInterval(double mean, double lower, double upper, int n, double level) {
  /** The t interval of the mean of {@code values} at confidence {@code level}. */
  public static TInterval of(double[] values, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("an interval needs at least one value");
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    if (n == 1) {
      return new TInterval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, level);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return ofSummary(mean, Math.sqrt(ss / (n - 1)), n, level);
  }

  /** The t interval from a summary: mean, sample standard deviation (n − 1) and count. */
  public static TInterval ofSummary(double mean, double sd, int n, double level) {
    if (n < 2 || !Double.isFinite(sd)) {
      return new TInterval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Math.max(n, 0), level);
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
    double half = t * sd / Math.sqrt(n);
    return new TInterval(mean, mean - half, mean + half, n, level);
  }

  /** The t interval of the mean of the paired differences a_i − b_i. */
  public static TInterval paired(double[] a, double[] b, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired values need equal counts, got " + a.length + " and " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return of(d, level);
  }

  /** Half the width of the interval. */
  public double halfWidth() {
    return (upper - lower) / 2;
  }

  /** The interval for the shared claim helper. */
  public Interval interval() {
    return new Interval(mean, lower, upper);
  }

  /** "m [lo, hi]" with the given number of significant decimals, for reports. */
  public String format(String numberFormat) {
    return String.format(java.util.Locale.ROOT, numberFormat + " [" + numberFormat + ", " + numberFormat + "]",
        mean, lower, upper);
  }
}
