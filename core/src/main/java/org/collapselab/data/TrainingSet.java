package org.collapselab.data;

import org.collapselab.linalg.Matrix;

/**
 * A sampled training set: design X (n×d, column-major; the first {@code realRows} rows real, the rest synthetic)
 * and labels y.
 */
public record TrainingSet(Matrix x, double[] y, int realRows, int syntheticRows) {
    public TrainingSet {
        if (x.rows() != y.length || realRows + syntheticRows != y.length) {
            throw new IllegalArgumentException("inconsistent training set: X " + x.rows() + "x" + x.cols() + ", y "
                    + y.length + ", rows " + realRows + "+" + syntheticRows);
        }
    }

    /**
     * The rows scaled so that plain least squares on them minimises the weighted loss Σ_real r² + A·Σ_syn r²: each
     * synthetic row of X and y is multiplied by √A. Returns this set when A = 1.
     */
    public TrainingSet weighted(double syntheticWeight) {
        if (syntheticWeight == 1.0 || syntheticRows == 0) {
            return this;
        }
        double s = Math.sqrt(syntheticWeight);
        Matrix xw = x.copy();
        double[] a = xw.data();
        int n = y.length;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = realRows; i < n; i++) {
                a[j * n + i] *= s;
            }
        }
        double[] yw = y.clone();
        for (int i = realRows; i < n; i++) {
            yw[i] *= s;
        }
        return new TrainingSet(xw, yw, realRows, syntheticRows);
    }

    /** The real rows alone, with the residual target y − X·w0 (for fits shrunk toward w0). */
    public TrainingSet realRowsMinus(double[] w0) {
        int n = y.length;
        int d = x.cols();
        Matrix xr = Matrix.zeros(realRows, d);
        double[] src = x.data();
        double[] dst = xr.data();
        double[] yr = java.util.Arrays.copyOf(y, realRows);
        for (int j = 0; j < d; j++) {
            System.arraycopy(src, j * n, dst, j * realRows, realRows);
            for (int i = 0; i < realRows; i++) {
                yr[i] -= src[j * n + i] * w0[j];
            }
        }
        return new TrainingSet(xr, yr, realRows, 0);
    }
}
