package org.collapselab.estimation;

import java.util.SplittableRandom;
import org.collapselab.linalg.Matrix;

/** Row selection, centring, shuffling and moment helpers for the column-major {@link Matrix}. */
public final class Rows {
    private Rows() {}

    /** The given rows of x as a new matrix. */
    public static Matrix select(Matrix x, int[] rows) {
        int n = rows.length;
        int d = x.cols();
        double[] src = x.data();
        double[] out = new double[n * d];
        int ld = x.rows();
        for (int j = 0; j < d; j++) {
            int off = j * ld;
            int dst = j * n;
            for (int i = 0; i < n; i++) {
                out[dst + i] = src[off + rows[i]];
            }
        }
        return new Matrix(n, d, out);
    }

    /** The given entries of y. */
    public static double[] select(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    /** Column means of x. */
    static double[] columnMeans(Matrix x) {
        int n = x.rows();
        double[] m = new double[x.cols()];
        double[] a = x.data();
        for (int j = 0; j < m.length; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i + j * n];
            }
            m[j] = n == 0 ? 0 : s / n;
        }
        return m;
    }

    /** Mean of y. */
    static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return y.length == 0 ? 0 : s / y.length;
    }

    /** x − 1·meanᵀ as a new matrix. */
    static Matrix centred(Matrix x, double[] mean) {
        int n = x.rows();
        double[] a = x.data().clone();
        for (int j = 0; j < mean.length; j++) {
            for (int i = 0; i < n; i++) {
                a[i + j * n] -= mean[j];
            }
        }
        return new Matrix(n, x.cols(), a);
    }

    /** y − mean as a new array. */
    static double[] centred(double[] y, double mean) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean;
        }
        return out;
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates from the last position down). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {mean, unbiased variance} of the values (variance 0 for fewer than two). */
    static double[] meanAndVariance(double[] v) {
        int n = v.length;
        double mean = mean(v);
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        return new double[] {mean, n < 2 ? 0 : var / (n - 1)};
    }

    /** Entries [from, to) of p. */
    static int[] slice(int[] p, int from, int to) {
        return java.util.Arrays.copyOfRange(p, from, to);
    }
}
