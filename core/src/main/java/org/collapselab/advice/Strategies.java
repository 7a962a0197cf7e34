package org.collapselab.advice;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.PriorRidgeTheory;
import org.collapselab.theory.ScalarMinimum;

/**
 * What a practitioner can do with n1 real and n2 synthetic rows (ridge), each with λ tuned by theory: train on the
 * real rows only; mix naively (A = 1); mix with the optimal weight A; use the synthetic teacher as a prior
 * (derived here, docs/two-sources.md; its λ is the pull toward w2); use the best subset of k synthetic rows at A = 1. Errors are predicted
 * excess risks E‖ŵ − w1‖²_Σ1.
 */
public final class Strategies {
    private Strategies() {}

    /** The five predicted errors at one training-set size. */
    public record Point(
            long n1,
            long n2,
            double realOnly,
            double naiveMix,
            double weightedMix,
            double prior,
            double bestSubset,
            long bestSubsetRows,
            double optimalWeight) {}

    /** The strategies for n total rows of which n2 = round(p2 n) synthetic. */
    public static Point at(
            Spectrum real, Spectrum synthetic, long n, double p2, double c2, double sigma1, double sigma2) {
        long n2 = Math.round(p2 * n);
        long n1 = n - n2;
        Regime regime = Regime.ridge(real, synthetic, n1, n2, sigma1, sigma2, c2);
        Recipe realOnly = Advisor.withTunedLambda(regime, 0, 0, 0);
        Recipe naive = Advisor.withTunedLambda(regime, n2, 1, 0);
        Recipe weighted = Advisor.withTunedWeight(regime, n2, 0);
        Recipe subset = Advisor.bestSubset(regime, 0);
        double center = Math.log10(real.trace() / real.dimension());
        ScalarMinimum.Min prior = ScalarMinimum.minimize(
                x -> PriorRidgeTheory.predict(real, n1, c2, sigma1, Math.pow(10, x))
                        .testError(),
                center - 7,
                center + 4,
                23,
                1e-4);
        return new Point(
                n1,
                n2,
                error(realOnly),
                error(naive),
                error(weighted),
                prior.value(),
                error(subset),
                subset == null ? -1 : subset.syntheticRows(),
                weighted == null ? Double.NaN : weighted.syntheticWeight());
    }

    private static double error(Recipe r) {
        return r == null ? Double.NaN : r.predictedTestError();
    }
}
