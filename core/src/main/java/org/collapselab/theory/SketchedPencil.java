package org.collapselab.theory;

/**
 * First-order fixed point of random projections on two sources ({@link SketchedTwoSourceTheory}): with
 * D̃ = p1Σ1 + p2rΣ2, D1 = tr D̃(D̃+θ)⁻¹, T_k = tr Σ_k(D̃+θ)⁻¹, the unknowns θ ≥ 0 and r ≥ 0 solve
 * <pre>
 *   θ (m − D1)(1 − T1/n) = λ d          r (1 − T1/n + A T2/n) = A
 * </pre>
 * For λ &gt; 0, {@link SketchedNewton} (both equations at once) from θ(r = A) first; otherwise, or when it gives up,
 * nested scalar solves in the eigenbasis, O(d) per evaluation: r by regula falsi in log r (as
 * {@link TwoSourceRidgeTheory#solve}); for each r, θ = θ₀ + ε where θ₀ (the λ → 0 limit: the largest of 0, the root of
 * D1 = m and the root of T1 = n) is found by safeguarded Newton in log θ and log ε likewise, with the gaps
 * m − D1 = (m − D1(θ₀)) + Σ D̃ε/((D̃+θ₀)(D̃+θ)) and 1 − T1/n likewise, free of cancellation as ε → 0.
 */
final class SketchedPencil {
    private static final double TOLERANCE = 1e-13;

    private SketchedPencil() {}

    /**
     * The solution with its certificate.
     *
     * @param theta input-space effective regularisation θ of D̃
     * @param ratio r = t2/t1, the effective relative weight of a synthetic row (0 without synthetic weight)
     * @param gapM a_m = m − D1(θ)
     * @param gapN t1 = 1 − T1(θ)/n
     * @param iterations all inner and outer iterations
     * @param residual largest residual of the equations (log-relative)
     * @param converged every stage met its tolerance
     */
    record Solution(
            double theta, double ratio, double gapM, double gapN, int iterations, double residual, boolean converged) {}

    static Solution solve(
            double[] s1, double[] s2, double p1, double p2, long n, long m, double weight, double lambda) {
        int[] iters = {0};
        if (p2 == 0 || weight == 0) {
            Solution in = inner(s1, s2, p1, p2, n, m, 0, lambda);
            return new Solution(in.theta, 0, in.gapM, in.gapN, in.iterations, in.residual, in.converged);
        }
        if (lambda > 0) { // fast path: joint Newton from θ(r = A)
            Solution start = inner(s1, s2, p1, p2, n, m, weight, lambda);
            Solution fast = SketchedNewton.solve(s1, s2, p1, p2, n, m, weight, lambda, start.theta, weight);
            if (fast != null) {
                return new Solution(
                        fast.theta,
                        fast.ratio,
                        fast.gapM,
                        fast.gapN,
                        start.iterations + fast.iterations,
                        fast.residual,
                        fast.converged);
            }
            iters[0] += start.iterations;
        }
        ScalarRoot.Root root = ScalarRoot.expandAndSolve(
                v -> outer(s1, s2, p1, p2, n, m, weight, lambda, v, iters),
                Math.log(weight),
                TOLERANCE,
                1e-15,
                300,
                "could not bracket the synthetic weight ratio of the random-projection pencil");
        double x = root.x();
        double fx = root.residual();
        Solution in = inner(s1, s2, p1, p2, n, m, Math.exp(x), lambda);
        double residual = Math.max(Math.abs(fx), in.residual);
        return new Solution(
                in.theta,
                Math.exp(x),
                in.gapM,
                in.gapN,
                iters[0] + in.iterations,
                residual,
                residual <= 1e-10 && in.converged);
    }

    /** F(log r) = log r + log(1 − T1/n + A T2/n) − log A at the inner θ(r); increasing in log r. */
    private static double outer(
            double[] s1,
            double[] s2,
            double p1,
            double p2,
            long n,
            long m,
            double weight,
            double lambda,
            double x,
            int[] iters) {
        double r = Math.exp(x);
        Solution in = inner(s1, s2, p1, p2, n, m, r, lambda);
        iters[0] += in.iterations + 1;
        double t2 = 0;
        for (int i = 0; i < s1.length; i++) {
            t2 += s2[i] / (p1 * s1[i] + p2 * r * s2[i] + in.theta);
        }
        return x + Math.log(in.gapN + weight * t2 / n) - Math.log(weight);
    }

    /** For fixed r: θ from θ(m − D1)(1 − T1/n) = λd (class comment); ratio is r. */
    static Solution inner(double[] s1, double[] s2, double p1, double p2, long n, long m, double r, double lambda) {
        int d = s1.length;
        double[] dt = new double[d];
        double sumDt = 0;
        double sumInv = 0;
        double sumS1 = 0;
        double t10 = 0;
        for (int i = 0; i < d; i++) {
            dt[i] = p1 * s1[i] + p2 * r * s2[i];
            sumDt += dt[i];
            sumInv += 1 / dt[i];
            sumS1 += s1[i];
            t10 += s1[i] / dt[i];
        }
        int[] iterations = {0};
        double thetaM = 0;
        double thetaN = 0;
        if (m < d) {
            // D1(θ) ≥ d − θ Σ 1/D̃ and D1(θ) ≤ Σ D̃/θ bracket the root of D1 = m.
            thetaM = level(dt, dt, m, (d - m) / sumInv, sumDt / m, iterations);
        }
        if (t10 > n) {
            double hi = sumS1 / n; // T1(θ) ≤ Σ σ1/θ
            double lo = hi;
            while (level(s1, dt, lo) <= n) {
                lo *= 0.5;
                iterations[0]++;
            }
            thetaN = level(s1, dt, n, lo, hi, iterations);
        }
        double theta0 = Math.max(thetaM, thetaN);
        boolean byM = thetaM > 0 && thetaM >= thetaN; // which factor vanishes at θ₀ (neither when θ₀ = 0)
        double gm0 = theta0 == 0 ? m - d : (byM ? 0 : Math.max(0, m - level(dt, dt, theta0)));
        double gn0 = theta0 == 0 ? 1 - t10 / n : (byM ? Math.max(0, 1 - level(s1, dt, theta0) / n) : 0);
        if (lambda == 0) {
            return new Solution(theta0, r, gm0, gn0, iterations[0], 0, true);
        }
        final double th0 = theta0;
        double target = Math.log(lambda * d);
        double[] gaps = new double[4];
        ScalarRoot.Differentiable f = (u, out) -> {
            double eps = Math.exp(u);
            double theta = th0 + eps;
            gapsAt(s1, dt, n, th0, eps, gm0, gn0, gaps);
            out[0] = Math.log(theta) + Math.log(gaps[0]) + Math.log(gaps[1]) - target;
            out[1] = eps * (1 / theta + gaps[2] / gaps[0] + gaps[3] / gaps[1]);
        };
        double[] v = new double[2];
        double hi = Math.log(sumDt / Math.min(m, d) + lambda * d / m + th0);
        f.evaluate(hi, v);
        while (v[0] < 0) {
            hi += 2;
            f.evaluate(hi, v);
            iterations[0]++;
        }
        double lo = hi - 2;
        f.evaluate(lo, v);
        while (v[0] > 0) {
            lo -= 4;
            f.evaluate(lo, v);
            if (++iterations[0] > 2000) {
                throw new TheoryException(
                        "could not bracket the random-projection two-source fixed point (lambda = " + lambda + ")");
            }
        }
        ScalarRoot.Root root = ScalarRoot.newton(f, lo, hi, lo, 1e-16, TOLERANCE);
        double eps = Math.exp(root.x());
        gapsAt(s1, dt, n, th0, eps, gm0, gn0, gaps);
        double residual = Math.abs(root.residual());
        return new Solution(
                th0 + eps, r, gaps[0], gaps[1], iterations[0] + root.iterations(), residual, residual <= 1e-10);
    }

    /**
     * out = {m − D1, 1 − T1/n, and their ε-derivatives Σ D̃/(D̃+θ)², Σ σ1/(D̃+θ)²/n} at θ₀ + ε, from their values at
     * θ₀ (no cancellation).
     */
    private static void gapsAt(
            double[] s1, double[] dt, long n, double theta0, double eps, double gm0, double gn0, double[] out) {
        double gm = 0;
        double gn = 0;
        double dgm = 0;
        double dgn = 0;
        double theta = theta0 + eps;
        for (int i = 0; i < dt.length; i++) {
            double q = 1 / (dt[i] + theta);
            double w = eps * q / (dt[i] + theta0);
            gm += dt[i] * w;
            gn += s1[i] * w;
            dgm += dt[i] * q * q;
            dgn += s1[i] * q * q;
        }
        out[0] = gm0 + gm;
        out[1] = gn0 + gn / n;
        out[2] = dgm;
        out[3] = dgn / n;
    }

    /** Σ aᵢ/(D̃ᵢ + θ) (D1 for a = D̃, T1 for a = σ1). */
    private static double level(double[] a, double[] dt, double theta) {
        double v = 0;
        for (int i = 0; i < dt.length; i++) {
            v += a[i] / (dt[i] + theta);
        }
        return v;
    }

    /**
     * θ in [lo, hi] with Σ aᵢ/(D̃ᵢ + θ) = level: safeguarded Newton on log level − log Σ aᵢ/(D̃ᵢ+θ), increasing in log θ.
     */
    private static double level(double[] a, double[] dt, double level, double lo, double hi, int[] iterations) {
        double logLevel = Math.log(level);
        ScalarRoot.Root root = ScalarRoot.newton(
                (u, out) -> {
                    double theta = Math.exp(u);
                    double t = 0;
                    double t1 = 0;
                    for (int i = 0; i < dt.length; i++) {
                        double q = 1 / (dt[i] + theta);
                        t += a[i] * q;
                        t1 += a[i] * q * q;
                    }
                    out[0] = logLevel - Math.log(t);
                    out[1] = theta * t1 / t;
                },
                Math.log(lo),
                Math.log(hi),
                0.5 * (Math.log(lo) + Math.log(hi)),
                1e-16,
                1e-15);
        iterations[0] += root.iterations();
        return Math.exp(root.x());
    }
}
