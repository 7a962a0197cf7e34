package org.collapselab.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The handful of dense kernels the models need, each one BLAS/LAPACK call (EJML-style small explicit operations).
 * All matrices are column-major {@link Matrix} values; results are new arrays unless stated.
 */
public final class DenseOps {
    private DenseOps() {}

    /** Returns {@code alpha·AᵀA} (cols×cols, full symmetric) via dsyrk. */
    public static Matrix gramTransposed(Matrix a, double alpha) {
        int n = a.rows();
        int k = a.cols();
        Matrix g = Matrix.zeros(k, k);
        Blas.blas().dsyrk("L", "T", k, n, alpha, a.data(), Math.max(1, n), 0.0, g.data(), Math.max(1, k));
        symmetrizeFromLower(g);
        return g;
    }

    /** Returns {@code alpha·AAᵀ} (rows×rows, full symmetric) via dsyrk. */
    public static Matrix gram(Matrix a, double alpha) {
        int n = a.rows();
        int k = a.cols();
        Matrix g = Matrix.zeros(n, n);
        Blas.blas().dsyrk("L", "N", n, k, alpha, a.data(), Math.max(1, n), 0.0, g.data(), Math.max(1, n));
        symmetrizeFromLower(g);
        return g;
    }

    /** Returns {@code A·B} via dgemm. */
    public static Matrix multiply(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException(
                    "shape mismatch " + a.rows() + "x" + a.cols() + " * " + b.rows() + "x" + b.cols());
        }
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        if (a.rows() == 0 || b.cols() == 0) {
            return c;
        }
        Blas.blas()
                .dgemm(
                        "N",
                        "N",
                        a.rows(),
                        b.cols(),
                        a.cols(),
                        1.0,
                        a.data(),
                        Math.max(1, a.rows()),
                        b.data(),
                        Math.max(1, b.rows()),
                        0.0,
                        c.data(),
                        Math.max(1, a.rows()));
        return c;
    }

    /** Returns {@code alpha·A·x} (transpose=false) or {@code alpha·Aᵀ·x} (transpose=true) via dgemv. */
    public static double[] multiplyVector(Matrix a, double[] x, boolean transpose, double alpha) {
        int outLen = transpose ? a.cols() : a.rows();
        double[] y = new double[outLen];
        if (a.rows() == 0 || a.cols() == 0) {
            return y;
        }
        Blas.blas()
                .dgemv(
                        transpose ? "T" : "N",
                        a.rows(),
                        a.cols(),
                        alpha,
                        a.data(),
                        Math.max(1, a.rows()),
                        x,
                        1,
                        0.0,
                        y,
                        1);
        return y;
    }

    /**
     * Solves {@code A x = b} for symmetric positive-definite A by Cholesky (dpotrf + dpotrs).
     * A's lower triangle is overwritten by its factor (the strict upper triangle is not touched). Returns null when A is not numerically positive definite,
     * so callers can fall back to {@link #symmetricPseudoSolve}.
     */
    public static double[] choleskySolveInPlace(Matrix a, double[] b) {
        int n = a.rows();
        LAPACK lapack = Blas.lapack();
        intW info = new intW(0);
        lapack.dpotrf("L", n, a.data(), Math.max(1, n), info);
        if (info.val != 0) {
            return null;
        }
        // Reject factors whose condition is so poor that the solve would be meaningless.
        double maxDiag = 0;
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = Math.abs(a.get(i, i));
            maxDiag = Math.max(maxDiag, v);
            minDiag = Math.min(minDiag, v);
        }
        if (n > 0 && minDiag <= maxDiag * 1e-7) {
            return null;
        }
        double[] x = b.clone();
        lapack.dpotrs("L", n, 1, a.data(), Math.max(1, n), x, Math.max(1, n), info);
        if (info.val != 0) {
            return null;
        }
        return x;
    }

    /**
     * Minimum-norm solution of {@code A x = b} for symmetric positive semi-definite A, through its
     * eigendecomposition (dsyevd), discarding eigenvalues below {@code relTol·max eigenvalue}. A is overwritten.
     */
    public static double[] symmetricPseudoSolve(Matrix a, double[] b, double relTol) {
        int n = a.rows();
        double[] w = new double[n];
        symmetricEigenInPlace(a, w);
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        double cutoff = max * relTol;
        // x = V diag(1/w) Vᵀ b on the kept eigenvalues.
        double[] vtb = multiplyVector(a, b, true, 1.0);
        for (int i = 0; i < n; i++) {
            vtb[i] = w[i] > cutoff ? vtb[i] / w[i] : 0.0;
        }
        return multiplyVector(a, vtb, false, 1.0);
    }

    /** Eigen-decomposes symmetric A in place: on return A holds the eigenvectors (columns), w the eigenvalues ascending. */
    public static void symmetricEigenInPlace(Matrix a, double[] w) {
        int n = a.rows();
        LAPACK lapack = Blas.lapack();
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        lapack.dsyevd("V", "L", n, a.data(), Math.max(1, n), w, work, -1, iwork, -1, info);
        work = new double[(int) work[0]];
        iwork = new int[iwork[0]];
        lapack.dsyevd("V", "L", n, a.data(), Math.max(1, n), w, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("dsyevd failed to converge (info=" + info.val + ")");
        }
    }

    /** Returns {@code TᵀT} (full symmetric) for lower-triangular T via dlauum (d³/3 flops); T is not changed. */
    public static Matrix lowerGramTransposed(Matrix t) {
        int n = t.rows();
        Matrix g = t.copy();
        intW info = new intW(0);
        Blas.lapack().dlauum("L", n, g.data(), Math.max(1, n), info);
        if (info.val != 0) {
            throw new ArithmeticException("dlauum failed (info=" + info.val + ")");
        }
        symmetrizeFromLower(g);
        return g;
    }

    /** Overwrites x with {@code L·x} (transpose=false) or {@code Lᵀ·x} (transpose=true), L lower-triangular (dtrmv). */
    public static void lowerTimesVectorInPlace(Matrix l, boolean transpose, double[] x) {
        int n = l.rows();
        if (n > 0) {
            Blas.blas().dtrmv("L", transpose ? "T" : "N", "N", n, l.data(), Math.max(1, n), x, 1);
        }
    }

    /**
     * Overwrites B with {@code op(L)·B} (left=true) or {@code B·op(L)} (left=false), L lower-triangular,
     * op(L) = Lᵀ when transpose (dtrmm).
     */
    public static void lowerTimesMatrixInPlace(Matrix l, boolean left, boolean transpose, Matrix b) {
        if (b.rows() == 0 || b.cols() == 0) {
            return;
        }
        Blas.blas()
                .dtrmm(
                        left ? "L" : "R",
                        "L",
                        transpose ? "T" : "N",
                        "N",
                        b.rows(),
                        b.cols(),
                        1.0,
                        l.data(),
                        Math.max(1, l.rows()),
                        b.data(),
                        Math.max(1, b.rows()));
    }

    /** Returns {@code Aᵀ·B} via dgemm. */
    public static Matrix multiplyTransposedLeft(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException(
                    "shape mismatch " + a.rows() + "x" + a.cols() + "ᵀ * " + b.rows() + "x" + b.cols());
        }
        Matrix c = Matrix.zeros(a.cols(), b.cols());
        if (a.cols() == 0 || b.cols() == 0) {
            return c;
        }
        Blas.blas()
                .dgemm(
                        "T",
                        "N",
                        a.cols(),
                        b.cols(),
                        a.rows(),
                        1.0,
                        a.data(),
                        Math.max(1, a.rows()),
                        b.data(),
                        Math.max(1, b.rows()),
                        0.0,
                        c.data(),
                        Math.max(1, a.cols()));
        return c;
    }

    /** {@code y += alpha·x} (daxpy). */
    public static void addScaled(double[] y, double alpha, double[] x) {
        Blas.blas().daxpy(x.length, alpha, x, 1, y, 1);
    }

    /** Dot product. */
    public static double dot(double[] x, double[] y) {
        return Blas.blas().ddot(x.length, x, 1, y, 1);
    }

    private static void symmetrizeFromLower(Matrix g) {
        int n = g.rows();
        double[] d = g.data();
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                d[j + i * n] = d[i + j * n];
            }
        }
    }
}
