package org.collapselab.theory;

/**
 * A quadrature rule for E f(K), K ~ Binomial(trials, p), on integer nodes (the theory is evaluated at whole row counts,
 * as simulated). The pmf is computed by the ratio recurrence from the mode, pmf(k+1)/pmf(k) = (t−k)p/((k+1)(1−p)), and
 * truncated where it falls below {@link #TAIL} times its peak. A support of at most {@link #EXACT_NODES} points is used
 * whole (the exact expectation). A wider one gets nine nodes: the quantiles of K at the probabilities Φ(xⱼ) of the
 * nine-point Gauss–Hermite nodes xⱼ (so they follow the law's skewness and lie in its support), with weights that
 * match the first nine moments of K exactly — the rule is exact for polynomials of degree ≤ 8 in K. If the nodes
 * collide or the weights' negative part exceeds {@link #NEGATIVE_MASS}, the whole support is used. Degenerate laws
 * (t = 0, p ∈ {0, 1}) have one node.
 *
 * @param nodes the counts k at which f is evaluated, increasing
 * @param weights their weights (sum 1)
 */
public record BinomialQuadrature(long[] nodes, double[] weights) {
    /** Relative pmf cut-off of the support. */
    static final double TAIL = 1e-15;
    /** Largest support used whole. */
    static final int EXACT_NODES = 40;
    /** Largest total |negative weight| accepted in the nine-node rule. */
    static final double NEGATIVE_MASS = 1e-2;
    /**
     * Above this standard deviation (K of order 10⁸ and more) the nodes are μ + sd·xⱼ rounded and the moments the normal
     * ones (the binomial's differ by O(1/sd), and the whole fluctuation correction is then O(1/K) ≤ 10⁻⁸ relative).
     */
    static final double NORMAL_SD = 1e4;
    /** Nine-point Gauss–Hermite nodes for N(0, 1) (physicists' nodes times √2). */
    private static final double[] HERMITE = {
        -4.512745863399783,
        -3.205429002856470,
        -2.076847978677830,
        -1.023255663789133,
        0,
        1.023255663789133,
        2.076847978677830,
        3.205429002856470,
        4.512745863399783
    };
    /** Φ(xⱼ) for those nodes. */
    private static final double[] HERMITE_CDF = {
        3.1996842199207524e-6,
        6.743065608209811e-4,
        1.8907796188300796e-2,
        0.15309349026230862,
        0.5,
        0.8469065097376914,
        0.9810922038116992,
        0.9993256934391790,
        0.9999968003157801
    };

    private static final double[] NORMAL_MOMENTS = {1, 0, 1, 0, 3, 0, 15, 0, 105};

    /** The rule for Binomial(trials, p). */
    public static BinomialQuadrature of(long trials, double p) {
        if (trials == 0 || p == 0) {
            return new BinomialQuadrature(new long[] {0}, new double[] {1});
        }
        if (p == 1) {
            return new BinomialQuadrature(new long[] {trials}, new double[] {1});
        }
        double mean = trials * p;
        double sd = Math.sqrt(trials * p * (1 - p));
        if (sd > NORMAL_SD) {
            long[] nodes = new long[HERMITE.length];
            for (int j = 0; j < nodes.length; j++) {
                nodes[j] = Math.round(mean + sd * HERMITE[j]);
            }
            return new BinomialQuadrature(nodes, weights(nodes, mean, sd, NORMAL_MOMENTS));
        }
        long mode = Math.min(trials, (long) Math.floor((trials + 1) * p));
        double ratio = p / (1 - p);
        long hi = mode;
        for (double v = 1; hi < trials; hi++) {
            v *= (double) (trials - hi) / (hi + 1) * ratio;
            if (v < TAIL) {
                break;
            }
        }
        long lo = mode;
        for (double v = 1; lo > 0; lo--) {
            v *= (double) lo / (trials - lo + 1) / ratio;
            if (v < TAIL) {
                break;
            }
        }
        int size = (int) (hi - lo + 1);
        double[] pmf = new double[size];
        int base = (int) (mode - lo);
        pmf[base] = 1;
        for (int i = base + 1; i < size; i++) {
            long k = lo + i - 1;
            pmf[i] = pmf[i - 1] * (double) (trials - k) / (k + 1) * ratio;
        }
        for (int i = base - 1; i >= 0; i--) {
            long k = lo + i + 1;
            pmf[i] = pmf[i + 1] * (double) k / (trials - k + 1) / ratio;
        }
        double total = 0;
        for (double x : pmf) {
            total += x;
        }
        for (int i = 0; i < size; i++) {
            pmf[i] /= total;
        }
        if (size > EXACT_NODES) {
            BinomialQuadrature nine = nine(lo, pmf, mean, sd);
            if (nine != null) {
                return nine;
            }
        }
        long[] nodes = new long[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = lo + i;
        }
        return new BinomialQuadrature(nodes, pmf);
    }

    /** The nine-node rule on the pmf over lo, lo+1, ...; null if it is not acceptable (class comment). */
    private static BinomialQuadrature nine(long lo, double[] pmf, double mean, double sd) {
        int m = HERMITE.length;
        double[] moments = new double[m];
        long[] nodes = new long[m];
        double cdf = 0;
        int next = 0;
        for (int i = 0; i < pmf.length; i++) {
            double u = (lo + i - mean) / sd;
            double pw = pmf[i];
            for (int j = 0; j < m; j++) {
                moments[j] += pw;
                pw *= u;
            }
            cdf += pmf[i];
            while (next < m && cdf >= HERMITE_CDF[next]) {
                nodes[next++] = lo + i;
            }
        }
        while (next < m) {
            nodes[next++] = lo + pmf.length - 1;
        }
        for (int j = 1; j < m; j++) {
            if (nodes[j] <= nodes[j - 1]) {
                return null;
            }
        }
        double[] w = weights(nodes, mean, sd, moments);
        double negative = 0;
        for (double x : w) {
            negative += x < 0 ? -x : 0;
        }
        return negative <= NEGATIVE_MASS ? new BinomialQuadrature(nodes, w) : null;
    }

    /** Weights w with Σ wₖ uₖ^j = E U^j (j = 0..8), uₖ = (nodeₖ − μ)/sd: a 9×9 Vandermonde system. */
    private static double[] weights(long[] nodes, double mean, double sd, double[] moments) {
        int m = nodes.length;
        double[][] a = new double[m][m + 1];
        for (int k = 0; k < m; k++) {
            double u = (nodes[k] - mean) / sd;
            double pw = 1;
            for (int j = 0; j < m; j++) {
                a[j][k] = pw;
                pw *= u;
            }
        }
        for (int j = 0; j < m; j++) {
            a[j][m] = moments[j];
        }
        return solve(a);
    }

    /**
     * Gaussian elimination with partial pivoting on an augmented m×(m+1) system (9×9 here: too small to be worth a
     * LAPACK call through the matrix wrappers).
     */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = c + 1; r < m; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= m; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int k = r + 1; k < m; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** Smallest node. */
    public long min() {
        return nodes[0];
    }

    /** Largest node. */
    public long max() {
        return nodes[nodes.length - 1];
    }
}
