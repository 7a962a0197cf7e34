package org.collapselab.model;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.validation.ParameterException;

/**
 * Ridge estimator ŵ = argmin (1/n)‖Xw − y‖² + λ‖w‖²; λ = 0 gives the minimum-norm least-squares solution.
 * Uses the d×d primal form (XᵀX/n + λI)w = Xᵀy/n when d ≤ n and the n×n kernel form w = Xᵀ(XXᵀ/n + λI)⁻¹y/n when
 * d &gt; n, so it never builds a matrix larger than min(n, d)².
 */
public record RidgeRegression(double lambda) {
    /** Relative eigenvalue cutoff of the pseudo-inverse used when λ = 0 and the Gram matrix is singular. */
    static final double PINV_TOLERANCE = 1e-10;

    public RidgeRegression {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new ParameterException("lambda", lambda, "finite and >= 0");
        }
    }

    /** Fits on design X (n×d) and labels y. */
    public LinearModel fit(Matrix x, double[] y) {
        int n = x.rows();
        int d = x.cols();
        if (y.length != n) {
            throw new IllegalArgumentException("y has " + y.length + " entries but X has " + n + " rows");
        }
        if (d <= n) {
            return fitNormalEquations(DenseOps.gramTransposed(x, 1.0), DenseOps.multiplyVector(x, y, true, 1.0), n);
        }
        Matrix kernel = DenseOps.gram(x, 1.0 / n);
        kernel.addToDiagonal(lambda);
        double[] scaledY = new double[n];
        for (int i = 0; i < n; i++) {
            scaledY[i] = y[i] / n;
        }
        double[] alpha = solveSymmetric(kernel, scaledY);
        return new LinearModel(DenseOps.multiplyVector(x, alpha, true, 1.0));
    }

    /**
     * Fits from the sufficient statistics of n rows: solves (G/n + λI)w = b/n with G = XᵀX and b = Xᵀy (the primal
     * form; for λ = 0 and singular G the minimum-norm solution). G and b are overwritten.
     */
    public LinearModel fitNormalEquations(Matrix gram, double[] xty, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("the normal equations need n >= 1 rows, got " + n);
        }
        double inv = 1.0 / n;
        double[] g = gram.data();
        for (int i = 0; i < g.length; i++) {
            g[i] *= inv;
        }
        for (int i = 0; i < xty.length; i++) {
            xty[i] *= inv;
        }
        gram.addToDiagonal(lambda);
        return new LinearModel(solveSymmetric(gram, xty));
    }

    /**
     * Solves A x = b for symmetric positive semi-definite A, stored full (both triangles): Cholesky, or the
     * pseudo-inverse when A is singular. A is overwritten.
     */
    public static double[] solveSymmetric(Matrix a, double[] b) {
        int n = a.rows();
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = a.get(i, i);
        }
        double[] x = DenseOps.choleskySolveInPlace(a, b);
        if (x != null) {
            return x;
        }
        // The factorisation wrote only the lower triangle: rebuild A from its upper triangle and the saved diagonal.
        double[] data = a.data();
        for (int j = 0; j < n; j++) {
            data[j + j * n] = diag[j];
            for (int i = j + 1; i < n; i++) {
                data[i + j * n] = data[j + i * n];
            }
        }
        return DenseOps.symmetricPseudoSolve(a, b, PINV_TOLERANCE);
    }
}
