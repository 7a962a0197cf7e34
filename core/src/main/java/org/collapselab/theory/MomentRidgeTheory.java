package org.collapselab.theory;

import org.collapselab.spectrum.Spectrum;

/**
 * Ridge trained on n1 real rows and a synthetic group of {@code good} rows labelled by w1 and {@code bad} rows labelled
 * by w2 = w1 + Δ (all synthetic rows with covariance Σ2, noise σ2 and weight A), for any second moments of w1 and Δ
 * ({@link ShiftMoments}: the random shift, or a trained teacher's error with its cross moment). It is the two-group
 * equivalent of {@link TwoSourceRidgeTheory} (same pencil κ, r, same second-order ε̃ and N) with two additions:
 * <ul>
 *   <li>Bad share q = bad/(good + bad) inside the synthetic group: the shift's leave-one-out (diagonal) terms act as
 *       label noise on the bad rows only (factor q), the pairs of rows as a clean target qΔ (factor q²) — the paper's
 *       "clean target plus x-uncorrelated noise" view of a mixture, one level down (Feng, Dohmatob, Yang, Charton,
 *       Kempe, ICLR 2025: the kept rows of a verified pool are again a two-teacher mixture).</li>
 *   <li>The teacher–shift cross term −2λ w1ᵀQΣ1Q(A·X_badᵀX_bad/n)Δ, whose leave-one-out equivalent is
 *       2·p2·q·w1ᵀ[rκ NΣ2 − r²κ ε̃2 Q̃Σ2]Δ with a minus sign (at Σ2 = Σ1, A = 1 it is the cross term of
 *       {@link RidgeTheory#predictFixed}).</li>
 * </ul>
 * With ω = E ΔΔᵀ, χ = E w1Δᵀ, τ = E w1w1ᵀ (diagonal in Σ1's basis), p2 = (good + bad)/n, w2 = p2r²:
 * <pre>
 *   Bias = κ² tr(Nτ)
 *   Var  = σ1² p1 ε̃1 + σ2² w2 ε̃2
 *   ζ    = q·w2 ε̃2 tr(Σ2ω) + q²·[p2 w2 tr(Σ2NΣ2ω) − 2 p2 w2 r ε̃2 tr(Σ2Q̃Σ2ω)] − 2 p2 q κ tr(χ[r NΣ2 − r² ε̃2 Q̃Σ2])
 * </pre>
 * At the random shift and q = 1 it is {@link TwoSourceRidgeTheory}; at Σ2 = Σ1, σ2 = σ1, A = 1 and fixed vectors it is
 * {@link RidgeTheory#predictFixed}. O(d) per point.
 */
public final class MomentRidgeTheory {
    private MomentRidgeTheory() {}

    /** Predicted E‖ŵ − w1‖²_Σ1 (expectation over data, noise and the moments' w1, Δ). */
    public static TheoryResult predict(
            Spectrum real,
            Spectrum synthetic,
            long n1,
            long good,
            long bad,
            double sigma1,
            double sigma2,
            double weight,
            double lambda,
            ShiftMoments mom) {
        double[] s1 = real.eigenvalues();
        double[] s2 = synthetic.eigenvalues();
        int d = s1.length;
        long n2 = good + bad;
        long n = n1 + n2;
        if (n == 0) { // no rows: ŵ = 0
            double e = 0;
            for (int i = 0; i < d; i++) {
                e += s1[i] * mom.teacher()[i];
            }
            return new TheoryResult(e, e, 0, 0, Double.POSITIVE_INFINITY, true, 0, 0);
        }
        double p1 = (double) n1 / n;
        double p2 = (double) n2 / n;
        double q = n2 == 0 ? 0 : (double) bad / n2;
        long rows = weight == 0 ? n1 : n;
        if (lambda == 0 && d == rows) {
            throw new TheoryException("ridgeless (lambda = 0) test error diverges at the interpolation threshold d = "
                    + d + " = weighted rows (n1 = " + n1 + ", kept synthetic = " + n2
                    + "); use lambda > 0 or d != rows");
        }
        TwoSourceRidgeTheory.Pencil pen = TwoSourceRidgeTheory.solve(s1, s2, p1, p2, n, weight, lambda);
        double kappa = pen.kappa();
        double r = pen.ratio();
        double g11 = 0, g12 = 0, g22 = 0;
        for (int i = 0; i < d; i++) {
            double qi = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + kappa);
            double q2 = qi * qi;
            g11 += s1[i] * s1[i] * q2;
            g12 += s1[i] * s2[i] * q2;
            g22 += s2[i] * s2[i] * q2;
        }
        double w1 = p1;
        double w2 = p2 * r * r;
        double[] eps = TwoSourceRidgeTheory.epsilons(g11, g12, g22, w1, w2, n);
        if (eps == null) {
            throw new TheoryException(
                    "ridge test error diverges (interpolation threshold of the weighted problem): lambda = " + lambda
                            + ", d = " + d + ", n1 = " + n1 + ", kept synthetic = " + n2 + ", A = " + weight);
        }
        double e1 = eps[0];
        double e2 = eps[1];
        double biasForm = 0, shiftNoise = 0, shiftMain = 0, shiftCorr = 0, crossN = 0, crossQ = 0;
        double[] tau = mom.teacher();
        double[] chi = mom.cross();
        double[] om = mom.shift();
        for (int i = 0; i < d; i++) {
            double qi = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + kappa);
            double ni = qi * qi * (s1[i] * (1 + w1 * e1) + w2 * e2 * s2[i]);
            biasForm += ni * tau[i];
            shiftNoise += s2[i] * om[i];
            shiftMain += s2[i] * s2[i] * ni * om[i];
            shiftCorr += s2[i] * s2[i] * qi * om[i];
            crossN += ni * s2[i] * chi[i];
            crossQ += qi * s2[i] * chi[i];
        }
        double bias = kappa == 0 ? 0 : kappa * kappa * biasForm;
        double variance = sigma1 * sigma1 * p1 * e1 + sigma2 * sigma2 * w2 * e2;
        double zeta = q * w2 * e2 * shiftNoise
                + q * q * (p2 * w2 * shiftMain - 2 * p2 * w2 * r * e2 * shiftCorr)
                - 2 * p2 * q * kappa * (r * crossN - r * r * e2 * crossQ);
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("ridge theory overflowed (kappa = " + kappa + ", r = " + r + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, kappa, pen.converged(), pen.iterations(), pen.residual());
    }

    /**
     * The prior estimator ŵ = argmin (1/n1)‖y1 − X1w‖² + λ‖w − w2‖² with any shift moments: ridge on the residual
     * target −Δ, so with κ = κ(λ, n1), g = 1/(1 − df2/n1): E = κ²g·Σᵢ σᵢ(σᵢ+κ)⁻² E Δᵢ² + σ1² df2/(n1 − df2)
     * ({@link PriorRidgeTheory} at the random shift).
     */
    public static TheoryResult prior(Spectrum real, long n1, double sigma1, double lambda, ShiftMoments mom) {
        if (n1 == 0) {
            double c2 = mom.shiftNorm(real.eigenvalues());
            return new TheoryResult(c2, 0, 0, c2, 0, true, 0, 0);
        }
        RidgeTheory.Kappa k = RidgeTheory.solveKappa(real, n1, lambda);
        double kappa = k.kappa();
        int d = real.dimension();
        double df2 = 0;
        double form = 0;
        for (int i = 0; i < d; i++) {
            double s = real.eigenvalue(i);
            double r = 1.0 / (s + kappa);
            df2 += s * s * r * r;
            form += s * r * r * mom.shift()[i];
        }
        double shrink = 1 - df2 / n1;
        if (!(shrink > 0)) {
            throw new TheoryException(
                    "prior-estimator test error diverges (df2/n1 >= 1): lambda = " + lambda + " at d = n1 = " + n1);
        }
        double g = 1 / shrink;
        double zeta = kappa == 0 ? 0 : kappa * kappa * g * form;
        double variance = sigma1 * sigma1 * (df2 / n1) * g;
        return new TheoryResult(zeta + variance, 0, variance, zeta, kappa, k.converged(), k.iterations(), k.residual());
    }
}
