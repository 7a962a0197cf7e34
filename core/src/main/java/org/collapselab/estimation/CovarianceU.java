package org.collapselab.estimation;

import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * The unbiased estimate of ‖Cov(w, r)‖² from n ≥ 4 independent rows (w_i, r_i): the unbiased HSIC with linear
 * kernels (Song, Smola, Gretton, Bedo and Borgwardt 2012, eq. 5), computed in O(n·p) through column sums; beside it
 * the unbiased variance of r, and jackknife (leave-one-row-out) standard errors and covariance of both, also O(n·p).
 * Used with w = M^{1/2}z and r the real rows' residuals from the synthetic fit: then ‖Cov(w, r)‖² = δᵀΣ1MΣ1δ, which is
 * ‖δ‖²_Σ1 when M = Σ1⁻¹.
 *
 * @param value the U-statistic
 * @param variance the unbiased sample variance of r
 * @param valueVariance jackknife variance of {@code value}
 * @param varianceVariance jackknife variance of {@code variance}
 * @param covariance jackknife covariance of the two
 */
record CovarianceU(double value, double variance, double valueVariance, double varianceVariance, double covariance) {

    static CovarianceU of(Matrix w, double[] r) {
        int n = r.length;
        int p = w.cols();
        double[] sw = new double[p];
        double[] sv = new double[p];
        double[] kd = new double[n];
        double sumR = 0;
        double sumR2 = 0;
        double[] a = w.data();
        for (int j = 0; j < p; j++) {
            double s = 0;
            double t = 0;
            for (int i = 0; i < n; i++) {
                double x = a[i + j * n];
                s += x;
                t += r[i] * x;
                kd[i] += x * x;
            }
            sw[j] = s;
            sv[j] = t;
        }
        for (double v : r) {
            sumR += v;
            sumR2 += v * v;
        }
        double[] wsw = DenseOps.multiplyVector(w, sw, false, 1.0); // w_i·Σw
        double[] wsv = DenseOps.multiplyVector(w, sv, false, 1.0); // w_i·Σ r w
        double[] k = new double[n];
        double[] l = new double[n];
        double trKL = DenseOps.dot(sv, sv);
        double oneK = DenseOps.dot(sw, sw);
        double kr = 0;
        for (int i = 0; i < n; i++) {
            trKL -= r[i] * r[i] * kd[i];
            oneK -= kd[i];
            k[i] = wsw[i] - kd[i];
            l[i] = r[i] * sumR - r[i] * r[i];
            kr += k[i] * r[i];
        }
        double oneL = sumR * sumR - sumR2;
        double oneKL = 0;
        for (int i = 0; i < n; i++) {
            oneKL += k[i] * l[i];
        }
        double[] swl = DenseOps.multiplyVector(w, l, true, 1.0);
        double[] wswl = DenseOps.multiplyVector(w, swl, false, 1.0); // w_i·Σ l w
        double value = hsic(n, trKL, oneK, oneL, oneKL);
        double variance = (sumR2 - sumR * sumR / n) / (n - 1);
        double[] jv = new double[n];
        double[] jvar = new double[n];
        for (int m = 0; m < n; m++) {
            double rm = r[m];
            double tkl = trKL - 2 * rm * (wsv[m] - rm * kd[m]);
            double ok = oneK - 2 * k[m];
            double ol = oneL - 2 * l[m];
            double okl =
                    oneKL - k[m] * l[m] - rm * (kr - k[m] * rm) - (wswl[m] - kd[m] * l[m]) + rm * (wsv[m] - kd[m] * rm);
            // After removing row m, k_j and l_j lose K_jm and L_jm; the sums above already account for that.
            jv[m] = hsic(n - 1, tkl, ok, ol, okl);
            double s1 = sumR - rm;
            jvar[m] = (sumR2 - rm * rm - s1 * s1 / (n - 1)) / (n - 2);
        }
        double mv = Rows.mean(jv);
        double mr = Rows.mean(jvar);
        double vv = 0;
        double vr = 0;
        double cv = 0;
        for (int m = 0; m < n; m++) {
            vv += (jv[m] - mv) * (jv[m] - mv);
            vr += (jvar[m] - mr) * (jvar[m] - mr);
            cv += (jv[m] - mv) * (jvar[m] - mr);
        }
        double f = (n - 1.0) / n;
        return new CovarianceU(value, variance, f * vv, f * vr, f * cv);
    }

    /** Unbiased HSIC from tr(K̃L̃), 1ᵀK̃1, 1ᵀL̃1, 1ᵀK̃L̃1 (diagonals of K̃, L̃ zeroed). */
    static double hsic(int n, double trKL, double oneK, double oneL, double oneKL) {
        return (trKL + oneK * oneL / ((n - 1.0) * (n - 2.0)) - 2.0 / (n - 2.0) * oneKL) / (n * (n - 3.0));
    }
}
