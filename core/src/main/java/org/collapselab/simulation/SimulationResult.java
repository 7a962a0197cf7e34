package org.collapselab.simulation;

import org.collapselab.stats.Summary;

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
        Summary s = Summary.of(runs);
        return new SimulationResult(s.mean(), s.sd(), s.stderr(), runs.clone(), seconds);
    }

    /** The runs' summary (mean, sd, count). */
    public Summary summary() {
        return new Summary(mean, std, runs.length);
    }
}
