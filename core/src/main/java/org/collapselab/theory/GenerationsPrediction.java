package org.collapselab.theory;

/**
 * Theory of a retraining loop: the predicted error of every generation 0..K, the loop's stability, and where the
 * prediction holds.
 *
 * @param testErrors predicted E_k = E‖ŵ_k − w1‖²_Σ for k = 0..K (index = generation)
 * @param generationZero the single-step prediction {@link Theory#predict} of generation 0 (its parts and certificate)
 * @param stability contraction factor, verdict and stationary error of the loop
 * @param basis where the numbers hold: "exact" (closed forms), or "deterministic equivalent" (large-size limit),
 *     with the conditions, in one line
 * @param converged the solver certificate of every fixed point used (generation 0 and the loop's own)
 * @param iterations total solver iterations
 * @param residual largest relative residual of the fixed points
 */
public record GenerationsPrediction(
        double[] testErrors,
        TheoryResult generationZero,
        LoopStability stability,
        String basis,
        boolean converged,
        int iterations,
        double residual) {
    /** Number of generations after generation 0. */
    public int count() {
        return testErrors.length - 1;
    }

    /** Predicted error of generation k. */
    public double testError(int k) {
        return testErrors[k];
    }

    /**
     * The last generation as a {@link TheoryResult}: bias and variance are generation 0's clean terms, zeta is
     * everything else (the error the loop and the synthetic data add), so the parts still sum to the test error.
     */
    public TheoryResult last() {
        double e = testErrors[testErrors.length - 1];
        TheoryResult g0 = generationZero;
        return new TheoryResult(
                e,
                g0.bias(),
                g0.variance(),
                e - g0.bias() - g0.variance(),
                g0.effectiveRegularization(),
                converged,
                iterations,
                residual);
    }
}
