package org.collapselab.forecast;

import org.collapselab.validation.ParameterException;

/**
 * The nonlinear ("shape") parameters of the collapse law: the effective problem a learner behaves like.
 *
 * <ul>
 *   <li>{@code dimension} d_eff: the number of directions the learner can eventually fit (covariance eigenvalues
 *       s_i ∝ i^−α, i = 1..d, a real number: the last direction counts fractionally). For a network: how many
 *       independent features of the input the data can teach it; once n ≫ d_eff every direction is learned and the
 *       synthetic gap is learned too (the collapse floor p2²c² is reached).</li>
 *   <li>{@code exponent} α ≥ 0: the spectrum's power-law decay; 0 is isotropic. Sets how fast the clean error falls
 *       with n (for ridgeless fits with d → ∞, bias ~ n^−(α−1)).</li>
 *   <li>{@code lambda} λ_eff ≥ 0: ridge penalty relative to the largest eigenvalue (the law normalises s_1 = 1):
 *       for a network, the implicit regularisation of early stopping, weight decay and finite training.</li>
 *   <li>{@code shiftExponent} γ: how the synthetic gap is spread over the eigen-directions, energy per direction
 *       ∝ s_i^γ. γ = 0 is the paper's E ΔΔᵀ = (c²/d)Σ⁻¹ (equal energy per direction, as in the core's theory);
 *       γ = 1 puts it where the signal is (a generator that errs like the target itself); larger γ concentrates
 *       it on the top directions, which are learned first.</li>
 * </ul>
 *
 * @param dimension d_eff in [1, 1e9]
 * @param exponent α in [0, 4]
 * @param lambda λ_eff in [0, 1e3]
 * @param shiftExponent γ in [−2, 4]
 */
public record LawShape(double dimension, double exponent, double lambda, double shiftExponent) {
    /** Largest effective dimension (effectively infinite for α &gt; 1). */
    public static final double MAX_DIMENSION = 1e9;

    public LawShape {
        check("dimension", dimension, 1, MAX_DIMENSION);
        check("exponent", exponent, 0, 4);
        check("lambda", lambda, 0, 1e3);
        check("shiftExponent", shiftExponent, -2, 4);
    }

    private static void check(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new ParameterException(field, v, "in [" + lo + ", " + hi + "]");
        }
    }
}
