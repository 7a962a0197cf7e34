package org.collapselab.forecast;

import java.util.List;

/**
 * Everything {@code forecast} reports: the law chosen and fitted, its parameters and forecasts with bootstrap
 * intervals at {@code level}, and the per-share power law beside them.
 *
 * @param law name of the chosen law ({@link LawSelection#candidates})
 * @param candidates every candidate law's fit quality
 * @param parameters the chosen law's parameters with intervals, in a fixed order
 * @param chi2 χ² of the chosen fit
 * @param dof its degrees of freedom
 * @param inflation variance inflation used for the intervals
 * @param noise where the pilots' standard errors came from
 * @param relativeScatter run-to-run coefficient of variation (REPLICATES, RESIDUAL), NaN for STDERR
 * @param groups the pilot groups (mixes) fitted, with the law's fitted error at each
 * @param level interval level
 * @param replicates bootstrap replicates drawn
 * @param failedReplicates replicates the law could not refit (left out)
 * @param forecast the requested point
 * @param curves error vs n for every piloted share and for p2 = 0
 * @param bestMix the best synthetic share (and weight) to add to the target's n real rows
 * @param stopHelping the real-data size from which unweighted synthetic rows stop helping
 * @param baseline the per-share power laws
 * @param droppedRuns pilot runs of smaller model sizes left out
 */
public record ForecastResult(
        String law,
        List<Candidate> candidates,
        List<Parameter> parameters,
        double chi2,
        int dof,
        double inflation,
        PilotSet.NoiseModel noise,
        double relativeScatter,
        List<FittedGroup> groups,
        double level,
        int replicates,
        int failedReplicates,
        Point forecast,
        List<Curve> curves,
        Mix bestMix,
        Estimate stopHelping,
        List<PowerLawBaseline.Share> baseline,
        int droppedRuns) {

    /** A candidate law's fit: name, χ², degrees of freedom, parameters fitted, chosen or not. */
    public record Candidate(String name, double chi2, int dof, int parameterCount, boolean chosen) {}

    /** A named parameter with its interval. */
    public record Parameter(String name, Estimate estimate) {}

    /** A pilot mix with its measured mean ± standard error and the law's fitted value. */
    public record FittedGroup(long n, double p2, double weight, int runs, double mean, double stderr, double fitted) {}

    /**
     * The forecast at one mix.
     *
     * @param n training rows
     * @param p2 synthetic share
     * @param weight A
     * @param law the law's forecast
     * @param baseline the per-share power law's (null when the share was not piloted)
     * @param requested false when no point was asked for (then n is 10× the largest pilot and p2 the largest share)
     */
    public record Point(long n, double p2, double weight, Estimate law, Estimate baseline, boolean requested) {}

    /** Error vs n at one share (p2, A): the law's and, for a piloted share, the power law's. */
    public record Curve(double p2, double weight, double[] n, Estimate[] law, Estimate[] baseline) {}

    /**
     * The best mix for {@code realRows} real rows, synthetic rows added on top (share at most 0.9).
     *
     * @param realRows n1 (the target n)
     * @param share best p2 at A = 1, with the replicates' best shares as interval
     * @param shareError the law's error at that share (interval: the same recipe under the replicates)
     * @param weightedShare best p2 when A is tuned too
     * @param weight that A
     * @param weightedError the error of that recipe
     * @param realOnly the error with the n1 real rows alone
     */
    public record Mix(
            long realRows,
            Estimate share,
            Estimate shareError,
            double weightedShare,
            double weight,
            Estimate weightedError,
            Estimate realOnly) {}
}
