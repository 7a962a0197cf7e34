package org.collapselab.experiments.report;

/**
 * An estimate with a two-sided interval: a mean ± z standard errors, a paired-t or bootstrap confidence interval, or
 * a point (a deterministic theory value, low = high). Verdicts rest on intervals, not points ({@link Verdicts}).
 *
 * @param estimate the point estimate
 * @param low lower end
 * @param high upper end
 */
public record Interval(double estimate, double low, double high) {
  public Interval {
    if (!(low <= estimate && estimate <= high)) {
      throw new IllegalArgumentException("interval must satisfy low <= estimate <= high, got [" + low + ", " + estimate
          + ", " + high + "]");
    }
  }

  /** An exact value (no uncertainty). */
  public static Interval point(double v) {
    return new Interval(v, v, v);
  }

  /** {@code mean ± z·stderr}. */
  public static Interval around(double mean, double stderr, double z) {
    double h = Math.abs(z * stderr);
    return new Interval(mean, mean - h, mean + h);
  }
}
