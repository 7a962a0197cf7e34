package org.collapselab.model;

import java.util.random.RandomGenerator;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * The paper's model of a width-m network: features z = Sᵀx with S ∈ R^{d×m} fixed, ridge on z with the same
 * normalisation as {@link RidgeRegression}, predictor xᵀS·v̂. Uses the m×m form when m ≤ n and the n×n kernel form
 * when m &gt; n.
 *
 * @param projection S (d×m)
 * @param lambda ridge penalty on v
 */
public record RandomProjectionRidge(Matrix projection, double lambda) {
    /** Draws S with iid N(0, 1/d) entries. */
    public static Matrix sampleProjection(int d, int m, RandomGenerator rng) {
        Matrix s = Matrix.zeros(d, m);
        double[] a = s.data();
        double scale = 1.0 / Math.sqrt(d);
        for (int i = 0; i < a.length; i++) {
            a[i] = scale * rng.nextGaussian();
        }
        return s;
    }

    /**
     * The best width-m representation of a teacher w under the covariance Σ = diag(eigenvalues): Pw with
     * P = SF⁺SᵀΣ, F = SᵀΣS (the Σ-orthogonal projection onto range(S); the population least-squares fit of xᵀw by
     * zᵀv is v = F⁺SᵀΣw and Sv = Pw). For m ≥ d (S of full row rank) P = I and w itself is returned.
     */
    public static double[] projectTeacher(Matrix s, double[] eigenvalues, double[] w) {
        int d = s.rows();
        if (s.cols() >= d) {
            return w.clone();
        }
        double[] sw = new double[d];
        for (int i = 0; i < d; i++) {
            sw[i] = eigenvalues[i] * w[i];
        }
        Matrix scaled = Matrix.zeros(d, s.cols()); // Σ^{1/2}S
        double[] a = s.data();
        double[] b = scaled.data();
        for (int j = 0; j < s.cols(); j++) {
            for (int i = 0; i < d; i++) {
                b[i + j * d] = Math.sqrt(eigenvalues[i]) * a[i + j * d];
            }
        }
        double[] v = RidgeRegression.solveSymmetric(
                DenseOps.gramTransposed(scaled, 1.0), DenseOps.multiplyVector(s, sw, true, 1.0));
        return DenseOps.multiplyVector(s, v, false, 1.0);
    }

    /** Fits v̂ on Z = XS and returns the predictor in x-space, w = S·v̂. */
    public LinearModel fit(Matrix x, double[] y) {
        if (x.cols() != projection.rows()) {
            throw new IllegalArgumentException(
                    "X has " + x.cols() + " columns but S has " + projection.rows() + " rows");
        }
        Matrix z = DenseOps.multiply(x, projection);
        LinearModel inFeatureSpace = new RidgeRegression(lambda).fit(z, y);
        return new LinearModel(DenseOps.multiplyVector(projection, inFeatureSpace.weights(), false, 1.0));
    }
}
