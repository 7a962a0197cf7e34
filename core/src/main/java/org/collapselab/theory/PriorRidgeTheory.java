package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalent for the synthetic teacher used as a prior instead of as data (derived here, docs/two-sources.md):
 * ŵ = argmin (1/n1)‖y1 − X1w‖² + λ‖w − w2‖², w2 = w1 + Δ, fitted on the n1 real rows only. ŵ − w1 is ridge on the
 * residual target −Δ, so with κ = κ(λ, n1) ({@link RidgeTheory#solveKappa}), df2 = tr Σ1²(Σ1+κ)⁻², g = 1/(1 − df2/n1)
 * and E ΔΔᵀ = (c²/d)Σ1⁻¹:
 * <pre>
 *   ζ   = κ² g (c²/d) tr (Σ1+κ)⁻²       (the shrinkage toward the wrong teacher; w1 itself is not shrunk: Bias = 0)
 *   Var = σ1² df2/(n1 − df2)
 * </pre>
 * With n1 = 0 the estimate is w2 and E = c².
 */
public final class PriorRidgeTheory {
    private PriorRidgeTheory() {}

    /** Predicted error of a ridge problem with {@code estimator = prior} (n1 = n − round(p2·n) real rows). */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RIDGE) {
            throw new TheoryException("the prior estimator is defined for ridge, got model "
                    + p.model().key());
        }
        return predict(p.spectrum(), p.realCount(), p.c2(), p.sigma(), p.lambda());
    }

    /** Same from raw parameters: n1 real rows, shift quality c², real noise σ1, penalty λ toward w2. */
    public static TheoryResult predict(Spectrum real, long n1, double c2, double sigma1, double lambda) {
        if (n1 == 0) {
            return new TheoryResult(c2, 0, 0, c2, 0, true, 0, 0);
        }
        RidgeTheory.Kappa k = RidgeTheory.solveKappa(real, n1, lambda);
        double kappa = k.kappa();
        int d = real.dimension();
        double df2 = 0;
        double trR2 = 0;
        for (int i = 0; i < d; i++) {
            double s = real.eigenvalue(i);
            double r = 1.0 / (s + kappa);
            df2 += s * s * r * r;
            trR2 += r * r;
        }
        double shrink = 1 - df2 / n1;
        if (!(shrink > 0)) {
            throw new TheoryException(
                    "prior-estimator test error diverges (df2/n1 >= 1): lambda = " + lambda + " at d = n1 = " + n1);
        }
        double g = 1 / shrink;
        double zeta = kappa == 0 ? 0 : kappa * kappa * g * (c2 / d) * trR2;
        double variance = sigma1 * sigma1 * (df2 / n1) * g;
        return new TheoryResult(zeta + variance, 0, variance, zeta, kappa, k.converged(), k.iterations(), k.residual());
    }
}
