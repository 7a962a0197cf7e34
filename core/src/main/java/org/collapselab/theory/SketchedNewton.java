package org.collapselab.theory;

/**
 * The fast path of {@link SketchedPencil} for λ &gt; 0: Newton's method on both equations at once in (log θ, log r),
 * F1 = log θ + log(m − D1) + log(1 − T1/n) − log(λd), F2 = log r + log(1 − T1/n + A·T2/n) − log A, with the exact
 * Jacobian (every entry a weighted sum over the eigenvalues, O(d) per step) and step halving that keeps both gaps
 * positive and |F| decreasing. It gives up (null) when it does not converge in a few dozen steps or ends with a gap
 * below 1e-6 relative, where the nested solver's cancellation-free gaps are more accurate; the caller then uses
 * the nested solver.
 */
final class SketchedNewton {
    private static final double TOLERANCE = 1e-13;
    private static final int MAX_STEPS = 60;

    private SketchedNewton() {}

    static SketchedPencil.Solution solve(
            double[] s1,
            double[] s2,
            double p1,
            double p2,
            long n,
            long m,
            double weight,
            double lambda,
            double theta,
            double ratio) {
        double target = Math.log(lambda * s1.length);
        double[] at = new double[9]; // F1, F2, J11, J12, J21, J22, θ's gap m − D1, 1 − T1/n, |F|
        double u = Math.log(theta);
        double x = Math.log(ratio);
        if (!evaluate(s1, s2, p1, p2, n, m, weight, target, u, x, at)) {
            return null;
        }
        int evaluations = 1;
        double[] trial = new double[9];
        for (int step = 0; step < MAX_STEPS; step++) {
            if (at[8] <= TOLERANCE) {
                boolean clean = at[6] > 1e-6 * m && at[7] > 1e-6;
                return clean
                        ? new SketchedPencil.Solution(Math.exp(u), Math.exp(x), at[6], at[7], evaluations, at[8], true)
                        : null;
            }
            double det = at[2] * at[5] - at[3] * at[4];
            if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
                return null;
            }
            double du = -(at[5] * at[0] - at[3] * at[1]) / det;
            double dx = -(at[2] * at[1] - at[4] * at[0]) / det;
            boolean accepted = false;
            for (double t = 1; t > 1e-9 && !accepted; t *= 0.5) {
                evaluations++;
                if (evaluate(s1, s2, p1, p2, n, m, weight, target, u + t * du, x + t * dx, trial) && trial[8] < at[8]) {
                    u += t * du;
                    x += t * dx;
                    System.arraycopy(trial, 0, at, 0, at.length);
                    accepted = true;
                }
            }
            if (!accepted) {
                return null;
            }
        }
        return null;
    }

    /** Fills {@code out} at (u, x) = (log θ, log r); false outside the domain (a gap ≤ 0). */
    private static boolean evaluate(
            double[] s1,
            double[] s2,
            double p1,
            double p2,
            long n,
            long m,
            double weight,
            double target,
            double u,
            double x,
            double[] out) {
        double theta = Math.exp(u);
        double r = Math.exp(x);
        double d1 = 0, t1 = 0, t2 = 0; // D1, T1, T2
        double e = 0, a1 = 0, a2 = 0; // Σ D̃q², Σ σ1q², Σ σ2q²
        double b12 = 0, b22 = 0; // Σ σ1σ2q², Σ σ2²q²
        for (int i = 0; i < s1.length; i++) {
            double dt = p1 * s1[i] + p2 * r * s2[i];
            double q = 1 / (dt + theta);
            double q2 = q * q;
            d1 += dt * q;
            t1 += s1[i] * q;
            t2 += s2[i] * q;
            e += dt * q2;
            a1 += s1[i] * q2;
            a2 += s2[i] * q2;
            b12 += s1[i] * s2[i] * q2;
            b22 += s2[i] * s2[i] * q2;
        }
        double gm = m - d1;
        double gn = 1 - t1 / n;
        double h = gn + weight * t2 / n;
        if (!(gm > 0 && gn > 0 && h > 0)) {
            return false;
        }
        double pr = p2 * r;
        out[0] = u + Math.log(gm) + Math.log(gn) - target;
        out[1] = x + Math.log(h) - Math.log(weight);
        // ∂/∂log θ and ∂/∂log r of D1, T1, T2: −θe, θ·pr·a2; −θa1, −pr·b12; −θa2, −pr·b22.
        out[2] = 1 + theta * e / gm + theta * a1 / (n * gn);
        out[3] = -theta * pr * a2 / gm + pr * b12 / (n * gn);
        out[4] = (theta * a1 - weight * theta * a2) / (n * h);
        out[5] = 1 + (pr * b12 - weight * pr * b22) / (n * h);
        out[6] = gm;
        out[7] = gn;
        out[8] = Math.max(Math.abs(out[0]), Math.abs(out[1]));
        return Double.isFinite(out[8]);
    }
}
