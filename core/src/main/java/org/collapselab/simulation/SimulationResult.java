package org.collapselab.simulation;

/**
 * Monte Carlo estimate of the test error of one {@link org.collapselab.problem.Problem}: per-run errors and their
 * summary.
 *
 * @param mean mean test error over runs
 * @param std sample standard deviation over runs (0 for one run)
 * @param stderr standard error of the mean, std/√runs
 * @param runs the per-run test errors, in run order (run r uses the r-th seed derived from the base seed)
 * @param seconds wall time of the whole cell
 */
public record SimulationResult(double mean, double std, double stderr, double[] runs, double seconds) {
  /** Summarises per-run errors. */
  public static SimulationResult of(double[] runs, double seconds) {
    int r = runs.length;
    double mean = 0;
    for (double v : runs) {
      mean += v;
    }
    mean /= r;
    double ss = 0;
    for (double v : runs) {
      ss += (v - mean) * (v - mean);
    }
    double std = r > 1 ? Math.sqrt(ss / (r - 1)) : 0.0;
    return new SimulationResult(mean, std, std / Math.sqrt(r), runs.clone(), seconds);
  }
}
