package org.collapselab.theory;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * {@code accumulate} for minimum-norm least squares (λ = 0) with no fresh real data (r = 0), any spectrum: exact.
 * λ &gt; 0 or r &gt; 0 go to the approximations of {@link AccumulateApproximation}.
 *
 * <p>Let A_k = Σ_{j≤k} X_jᵀX_j over the (k+1)n pooled rows. Min-norm least squares satisfies the normal equations,
 * so Σ_{j&lt;k} X_jᵀy_j = A_{k−1}ŵ_{k−1}, and the new rows are labelled X_kŵ_{k−1} + σε_k; hence
 * ŵ_k = A_k⁺A_kŵ_{k−1} + A_k⁺X_kᵀσε_k = ŵ_{k−1} + A_k⁺X_kᵀσε_k (ŵ_{k−1} lies in the row space of the earlier
 * blocks). The increments are uncorrelated with everything before, and by exchangeability of the k+1 blocks
 * E‖A_k⁺X_kᵀε_k‖²_Σ = E tr(ΣA_k⁺)/(k+1). So E_k = E_0 + σ² Σ_{i=2..k+1} V(i·n)/i with V(N) = E tr ΣA⁺ over N rows:
 * d/(N − d − 1) exactly for N &gt; d + 1 (inverse Wishart), df2/(N − df2) (the ridgeless deterministic equivalent)
 * for N &lt; d; N ∈ {d, d+1} has an infinite expectation and is rejected (Gerstgrasser et al., Is Model Collapse Inevitable?, 2024).
 */
final class AccumulateTheory {
    /** Terms summed exactly for the limit E∞ before the integral tail. */
    private static final int LIMIT_TERMS = 1000;

    private AccumulateTheory() {}

    static GenerationsPrediction predict(Problem problem, TheoryResult g0) {
        if (problem.lambda() > 0) {
            return AccumulateApproximation.ridge(problem, g0);
        }
        if (GenerationsTheory.loopSyntheticShare(problem) != 1.0) {
            return AccumulateApproximation.ols(problem, g0);
        }
        Spectrum spectrum = problem.spectrum();
        long n = problem.n();
        double sigma2 = problem.sigma() * problem.sigma();
        int count = problem.generations().count();
        double[] errors = new double[count + 1];
        errors[0] = g0.testError();
        int iterations = g0.iterations();
        double residual = g0.residual();
        boolean converged = g0.converged();
        for (int i = 2; i <= count + 1; i++) {
            Noise v = noiseMoment(spectrum, i * n);
            iterations += v.iterations();
            residual = Math.max(residual, v.residual());
            converged &= v.converged();
            errors[i - 1] = errors[i - 2] + sigma2 * v.value() / i;
        }
        GenerationsTheory.requireFinite(errors);
        double limit = errors[0] + sigma2 * incrementSum(spectrum, n, count);
        LoopStability st = new LoopStability(
                LoopStability.Status.BOUNDED,
                Double.NaN,
                limit,
                "bounded: increments shrink like 1/k^2; E_inf = E_0 + sigma^2 * sum_i V(i n)/i (E_0, with its "
                        + "strong-collapse part, is never removed)");
        return new GenerationsPrediction(
                errors,
                g0,
                st,
                "exact (accumulate, lambda = 0, fresh-real 0; inverse-Wishart moment where (k+1)n > d+1, deterministic "
                        + "equivalent below)",
                converged,
                iterations,
                residual);
    }

    /** V(N) = E tr ΣA⁺ with its certificate. */
    record Noise(double value, int iterations, double residual, boolean converged) {}

    static Noise noiseMoment(Spectrum spectrum, long rows) {
        int d = spectrum.dimension();
        if (rows > d + 1L) {
            return new Noise(d / (rows - d - 1.0), 0, 0, true);
        }
        if (rows == d + 1L) {
            throw new TheoryException(
                    "least squares on (k+1)n = d+1 = " + rows + " pooled rows has an infinite expected "
                            + "error (inverse Wishart); choose n so that no generation pools exactly d or d+1 rows");
        }
        RidgeTheory.Kappa k = RidgeTheory.solveKappa(spectrum, rows, 0);
        return new Noise(
                AccumulateApproximation.ridgeNoise(spectrum, rows, k.kappa()),
                k.iterations(),
                k.residual(),
                k.converged());
    }

    /**
     * Σ_{i≥2} V(i·n)/i: exact terms up to max(K+1, 1000), then the tail of d/(i(in − d − 1)) = (d/n)/(i(i − c)),
     * c = (d+1)/n, as the midpoint integral (1/c)·ln((I+½)/(I+½−c)) (relative error O(I⁻²)).
     */
    private static double incrementSum(Spectrum spectrum, long n, int count) {
        int last = Math.max(count + 1, LIMIT_TERMS);
        double sum = 0;
        for (int i = 2; i <= last; i++) {
            sum += noiseMoment(spectrum, i * n).value() / i;
        }
        int d = spectrum.dimension();
        double c = (d + 1.0) / n;
        double x = last + 0.5;
        sum += (d / (double) n) * (c == 0 ? 1 / x : Math.log(x / (x - c)) / c);
        return sum;
    }
}
