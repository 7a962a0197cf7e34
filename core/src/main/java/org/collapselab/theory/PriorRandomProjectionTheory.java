package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalent for random projections with the synthetic teacher as a prior (derived here, docs/two-sources.md, on the
 * sketched features): v̂ = argmin (1/n1)‖y1 − Z1v‖² + λ‖v − v2‖² on the n1 real rows, z = Sᵀx, ŵ = Sv̂, where the
 * target v2 is the width-m representation of w2 = w1 + Δ: the population least-squares fit
 * v2 = F⁺SᵀΣw2 (F = SᵀΣS), i.e. Sv2 = Pw2 with P = SF⁺SᵀΣ the Σ-orthogonal projection onto range(S) (for m ≥ d,
 * Sv2 = w2). Which v with Sv = Pw2 is taken does not change ŵ.
 *
 * <p><b>Derivation.</b> v̂ − v2 is ridge on the residual y1 − zᵀv2 = zᵀ(v1 − v2) + u + σε, u the part of xᵀw1 that
 * z cannot see (independent of z, variance U_w = ‖(I − P)w1‖²_Σ); the error is ‖v̂ − v1‖²_F + U_w with
 * v1 − v2 = −δ, E δδᵀ = (c²/d)F⁺. Ridge in R^m with n1 rows (κ, g = 1/(1 − tr F²(F+κ)⁻²/n1)) then gives
 * <pre>
 *   E = g U_w + σ² (g − 1) + g (c²/d) K,      K = κ² tr₊(F+κ)⁻²
 * </pre>
 * with θ, κ, df2, g and K the equivalents of {@link RandomProjectionTheory} at n = n1, and
 * U_w ≍ (1/d) Σ σᵢθ_m/(σᵢ+θ_m), D1(θ_m) = m (0 for m ≥ d). Reported as Bias = g U_w (the teacher part no
 * width-m model sees), Var = σ²(g − 1), ζ = g(c²/d)K (the shrinkage toward the wrong teacher). As m → ∞ this is
 * {@link PriorRidgeTheory} with penalty λd/m; n1 = 0 gives ŵ = Pw2 and E = U_w + c² min(m, d)/d.
 */
public final class PriorRandomProjectionTheory {
    private PriorRandomProjectionTheory() {}

    /** Predicted error of an rp problem with {@code estimator = prior} (n1 = n − round(p2·n) real rows). */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RANDOM_PROJECTION) {
            throw new TheoryException("PriorRandomProjectionTheory needs a random-projection (rp) problem, got "
                    + p.model().key());
        }
        return predict(p.spectrum(), p.realCount(), p.m(), p.c2(), p.sigma(), p.lambda());
    }

    /** Same from raw parameters: n1 real rows, width m, shift quality c², real noise σ1, penalty λ toward v2. */
    public static TheoryResult predict(Spectrum real, long n1, long m, double c2, double sigma1, double lambda) {
        double[] sig = real.eigenvalues();
        int d = sig.length;
        double unseen = unseenTeacher(real, m);
        if (n1 == 0) {
            double zeta = c2 * Math.min(m, d) / d;
            return new TheoryResult(unseen + zeta, unseen, 0, zeta, 0, true, 0, 0);
        }
        RandomProjectionTheory.FixedPoint fp = RandomProjectionTheory.solve(real, n1, m, lambda);
        double theta = fp.theta();
        RandomProjectionTheory.Traces t = RandomProjectionTheory.Traces.at(sig, fp, n1, m);
        double denom = t.denom(); // n1 − df2
        if (!(denom > 0)) {
            throw new TheoryException(
                    "random-projection prior-estimator test error diverges at n1 = min(m, d) (n1 = " + n1 + ", m = " + m
                            + ", d = " + d + ", lambda = " + lambda + "); use lambda > 0 or move m or n off it");
        }
        double g = n1 / denom;
        double kk = t.kk();
        double df2 = t.df2();
        double bias = g * unseen;
        double variance = sigma1 * sigma1 * df2 / denom;
        double zeta = g * (c2 / d) * kk;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("random-projection prior-estimator theory overflowed (theta = " + theta + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, theta, fp.converged(), fp.iterations(), fp.residual());
    }

    /** U_w ≍ (1/d) Σ σθ_m/(σ+θ_m) with D1(θ_m) = m: the teacher variance outside a width-m sketch (0 for m ≥ d). */
    static double unseenTeacher(Spectrum spectrum, long m) {
        int d = spectrum.dimension();
        if (m >= d) {
            return 0;
        }
        // θ_m is the λ → 0 threshold of the sketched problem with more rows than features (q = m).
        double thetaM = RandomProjectionTheory.solve(spectrum, m + 1, m, 0).thetaThreshold();
        double v = 0;
        for (double s : spectrum.eigenvalues()) {
            v += s * thetaM / (s + thetaM);
        }
        return v / d;
    }
}
