package org.collapselab.forecast;

/**
 * The collapse law's three shapes at one training mix, each for a unit coefficient, with the solver certificate:
 * the predicted error is {@code floor + scale·bias + noise·variance + gap·synthetic} ({@link LawParameters}).
 *
 * @param bias clean bias for a teacher of unit signal (E‖w1‖²_Σ = 1)
 * @param variance clean variance for unit label-noise variance
 * @param synthetic the synthetic-data term ζ for a unit gap (‖Δ‖²_Σ = 1)
 * @param kappa effective regularisation κ (relative to the top eigenvalue)
 * @param ratio r = effective relative weight of a synthetic row (1 when A = 1)
 * @param converged the fixed point met its tolerance
 * @param iterations solver iterations
 * @param residual relative residual of the fixed-point equation at the returned solution
 */
public record LawTerms(
        double bias,
        double variance,
        double synthetic,
        double kappa,
        double ratio,
        boolean converged,
        int iterations,
        double residual) {}
