package org.collapselab.classification;

/**
 * The deterministic-equivalent prediction of a classifier's real-test 0–1 error, with the solver's certificate.
 * For a fitted ŵ the error is exactly Φ(−μᵀŵ/‖ŵ‖_Σ); the theory gives the deterministic equivalents m of μᵀŵ and q
 * of ‖ŵ‖²_Σ and averages Φ(−m/√q) over the random direction of μ.
 *
 * @param testError predicted mean real-test 0–1 error (over data, labels, flips, verifier and μ's direction)
 * @param bayesError Φ(−√M), the error of the Bayes rule
 * @param overlap m, the deterministic equivalent of μᵀŵ at the mean direction profile
 * @param normSquared q, the deterministic equivalent of ‖ŵ‖²_Σ at the mean direction profile
 * @param directionCorrection the part of testError due to μ's random direction: testError − Φ(−m/√q) (0 for Σ ∝ I)
 * @param effectiveRegularization κ = 2λ/V̂, the ridge of the equivalent (Σ + κ)⁻¹ (0 for ridgeless square loss below
 *     the interpolation threshold)
 * @param converged true when every fixed point met its tolerance
 * @param iterations total solver iterations (channel evaluations for the logistic loss)
 * @param residual largest relative residual of the fixed-point equations at the returned solution
 */
public record ClassificationResult(
        double testError,
        double bayesError,
        double overlap,
        double normSquared,
        double directionCorrection,
        double effectiveRegularization,
        boolean converged,
        int iterations,
        double residual) {

    /** The error of the zero classifier (no weighted row, or M = 0 with ŵ = 0): ½. */
    static ClassificationResult chance(double bayesError) {
        return new ClassificationResult(0.5, bayesError, 0, 0, 0, Double.POSITIVE_INFINITY, true, 0, 0);
    }

    /** Φ(−m/√q) for one (m, q); ½ when q = 0 (ŵ = 0). */
    static double error(double m, double q) {
        return q > 0 ? Gaussian.cdf(-m / Math.sqrt(q)) : 0.5;
    }
}
