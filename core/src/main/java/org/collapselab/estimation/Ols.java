package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Ordinary least squares with an intercept (rows centred on their own means) and its heteroscedasticity-robust HC2
 * covariance A·[Σ x̃ᵢx̃ᵢᵀ rᵢ²/(1 − hᵢ)]·A, A = (X̃ᵀX̃)⁻¹ (MacKinnon–White 1985; unbiased under homoscedastic noise, and
 * valid without a noise model, which matters for real data whose labels are not a linear function plus Gaussian
 * noise). Needs more rows than d + 1.
 *
 * @param slope the fitted coefficients (no intercept)
 * @param residuals yᵢ − ŷᵢ
 * @param centred the rows centred on their means (X̃)
 * @param inverseGram A = (X̃ᵀX̃)⁻¹
 */
record Ols(double[] slope, double[] residuals, Matrix centred, Matrix inverseGram) {

    /** Fits y on x with an intercept. */
    static Ols fit(Matrix x, double[] y) {
        Matrix xc = Rows.centred(x, Rows.columnMeans(x));
        double[] yc = Rows.centred(y, Rows.mean(y));
        Matrix inv = inverse(DenseOps.gramTransposed(xc, 1.0));
        double[] slope = DenseOps.multiplyVector(inv, DenseOps.multiplyVector(xc, yc, true, 1.0), false, 1.0);
        double[] fitted = DenseOps.multiplyVector(xc, slope, false, 1.0);
        double[] r = new double[y.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = yc[i] - fitted[i];
        }
        return new Ols(slope, r, xc, inv);
    }

    /** Residual variance RSS/(n − d − 1), unbiased under homoscedastic noise. */
    double noiseVariance() {
        return DenseOps.dot(residuals, residuals) / (residuals.length - slope.length - 1);
    }

    /**
     * Standard error of {@link #noiseVariance()} from the spread of the squared residuals, sd(r²)·√n/(n − d − 1):
     * no Gaussian assumption (heavy-tailed or binary labels make it much larger than √(2/(n − d))·σ²).
     */
    double noiseVarianceStdError() {
        int n = residuals.length;
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            squares[i] = residuals[i] * residuals[i];
        }
        return Math.sqrt(Rows.meanAndVariance(squares)[1] * n) / (n - slope.length - 1);
    }

    /** The HC2 covariance of the slope. */
    Matrix hc2Covariance() {
        int n = centred.rows();
        int d = centred.cols();
        Matrix xa = DenseOps.multiply(centred, inverseGram);
        double[] z = centred.data().clone();
        for (int i = 0; i < n; i++) {
            double h = 1.0 / n;
            for (int j = 0; j < d; j++) {
                h += xa.get(i, j) * centred.get(i, j);
            }
            double s = Math.abs(residuals[i]) / Math.sqrt(Math.max(1e-12, 1 - h));
            for (int j = 0; j < d; j++) {
                z[i + j * n] *= s;
            }
        }
        Matrix meat = DenseOps.gramTransposed(new Matrix(n, d, z), 1.0);
        return DenseOps.multiply(DenseOps.multiply(inverseGram, meat), inverseGram);
    }

    /** Inverse of a symmetric positive-definite matrix through its eigendecomposition (pseudo-inverse if singular). */
    static Matrix inverse(Matrix spd) {
        int d = spd.rows();
        Matrix v = spd.copy();
        double[] w = new double[d];
        DenseOps.symmetricEigenInPlace(v, w);
        double max = 0;
        for (double e : w) {
            max = Math.max(max, Math.abs(e));
        }
        Matrix scaled = v.copy();
        for (int j = 0; j < d; j++) {
            double f = w[j] > max * 1e-12 ? 1.0 / w[j] : 0.0;
            for (int i = 0; i < d; i++) {
                scaled.set(i, j, scaled.get(i, j) * f);
            }
        }
        return DenseOps.multiply(scaled, transpose(v));
    }

    static Matrix transpose(Matrix a) {
        Matrix t = Matrix.zeros(a.cols(), a.rows());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }
}
