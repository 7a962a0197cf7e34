package org.collapselab.theory;

/**
 * The deterministic-equivalent prediction of the test error E = ‖ŵ − w1‖²_Σ and its parts, with the fixed-point
 * solver's certificate. E = bias + variance + zeta, where bias and variance are the clean-data terms and zeta ≥ 0
 * is the extra error caused by the synthetic data (the paper's ζ).
 *
 * @param testError predicted E (expectation over data, noise, teacher, Δ and S)
 * @param bias clean bias
 * @param variance clean variance (label noise σ²)
 * @param zeta synthetic-data term ζ
 * @param effectiveRegularization the effective regularisation solving the main fixed point: κ for ridge, the
 *     input-space θ for random projections
 * @param converged true when every fixed point met its tolerance
 * @param iterations total solver iterations
 * @param residual largest relative residual of the fixed-point equations at the returned solution
 */
public record TheoryResult(
        double testError,
        double bias,
        double variance,
        double zeta,
        double effectiveRegularization,
        boolean converged,
        int iterations,
        double residual) {}
