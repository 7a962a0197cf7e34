package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RidgeRegression;

/**
 * The ℓ2-penalised logistic regression of a classification recipe: real rows weight 1, the first k synthetic rows
 * weight A, one shared unpenalised intercept, labels in [0, 1] (soft synthetic labels allowed):
 * minimise (1/n)Σ wᵢ·[log(1 + e^{ηᵢ}) − yᵢηᵢ] + λ‖w‖², ηᵢ = b + xᵢᵀw, n = n1 + k, by Newton's method
 * (iteratively reweighted least squares) from 0 until the step is below 10⁻⁸ (at most 50 steps).
 */
public final class LogisticRidge {
    private LogisticRidge() {}

    /** Fits rows x (standardised, not augmented), labels y, row weights; returns (w, b) of length d + 1. */
    public static double[] fit(Matrix x, double[] y, double[] weight, double lambda) {
        int n = x.rows();
        int d = x.cols();
        double[] a = java.util.Arrays.copyOf(x.data(), n * (d + 1));
        java.util.Arrays.fill(a, n * d, n * (d + 1), 1.0);
        Matrix z = new Matrix(n, d + 1, a);
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double count = n;
        double[] beta = new double[d + 1];
        for (int it = 0; it < 50; it++) {
            double[] eta = DenseOps.multiplyVector(z, beta, false, 1.0);
            double[] g = new double[n];
            double[] scaled = new double[n * (d + 1)];
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-eta[i]));
                g[i] = weight[i] * (p - Math.min(1, Math.max(0, y[i])));
                double h = Math.sqrt(Math.max(weight[i] * p * (1 - p), 1e-12));
                for (int j = 0; j <= d; j++) {
                    scaled[i + j * n] = z.data()[i + j * n] * h;
                }
            }
            double[] grad = DenseOps.multiplyVector(z, g, true, 1.0);
            Matrix hess = DenseOps.gramTransposed(new Matrix(n, d + 1, scaled), 1.0);
            for (int j = 0; j < d; j++) {
                grad[j] += 2 * lambda * count * beta[j];
                hess.set(j, j, hess.get(j, j) + 2 * lambda * count);
            }
            hess.set(d, d, hess.get(d, d) + 1e-9 * total);
            double[] step = RidgeRegression.solveSymmetric(hess, grad);
            double size = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] -= step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** P(y = 1) of rows x under (w, b). */
    public static double[] probabilities(double[] beta, Matrix x) {
        int d = x.cols();
        double[] eta = DenseOps.multiplyVector(x, java.util.Arrays.copyOf(beta, d), false, 1.0);
        for (int i = 0; i < eta.length; i++) {
            eta[i] = 1 / (1 + Math.exp(-(eta[i] + beta[d])));
        }
        return eta;
    }

    /** Mean log-loss of probabilities p (clipped to [10⁻¹⁵, 1 − 10⁻¹⁵]) against 0/1 labels. */
    public static double logLoss(double[] p, double[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            s -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return s / p.length;
    }
}
