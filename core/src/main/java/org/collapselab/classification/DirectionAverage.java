package org.collapselab.classification;

import java.util.function.ToDoubleFunction;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * The average over the random direction of μ. With μ = √M·Σ^{1/2}u/‖u‖, μ_i² = M·s_i·π_i where π = u²/‖u‖² is
 * Dirichlet(½, …, ½): E π_i = 1/d, Cov(π_i, π_j) = (δ_ij/d − 1/d²)/(d/2 + 1). The deterministic equivalents depend
 * on μ only through τ1(κ) = μᵀ(Σ + κ)⁻¹μ and τ2(κ) = μᵀ(Σ + κ)⁻¹Σ(Σ + κ)⁻¹μ, linear in π. Near the solution's κ0
 * they move by e = (Σ δπ_i a_i, Σ δπ_i b_i, Σ δπ_i a_i', Σ δπ_i b_i') (a_i = M s_i/(s_i + κ0),
 * b_i = M s_i²/(s_i + κ0)², primes = κ-derivatives; τ1(κ) ≈ τ̄1(κ) + e1 + e3(κ − κ0), likewise τ2), with covariance
 * C_jk = [(1/d)Σ v_j,i v_k,i − v̄_j v̄_k]/(d/2 + 1). Power-law spectra keep this fluctuation of order one as d grows
 * (a few top coordinates carry μ), and a second-order expansion alone misses by up to half of it, so the mean is
 * <pre>
 *   E G ≈ G(0) + ½ tr(∇²G·C) + E[G̃(e) − Q̃(e)]
 * </pre>
 * where the middle term is the delta method for the full equations (central second differences at 0.1 standard
 * deviations along C's principal axes) and the last is the remainder beyond second order of an explicit model G̃ of
 * (e1, e2) (exact for the square loss; the logistic equations with their hat variables frozen at the solution),
 * Q̃ its quadratic Taylor polynomial, averaged over {@link #SAMPLES} seeded draws of {@link DirectionSampler}.
 * Isotropic Σ gives C = 0: only the noise direction is averaged ({@link #isotropicNoise}).
 */
final class DirectionAverage {
    /** Draws of the remainder's Monte Carlo average. */
    static final int SAMPLES = 2048;
    /** Dimensions from which Σ = s·I is averaged by quadrature instead of draws. */
    static final int QUADRATURE_MIN_D = 32;

    private static final int HERMITE_POINTS = 12;
    /** Gauss–Hermite nodes and weights for the standard normal (commons-math3's rule for e^{−x²}, rescaled). */
    private static final double[] HERMITE_NODES = new double[HERMITE_POINTS];

    private static final double[] HERMITE_WEIGHTS = new double[HERMITE_POINTS];

    static {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory()
                        .hermite(HERMITE_POINTS);
        for (int i = 0; i < HERMITE_POINTS; i++) {
            HERMITE_NODES[i] = Math.sqrt(2) * rule.getPoint(i);
            HERMITE_WEIGHTS[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
        }
    }

    /** Step of the second differences, in standard deviations. */
    private static final double STEP = 0.1;
    /** Principal variances below this fraction of the largest (after scaling to unit variances) are dropped. */
    private static final double RANK_TOLERANCE = 1e-10;

    private DirectionAverage() {}

    /**
     * Covariance of e (4×4, or its first {@code k} coordinates) at κ0 for eigenvalues {@code s} and separation M;
     * zero for isotropic Σ.
     */
    static double[][] covariance(double[] s, double mu2, double kappa, int k) {
        double[][] v = functionals(s, mu2, kappa);
        int d = s.length;
        double[][] c = new double[k][k];
        if (isotropic(s)) {
            return c;
        }
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                mean[j] += v[j][i];
            }
            mean[j] /= d;
        }
        double scale = 1.0 / (d / 2.0 + 1);
        for (int j = 0; j < k; j++) {
            for (int l = 0; l <= j; l++) {
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    sum += (v[j][i] - mean[j]) * (v[l][i] - mean[l]);
                }
                c[j][l] = c[l][j] = sum / d * scale;
            }
        }
        return c;
    }

    /** The vectors (a, b, a', b') at κ0. */
    static double[][] functionals(double[] s, double mu2, double kappa) {
        int d = s.length;
        double[][] v = new double[4][d];
        for (int i = 0; i < d; i++) {
            double inv = 1 / (s[i] + kappa);
            v[0][i] = mu2 * s[i] * inv;
            v[1][i] = mu2 * s[i] * s[i] * inv * inv;
            v[2][i] = -v[0][i] * inv;
            v[3][i] = -2 * v[1][i] * inv;
        }
        return v;
    }

    static boolean isotropic(double[] s) {
        for (double v : s) {
            if (v != s[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * ½ tr(∇²G·C) by central second differences along C's principal axes (2 calls of G per axis); 0 when C = 0.
     */
    static double secondOrder(ToDoubleFunction<double[]> g, double g0, double[][] cov) {
        int k = cov.length;
        double[] sd = new double[k];
        Matrix corr = Matrix.zeros(k, k);
        int live = 0;
        for (int j = 0; j < k; j++) {
            sd[j] = Math.sqrt(Math.max(cov[j][j], 0));
            live += sd[j] > 0 ? 1 : 0;
        }
        if (live == 0) {
            return 0;
        }
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                corr.set(j, l, sd[j] > 0 && sd[l] > 0 ? cov[j][l] / (sd[j] * sd[l]) : 0);
            }
        }
        double[] w = new double[k];
        DenseOps.symmetricEigenInPlace(corr, w);
        double correction = 0;
        for (int a = 0; a < k; a++) {
            if (!(w[a] > RANK_TOLERANCE * w[k - 1])) {
                continue;
            }
            double[] plus = new double[k];
            double[] minus = new double[k];
            for (int j = 0; j < k; j++) {
                plus[j] = STEP * Math.sqrt(w[a]) * corr.get(j, a) * sd[j];
                minus[j] = -plus[j];
            }
            correction += 0.5 * (g.applyAsDouble(plus) + g.applyAsDouble(minus) - 2 * g0) / (STEP * STEP);
        }
        return correction;
    }

    /**
     * For Σ = s·I only the noise direction varies: with g the component of ξ along μ and X ~ χ²_{d−1} the rest,
     * L1 = α‖μ‖g, L2 = β‖μ‖g and Q = γ(g² + X) (α = √s/(s + κ), β = αs/(s + κ), γ = s²/(s + κ)²), so
     * E G̃ − G̃(mean forms) is a two-dimensional integral: Gauss–Hermite in g and in the Wilson–Hilferty normal
     * variable of X (Wilson &amp; Hilferty, PNAS 1931: (X/k)^{1/3} ≈ N(1 − 2/(9k), 2/(9k)), accurate for k ≥ 30).
     */
    static double isotropicNoise(Model model, double s, int d, double kappa, double muNorm2) {
        double inv = 1 / (s + kappa);
        double alpha = Math.sqrt(s) * inv;
        double beta = alpha * s * inv;
        double gamma = s * s * inv * inv;
        double norm = Math.sqrt(muNorm2);
        double k = d - 1;
        double v = 2 / (9 * k);
        double mean = 0;
        for (int i = 0; i < HERMITE_POINTS; i++) {
            double g = HERMITE_NODES[i];
            for (int j = 0; j < HERMITE_POINTS; j++) {
                double c = 1 - v + Math.sqrt(v) * HERMITE_NODES[j];
                double x = k * c * c * c;
                mean += HERMITE_WEIGHTS[i]
                        * HERMITE_WEIGHTS[j]
                        * model.error(0, 0, alpha * norm * g, beta * norm * g, gamma * (g * g + x));
            }
        }
        return mean - model.error(0, 0, 0, 0, gamma * d);
    }

    /** The error of the explicit model for τ-fluctuations (e1, e2) and noise forms (L1, L2, Q). */
    @FunctionalInterface
    interface Model {
        double error(double e1, double e2, double l1, double l2, double quad);
    }

    /**
     * E[G̃(e, ξ) − Q̃(e)] over μ's direction and the noise direction ξ (seeded {@link DirectionSampler} draws), Q̃ the
     * quadratic Taylor polynomial in e of the explicit model at ξ's mean forms (L = 0, Q = df2). Variance reduced by
     * antithetic ξ (L → −L) and the linear control Q − df2. With {@code fixedMuSquared} μ is given and only ξ is drawn.
     */
    static double finiteD(Model model, double[] s, double mu2, double kappa, double[] fixedMuSquared) {
        if (isotropic(s) && s.length >= QUADRATURE_MIN_D) {
            double muNorm2 = mu2 * s[0];
            if (fixedMuSquared != null) {
                muNorm2 = java.util.Arrays.stream(fixedMuSquared).sum();
            }
            return isotropicNoise(model, s[0], s.length, kappa, muNorm2);
        }
        DirectionSampler sampler = new DirectionSampler(s, mu2, kappa, fixedMuSquared);
        double qMean = sampler.quadraticMean();
        double g0 = model.error(0, 0, 0, 0, qMean);
        double d0 = 0, d1 = 0, d00 = 0, d11 = 0, d01 = 0;
        if (fixedMuSquared == null && !isotropic(s)) {
            double[][] cov = covariance(s, mu2, kappa, 2);
            double h0 = STEP * Math.sqrt(cov[0][0]);
            double h1 = STEP * Math.sqrt(cov[1][1]);
            if (h0 > 0 && h1 > 0) {
                double gp0 = model.error(h0, 0, 0, 0, qMean), gm0 = model.error(-h0, 0, 0, 0, qMean);
                double gp1 = model.error(0, h1, 0, 0, qMean), gm1 = model.error(0, -h1, 0, 0, qMean);
                double gpp = model.error(h0, h1, 0, 0, qMean), gmm = model.error(-h0, -h1, 0, 0, qMean);
                double gpm = model.error(h0, -h1, 0, 0, qMean), gmp = model.error(-h0, h1, 0, 0, qMean);
                d0 = (gp0 - gm0) / (2 * h0);
                d1 = (gp1 - gm1) / (2 * h1);
                d00 = (gp0 + gm0 - 2 * g0) / (h0 * h0);
                d11 = (gp1 + gm1 - 2 * g0) / (h1 * h1);
                d01 = (gpp + gmm - gpm - gmp) / (4 * h0 * h1);
            }
        }
        double hq = STEP * Math.max(sampler.quadraticSd(), 1e-12 * qMean);
        double dq = (model.error(0, 0, 0, 0, qMean + hq) - model.error(0, 0, 0, 0, qMean - hq)) / (2 * hq);
        double sum = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double[] x = sampler.next();
            double e0 = x[0], e1 = x[1];
            double quadratic = g0 + d0 * e0 + d1 * e1 + 0.5 * (d00 * e0 * e0 + d11 * e1 * e1) + d01 * e0 * e1;
            double both = 0.5 * (model.error(e0, e1, x[2], x[3], x[4]) + model.error(e0, e1, -x[2], -x[3], x[4]));
            sum += both - quadratic - dq * (x[4] - qMean);
        }
        return sum / SAMPLES;
    }
}
