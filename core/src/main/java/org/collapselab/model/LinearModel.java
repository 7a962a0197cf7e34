package org.collapselab.model;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/** A fitted linear predictor f(x) = xᵀw in the original feature space (for random projections w = S·v̂). */
public record LinearModel(double[] weights) {
    /** Predictions X·w for the rows of X. */
    public double[] predict(Matrix x) {
        return DenseOps.multiplyVector(x, weights, false, 1.0);
    }
}
