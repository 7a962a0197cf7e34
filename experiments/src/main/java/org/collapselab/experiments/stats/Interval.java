package org.collapselab.experiments.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.collapselab.experiments.report.Claim.Verdict;

/**
 * A two-sided Student-t confidence interval for a mean, mean ± t_{level, n−1}·s/√n, from n independent values — or,
 * through {@link #paired}, for the mean of paired differences a_i − b_i (the same seed run at two settings, so the
 * seed-to-seed spread that both share cancels). One value gives an unbounded interval, which no threshold can decide.
 *
 * @param mean sample mean
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param n number of values
 * @param level confidence level, e.g. 0.95
 */
public record Interval(double mean, double lower, double upper, int n, double level) {
  /** Which side of a threshold the interval lies on. */
  public enum Side {
    ABOVE, BELOW, STRADDLES
  }

  /** The t interval of the mean of {@code values} at confidence {@code level}. */
  public static Interval of(double[] values, double level) {
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
      return new Interval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, level);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return ofSummary(mean, Math.sqrt(ss / (n - 1)), n, level);
  }

  /** The t interval from a summary: mean, sample standard deviation (n − 1) and count. */
  public static Interval ofSummary(double mean, double sd, int n, double level) {
    if (n < 2 || !Double.isFinite(sd)) {
      return new Interval(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Math.max(n, 0), level);
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean, mean - half, mean + half, n, level);
  }

  /** The t interval of the mean of the paired differences a_i − b_i. */
  public static Interval paired(double[] a, double[] b, double level) {
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

  /** Where the interval lies relative to {@code threshold} (touching counts as straddling). */
  public Side relativeTo(double threshold) {
    if (lower > threshold) {
      return Side.ABOVE;
    }
    if (upper < threshold) {
      return Side.BELOW;
    }
    return Side.STRADDLES;
  }

  /**
   * The verdict on a claim that the true mean lies on side {@code claimed} of {@code threshold}: supported when the
   * whole interval is on that side, contradicted when it is wholly on the other, inconclusive when it straddles.
   */
  public Verdict verdict(double threshold, Side claimed) {
    if (claimed == Side.STRADDLES) {
      throw new IllegalArgumentException("a claim is about one side of the threshold");
    }
    Side s = relativeTo(threshold);
    return s == Side.STRADDLES ? Verdict.INCONCLUSIVE : s == claimed ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
  }

  /** "m [lo, hi]" with the given number of significant decimals, for reports. */
  public String format(String numberFormat) {
    return String.format(java.util.Locale.ROOT, numberFormat + " [" + numberFormat + ", " + numberFormat + "]",
        mean, lower, upper);
  }
}
