package org.collapselab.nn.image.diagnose.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RidgeRegression;

/**
 * Outside generators of synthetic rows for the bench, written without knowledge of {@code diagnose}'s model: labelers
 * trained on a pool of real rows (k nearest neighbours, a Gaussian-kernel Nadaraya–Watson smoother, a weak random-
 * feature network) and feature samplers (a Gaussian copula of the pool, a covariate-shifted resample).
 */
final class Generators {
    private Generators() {}

    /** Labels rows x. */
    interface Labeler {
        double[] label(Matrix x);
    }

    /** Pool columns' mean and deviation, for distances. */
    private static double[][] scale(Matrix pool) {
        int n = pool.rows();
        int d = pool.cols();
        double[][] ms = new double[2][d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            double q = 0;
            for (int i = 0; i < n; i++) {
                s += pool.get(i, j);
                q += pool.get(i, j) * pool.get(i, j);
            }
            ms[0][j] = s / n;
            ms[1][j] = Math.sqrt(Math.max(q / n - ms[0][j] * ms[0][j], 1e-12));
        }
        return ms;
    }

    private static double[][] distances(Matrix pool, Matrix x) {
        double[][] ms = scale(pool);
        int n = pool.rows();
        int m = x.rows();
        int d = pool.cols();
        double[][] dist = new double[m][n];
        for (int j = 0; j < d; j++) {
            double mu = ms[0][j];
            double sd = ms[1][j];
            for (int a = 0; a < m; a++) {
                double xa = (x.get(a, j) - mu) / sd;
                double[] row = dist[a];
                for (int b = 0; b < n; b++) {
                    double t = xa - (pool.get(b, j) - mu) / sd;
                    row[b] += t * t;
                }
            }
        }
        return dist;
    }

    /** Mean label of the k nearest pool rows (standardised Euclidean distance). */
    static Labeler knn(Matrix pool, double[] y, int k) {
        return x -> {
            double[][] dist = distances(pool, x);
            double[] out = new double[x.rows()];
            for (int a = 0; a < out.length; a++) {
                double[] row = dist[a];
                Integer[] idx = new Integer[row.length];
                for (int b = 0; b < idx.length; b++) {
                    idx[b] = b;
                }
                Arrays.sort(idx, (p, q) -> Double.compare(row[p], row[q]));
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += y[idx[b]];
                }
                out[a] = s / k;
            }
            return out;
        };
    }

    /** Nadaraya–Watson with a Gaussian kernel whose bandwidth² is {@code width} times the median squared distance. */
    static Labeler rbf(Matrix pool, double[] y, double width) {
        return x -> {
            double[][] dist = distances(pool, x);
            double[] all =
                    Arrays.stream(dist).flatMapToDouble(Arrays::stream).sorted().toArray();
            double h2 = width * all[all.length / 2];
            double[] out = new double[x.rows()];
            for (int a = 0; a < out.length; a++) {
                double min = Arrays.stream(dist[a]).min().orElse(0);
                double s = 0;
                double ws = 0;
                for (int b = 0; b < y.length; b++) {
                    double w = Math.exp(-(dist[a][b] - min) / h2);
                    s += w * y[b];
                    ws += w;
                }
                out[a] = s / ws;
            }
            return out;
        };
    }

    /** A weak network: {@code width} random ReLU units on standardised inputs, output layer by ridge on the pool. */
    static Labeler weakNet(Matrix pool, double[] y, int width, double ridge, long seed) {
        double[][] ms = scale(pool);
        int d = pool.cols();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[d * width];
        double[] b = new double[width];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() / Math.sqrt(d);
        }
        for (int i = 0; i < width; i++) {
            b[i] = rng.nextGaussian() * 0.5;
        }
        java.util.function.Function<Matrix, Matrix> features = x -> {
            int n = x.rows();
            double[] z = new double[n * d];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    z[i + j * n] = (x.get(i, j) - ms[0][j]) / ms[1][j];
                }
            }
            Matrix h = DenseOps.multiply(new Matrix(n, d, z), new Matrix(d, width, w));
            double[] hd = Arrays.copyOf(h.data(), n * (width + 1));
            for (int k = 0; k < width; k++) {
                for (int i = 0; i < n; i++) {
                    hd[i + k * n] = Math.max(0, hd[i + k * n] + b[k]);
                }
            }
            Arrays.fill(hd, n * width, n * (width + 1), 1.0);
            return new Matrix(n, width + 1, hd);
        };
        Matrix h = features.apply(pool);
        Matrix g = DenseOps.gramTransposed(h, 1.0);
        g.addToDiagonal(ridge * pool.rows());
        double[] beta = RidgeRegression.solveSymmetric(g, DenseOps.multiplyVector(h, y, true, 1.0));
        return x -> DenseOps.multiplyVector(features.apply(x), beta, false, 1.0);
    }

    /**
     * m rows from a Gaussian copula of the pool: normal scores of each column's ranks, their correlation, new normal
     * draws mapped back through each column's empirical quantiles. {@code shift} moves the normal draws of column
     * {@code shiftColumn} by that many standard deviations (covariate shift).
     */
    static Matrix copula(Matrix pool, int m, long seed, int shiftColumn, double shift) {
        int n = pool.rows();
        int d = pool.cols();
        double[] z = new double[n * d];
        double[][] sorted = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = pool.get(i, j);
            }
            sorted[j] = col.clone();
            Arrays.sort(sorted[j]);
            for (int i = 0; i < n; i++) {
                int rank = Arrays.binarySearch(sorted[j], col[i]);
                z[i + j * n] = normalQuantile((rank + 0.5) / n);
            }
        }
        Matrix c = DenseOps.gramTransposed(new Matrix(n, d, z), 1.0 / n);
        c.addToDiagonal(1e-6);
        Matrix l = c.copy();
        double[] e = new double[d];
        DenseOps.symmetricEigenInPlace(l, e);
        for (int k = 0; k < d; k++) {
            double f = Math.sqrt(Math.max(e[k], 0));
            for (int j = 0; j < d; j++) {
                l.set(j, k, l.get(j, k) * f);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] g = new double[m * d];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextGaussian();
        }
        Matrix draws = DenseOps.multiply(new Matrix(m, d, g), transpose(l));
        double[] out = new double[m * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < m; i++) {
                double v = draws.get(i, j) + (j == shiftColumn ? shift : 0);
                double u = 0.5 * erfc(-v / Math.sqrt(2));
                int idx = (int) Math.min(n - 1, Math.max(0, Math.floor(u * n)));
                out[i + j * m] = sorted[j][idx];
            }
        }
        return new Matrix(m, d, out);
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

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Standard normal quantile by bisection on {@link #erfc} (the bench needs only a few thousand). */
    static double normalQuantile(double p) {
        double lo = -9;
        double hi = 9;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (0.5 * erfc(-mid / Math.sqrt(2)) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
