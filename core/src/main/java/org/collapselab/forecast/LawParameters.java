package org.collapselab.forecast;

import org.collapselab.validation.ParameterException;

/**
 * A fitted collapse law: E(n, p2, A) = floor + scale·bias + noise·variance + gap·synthetic, the terms from
 * {@link CollapseLaw#terms} at the {@link LawShape}. The four coefficients are in the units of the user's error.
 *
 * <ul>
 *   <li>{@code floor} E_floor ≥ 0: an additive error no amount of data removes (Bayes error of 0–1 loss, the entropy
 *       of text under cross-entropy, label noise of a held-out set; 0 for excess risk).</li>
 *   <li>{@code scale} S ≥ 0: the learnable signal, the error of a model that has learned nothing beyond the floor.</li>
 *   <li>{@code noise} σ²_eff ≥ 0: label noise the learner fits, whose variance falls as n grows.</li>
 *   <li>{@code gap} c²_eff ≥ 0: ‖Δ‖² between the synthetic labeller and the truth as the learner sees it; with
 *       A = 1 the error at n → ∞ tends to floor + p2²·gap once every direction is learned (strong collapse).</li>
 * </ul>
 *
 * @param floor E_floor
 * @param scale S
 * @param noise σ²_eff
 * @param gap c²_eff
 * @param shape the nonlinear parameters
 */
public record LawParameters(double floor, double scale, double noise, double gap, LawShape shape) {
    public LawParameters {
        nonNegative("floor", floor);
        nonNegative("scale", scale);
        nonNegative("noise", noise);
        nonNegative("gap", gap);
        if (shape == null) {
            throw new ParameterException("shape", null, "a law shape");
        }
    }

    /** The coefficients as a vector (floor, scale, noise, gap). */
    public double[] coefficients() {
        return new double[] {floor, scale, noise, gap};
    }

    /** floor + scale·bias + noise·variance + gap·synthetic. */
    public double combine(LawTerms t) {
        return floor + scale * t.bias() + noise * t.variance() + gap * t.synthetic();
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new ParameterException(field, v, "a finite number >= 0");
        }
    }
}
