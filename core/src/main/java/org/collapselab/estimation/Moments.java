package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Sufficient statistics of a block of rows for least squares: XᵀX, Xᵀy, yᵀy and the row count. Weighted ridge fits
 * and squared errors of any linear predictor on the block follow from them in O(d²)–O(d³), so cross-validation over
 * many recipes never revisits the rows.
 *
 * @param count number of rows
 * @param gram XᵀX (d×d)
 * @param xty Xᵀy
 * @param yty yᵀy
 */
public record Moments(long count, Matrix gram, double[] xty, double yty) {

    /** Statistics of the given rows of (x, y). */
    public static Moments ofRows(Matrix x, double[] y, int[] rows) {
        return of(Rows.select(x, rows), Rows.select(y, rows));
    }

    /** Statistics of rows [from, to) of (x, y). */
    public static Moments ofRange(Matrix x, double[] y, int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return ofRows(x, y, rows);
    }

    /** Statistics of all rows of (x, y). */
    public static Moments of(Matrix x, double[] y) {
        return new Moments(
                x.rows(),
                DenseOps.gramTransposed(x, 1.0),
                DenseOps.multiplyVector(x, y, true, 1.0),
                y.length == 0 ? 0 : DenseOps.dot(y, y));
    }

    /** No rows, dimension d. */
    public static Moments empty(int d) {
        return new Moments(0, Matrix.zeros(d, d), new double[d], 0);
    }

    /** Dimension d. */
    public int dimension() {
        return xty.length;
    }

    /** this + weight·other (rows of {@code other} scaled by √weight); the count adds the unweighted rows. */
    public Moments plus(Moments other, double weight) {
        double[] g = gram.data().clone();
        double[] og = other.gram.data();
        for (int i = 0; i < g.length; i++) {
            g[i] += weight * og[i];
        }
        double[] b = xty.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += weight * other.xty[i];
        }
        return new Moments(count + other.count, new Matrix(gram.rows(), gram.cols(), g), b, yty + weight * other.yty);
    }

    /** this − other (other must be a subset of this block's rows). */
    public Moments minus(Moments other) {
        Moments r = plus(other, -1.0);
        return new Moments(count - other.count, r.gram, r.xty, r.yty);
    }

    /** Mean squared error (1/count)Σ(y − xᵀw)² of w on this block. */
    public double meanSquaredError(double[] w) {
        double[] gw = DenseOps.multiplyVector(gram, w, false, 1.0);
        return (yty - 2 * DenseOps.dot(w, xty) + DenseOps.dot(w, gw)) / count;
    }
}
