package org.collapselab.linalg;

import java.util.Arrays;

/**
 * A dense column-major matrix of doubles, the storage layout BLAS and LAPACK expect.
 * The array is exposed on purpose: kernels in {@link DenseOps} operate on it in place.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** Wraps {@code data} (column-major, length rows·cols) without copying. */
    public Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " does not match " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The column-major backing array (not a copy). */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i + j * rows];
    }

    public void set(int i, int j, double v) {
        data[i + j * rows] = v;
    }

    /** Adds {@code v} to every diagonal entry (square matrices). */
    public void addToDiagonal(double v) {
        int k = Math.min(rows, cols);
        for (int i = 0; i < k; i++) {
            data[i + i * rows] += v;
        }
    }

    /** Deep copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, Arrays.copyOf(data, data.length));
    }
}
