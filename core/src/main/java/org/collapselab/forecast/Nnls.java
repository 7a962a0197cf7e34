package org.collapselab.forecast;

/**
 * Non-negative least squares min ‖Xβ − y‖² over β ≥ 0 for a handful of columns, solved exactly by trying every
 * support (2^k least-squares problems of at most k columns; k ≤ 6): the optimum is the unconstrained fit on its own
 * support, so the best feasible support is the solution. Written here because commons-math3 has no NNLS and the law
 * has four linear coefficients, where enumeration is exact and cheap (16 tiny solves).
 */
final class Nnls {
    private Nnls() {}

    /** The solution and its residual sum of squares. */
    record Solution(double[] beta, double rss) {}

    /**
     * @param x rows × k design (row-major), already weighted
     * @param y rows, already weighted
     * @param allowed which columns may be non-zero
     */
    static Solution solve(double[][] x, double[] y, boolean[] allowed) {
        int k = allowed.length;
        if (k > 6) {
            throw new IllegalArgumentException("at most 6 columns, got " + k);
        }
        double[][] gram = new double[k][k];
        double[] xty = new double[k];
        double yty = 0;
        for (int r = 0; r < y.length; r++) {
            for (int i = 0; i < k; i++) {
                xty[i] += x[r][i] * y[r];
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += x[r][i] * x[r][j];
                }
            }
            yty += y[r] * y[r];
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        double[] best = new double[k];
        double bestRss = yty;
        for (int mask = 1; mask < (1 << k); mask++) {
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                if ((mask & (1 << i)) != 0 && !allowed[i]) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            double[] beta = solveSubset(gram, xty, mask, k);
            if (beta == null) {
                continue;
            }
            // rss = yᵀy − 2βᵀXᵀy + βᵀGβ
            double rss = yty;
            for (int i = 0; i < k; i++) {
                rss -= 2 * beta[i] * xty[i];
                for (int j = 0; j < k; j++) {
                    rss += beta[i] * gram[i][j] * beta[j];
                }
            }
            if (rss < bestRss) {
                bestRss = rss;
                best = beta;
            }
        }
        return new Solution(best, Math.max(0, bestRss));
    }

    /** Normal equations on the columns in {@code mask} by Cholesky; null if singular or a coefficient is negative. */
    private static double[] solveSubset(double[][] gram, double[] xty, int mask, int k) {
        int[] idx = new int[Integer.bitCount(mask)];
        for (int i = 0, c = 0; i < k; i++) {
            if ((mask & (1 << i)) != 0) {
                idx[c++] = i;
            }
        }
        int p = idx.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = gram[idx[i]][idx[j]];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(s > 1e-13 * Math.max(1e-300, gram[idx[i]][idx[i]]))) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = xty[idx[i]];
            for (int q = 0; q < i; q++) {
                s -= l[i][q] * z[q];
            }
            z[i] = s / l[i][i];
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int q = i + 1; q < p; q++) {
                s -= l[q][i] * b[q];
            }
            b[i] = s / l[i][i];
        }
        double[] beta = new double[k];
        for (int i = 0; i < p; i++) {
            if (b[i] < 0) {
                return null;
            }
            beta[idx[i]] = b[i];
        }
        return beta;
    }
}
