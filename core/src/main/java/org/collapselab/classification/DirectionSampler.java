package org.collapselab.classification;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Seeded draws of the two random directions of one run at finite d, so that the theory stays a deterministic
 * function of its input: μ's direction π = u²/‖u‖² (u ~ N(0, I_d), Dirichlet(½, …, ½)) and the direction ξ ~ N(0, I_d)
 * of the fit's noise in the Gaussian equivalent ŵ = (Σ + κ)⁻¹(r·μ + c·Σ^{1/2}ξ). A draw is
 * <pre>
 *   e  = (Σ δπ_i a_i, Σ δπ_i b_i),  a_i = M s_i/(s_i + κ), b_i = M s_i²/(s_i + κ)²   (τ1, τ2 minus their means)
 *   L1 = Σ μ_i √s_i/(s_i + κ) ξ_i,   L2 = Σ μ_i s_i^{3/2}/(s_i + κ)² ξ_i,   Q = Σ s_i²/(s_i + κ)² ξ_i²
 * </pre>
 * so that μᵀŵ = r·τ1 + c·L1 and ‖ŵ‖²_Σ = r²τ2 + 2rc·L2 + c²Q. Up to {@link #EXACT_DIMENSION} coordinates all are
 * drawn; above it the {@link #HEAD} most influential ones (largest deviation of a_i or b_i, or largest weight in Q) are
 * drawn exactly and the many small rest through Gaussian laws of their sums (each tail coordinate's χ²₁ weight of
 * μ replaced by its mean in L1, L2). Normal draws: commons-rng's ziggurat sampler.
 */
final class DirectionSampler {
    /** Dimensions up to which every coordinate is drawn. */
    static final int EXACT_DIMENSION = 64;
    /** Coordinates drawn exactly above {@link #EXACT_DIMENSION}. */
    static final int HEAD = 48;

    private static final long SEED = 0x5eed_d1ecL;

    private final double mu2;
    private final int[] head;
    private final double[] a;
    private final double[] b;
    private final double[] alpha; // √s_i/(s_i + κ)
    private final double[] beta; // s_i^{3/2}/(s_i + κ)²
    private final double[] gamma; // s_i²/(s_i + κ)²
    private final double[] s;
    private final double meanA;
    private final double meanB;
    private final double[] tauMean = new double[3];
    private final double[][] tauRoot = new double[3][3];
    private final double[] lineCov = new double[3]; // tail Σ s²/(s+κ)², Σ s³/(s+κ)³, Σ s⁴/(s+κ)⁴
    private final double quadMean;
    private final double quadSd;
    private final double[] fixed; // μ_i² when μ is given (then π is not drawn), else null
    private final ZigguratSampler.NormalizedGaussian normal;

    /**
     * Draws for eigenvalues {@code s}, separation M and κ0; with {@code fixedMuSquared} (μ_i², not null) μ is that
     * vector and only ξ is drawn (e = 0).
     */
    DirectionSampler(double[] s, double mu2, double kappa, double[] fixedMuSquared) {
        int d = s.length;
        this.s = s;
        this.mu2 = mu2;
        this.fixed = fixedMuSquared;
        a = new double[d];
        b = new double[d];
        alpha = new double[d];
        beta = new double[d];
        gamma = new double[d];
        for (int i = 0; i < d; i++) {
            double inv = 1 / (s[i] + kappa);
            a[i] = mu2 * s[i] * inv;
            b[i] = a[i] * s[i] * inv;
            alpha[i] = Math.sqrt(s[i]) * inv;
            beta[i] = alpha[i] * s[i] * inv;
            gamma[i] = s[i] * s[i] * inv * inv;
        }
        meanA = Arrays.stream(a).sum() / d;
        meanB = Arrays.stream(b).sum() / d;
        SplittableRandom base = new SplittableRandom(SEED);
        UniformRandomProvider provider = base::nextLong;
        normal = ZigguratSampler.NormalizedGaussian.of(provider);
        head = d <= EXACT_DIMENSION ? java.util.stream.IntStream.range(0, d).toArray() : influential(d);
        boolean[] inHead = new boolean[d];
        for (int i : head) {
            inHead[i] = true;
        }
        Matrix cov = Matrix.zeros(3, 3);
        double qm = 0, qv = 0;
        for (int i = 0; i < d; i++) {
            if (inHead[i]) {
                continue;
            }
            double[] v = {a[i], b[i], 1};
            for (int j = 0; j < 3; j++) {
                tauMean[j] += v[j];
                for (int l = 0; l < 3; l++) {
                    cov.set(j, l, cov.get(j, l) + 2 * v[j] * v[l]);
                }
            }
            double weight = fixed == null ? s[i] : fixed[i] / mu2; // E μ_i² = (M/T)·s_i given the total T
            lineCov[0] += weight * alpha[i] * alpha[i];
            lineCov[1] += weight * alpha[i] * beta[i];
            lineCov[2] += weight * beta[i] * beta[i];
            qm += gamma[i];
            qv += 2 * gamma[i] * gamma[i];
        }
        quadMean = qm;
        quadSd = Math.sqrt(qv);
        if (head.length < d) {
            double[] w = new double[3];
            DenseOps.symmetricEigenInPlace(cov, w);
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    tauRoot[j][k] = cov.get(j, k) * Math.sqrt(Math.max(w[k], 0));
                }
            }
        }
    }

    /** The HEAD coordinates with the largest standardised deviation of a or b, or share of Q. */
    private int[] influential(int d) {
        double va = 0, vb = 0, gmax = 0;
        for (int i = 0; i < d; i++) {
            va += (a[i] - meanA) * (a[i] - meanA);
            vb += (b[i] - meanB) * (b[i] - meanB);
            gmax = Math.max(gmax, gamma[i]);
        }
        double sa = va > 0 ? Math.sqrt(va / d) : 1;
        double sb = vb > 0 ? Math.sqrt(vb / d) : 1;
        double sg = gmax > 0 ? gmax : 1;
        double[] score = new double[d];
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
            score[i] = Math.max(Math.max(Math.abs(a[i] - meanA) / sa, Math.abs(b[i] - meanB) / sb), 3 * gamma[i] / sg);
        }
        Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
        int[] out = new int[HEAD];
        for (int k = 0; k < HEAD; k++) {
            out[k] = order[k];
        }
        return out;
    }

    /** The next draw {e1, e2, L1, L2, Q}. */
    double[] next() {
        int h = head.length;
        double[] u = new double[h];
        double sumA = 0, sumB = 0, total = 0;
        for (int k = 0; k < h; k++) {
            int i = head[k];
            u[k] = fixed == null ? normal.sample() : Math.sqrt(fixed[i] / mu2 / s[i]);
            double g = u[k] * u[k];
            sumA += a[i] * g;
            sumB += b[i] * g;
            total += g;
        }
        double tail1 = 0, tail2 = 0, quad = 0;
        if (fixed != null) {
            total = 1; // u_i = √(μ_i²/(M s_i)): Σ u_i² = 1, so μ_i = √(M s_i)·u_i exactly
        } else if (h < s.length) {
            double z0 = normal.sample(), z1 = normal.sample(), z2 = normal.sample();
            sumA += tauMean[0] + tauRoot[0][0] * z0 + tauRoot[0][1] * z1 + tauRoot[0][2] * z2;
            sumB += tauMean[1] + tauRoot[1][0] * z0 + tauRoot[1][1] * z1 + tauRoot[1][2] * z2;
            total += tauMean[2] + tauRoot[2][0] * z0 + tauRoot[2][1] * z1 + tauRoot[2][2] * z2;
        }
        double scale = Math.sqrt(mu2 / total);
        double l1 = 0, l2 = 0;
        for (int k = 0; k < h; k++) {
            int i = head[k];
            double mu = scale * Math.sqrt(s[i]) * u[k];
            double xi = normal.sample();
            l1 += mu * alpha[i] * xi;
            l2 += mu * beta[i] * xi;
            quad += gamma[i] * xi * xi;
        }
        if (h < s.length) {
            // L1, L2 over the tail: Gaussian with covariance (M/T)·Σ_tail s·(α, β)(α, β)ᵀ
            double c11 = lineCov[0] * mu2 / total, c12 = lineCov[1] * mu2 / total, c22 = lineCov[2] * mu2 / total;
            double r11 = Math.sqrt(Math.max(c11, 0));
            double r21 = r11 > 0 ? c12 / r11 : 0;
            double r22 = Math.sqrt(Math.max(c22 - r21 * r21, 0));
            double z3 = normal.sample(), z4 = normal.sample();
            tail1 = r11 * z3;
            tail2 = r21 * z3 + r22 * z4;
            quad += quadMean + quadSd * normal.sample();
        }
        double e1 = fixed == null ? sumA / total - meanA : 0;
        double e2 = fixed == null ? sumB / total - meanB : 0;
        return new double[] {e1, e2, l1 + tail1, l2 + tail2, quad};
    }

    /** The standard deviation of Q, √(2 Σ γ_i²). */
    double quadraticSd() {
        double sum = 0;
        for (double g : gamma) {
            sum += 2 * g * g;
        }
        return Math.sqrt(sum);
    }

    /** E Q = df2 = Σ s_i²/(s_i + κ)². */
    double quadraticMean() {
        double sum = 0;
        for (double g : gamma) {
            sum += g;
        }
        return sum;
    }
}
