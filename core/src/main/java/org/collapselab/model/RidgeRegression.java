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
      Matrix gram = DenseOps.gramTransposed(x, 1.0 / n);
      gram.addToDiagonal(lambda);
      double[] rhs = DenseOps.multiplyVector(x, y, true, 1.0 / n);
      return new LinearModel(solveSymmetric(gram, rhs));
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

  /** Solves A x = b for symmetric positive semi-definite A: Cholesky, or the pseudo-inverse when A is singular. */
  public static double[] solveSymmetric(Matrix a, double[] b) {
    Matrix backup = a.copy();
    double[] x = DenseOps.choleskySolveInPlace(a, b);
    return x != null ? x : DenseOps.symmetricPseudoSolve(backup, b, PINV_TOLERANCE);
  }
}
