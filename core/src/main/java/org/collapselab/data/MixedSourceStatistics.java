package org.collapselab.data;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.spectrum.Spectrum;

/**
 * Exact sufficient statistics of the paper's baseline mixture in one Wishart draw: n1 real and n2 synthetic rows
 * with the same covariance Σ and noise σ, labels y = Xw1 + σε on real rows and y = X(w1 + Δ) + σε on synthetic ones.
 * The fit needs only G = XᵀX and b = Xᵀy = Gw1 + X2ᵀX2Δ + σXᵀε, and X2ᵀX2Δ involves X2 only along one direction:
 * <ol>
 *   <li>Whiten (X = ZΣ^{1/2}, a = Σ^{1/2}Δ) and rotate by the Householder reflection H with Ha = ‖a‖e1 (Z and ZH
 *       have the same law), so X2ᵀX2Δ = ‖a‖·Σ^{1/2}H·Z2ᵀZ2e1.</li>
 *   <li>The first column u of Z gives ‖u1‖² ~ χ²(n1), ‖u2‖² ~ χ²(n2) (real and synthetic parts). The other columns R
 *       split along the orthonormal pair [u1/‖u1‖; 0], [0; u2/‖u2‖] into g_a, g_b ~ N(0, I_{d−1}) and a remainder
 *       with RᵀR − g_ag_aᵀ − g_bg_bᵀ ~ Wishart_{d−1}(n − 2, I) (Bartlett), all independent.</li>
 *   <li>Then ZᵀZ = FᵀF with F = [[‖u1‖, g_aᵀ]; [‖u2‖, g_bᵀ]; [0, M]] (M the Bartlett root), Z2ᵀZ2e1 =
 *       [‖u2‖²; ‖u2‖g_b], and Zᵀε | X ~ N(0, ZᵀZ) is drawn as Fᵀz.</li>
 * </ol>
 * Cost: d²/2 random numbers and one (d−1)³/3 dlauum, whatever n1 and n2 — where drawing the sources apart
 * ({@link SourceStatistics}) costs a second Wishart or n2·d² flops. Needs n1, n2 ≥ 1 and n ≥ d + 1.
 */
public final class MixedSourceStatistics {
    private MixedSourceStatistics() {}

    /** G = XᵀX and b = Xᵀy of one draw. */
    public record Drawn(Matrix gram, double[] xty) {}

    /** True when the joint draw applies: both sources present and n1 + n2 ≥ d + 1. */
    public static boolean applies(int d, long n1, long n2) {
        return n1 >= 1 && n2 >= 1 && n1 + n2 >= d + 1L;
    }

    /** Draws (G, b) for n1 real and n2 synthetic rows, covariance diag(spectrum), teacher w1, shift Δ, noise σ. */
    public static Drawn draw(
            Spectrum spectrum, long n1, long n2, double[] w1, double[] delta, double sigma, RandomGenerator rng) {
        int d = spectrum.dimension();
        if (!applies(d, n1, n2)) {
            throw new IllegalArgumentException("joint draw needs n1, n2 >= 1 and n1 + n2 >= d + 1, got n1 = " + n1
                    + ", n2 = " + n2 + ", d = " + d);
        }
        double[] root = new double[d];
        double[] h = new double[d];
        double an = 0;
        for (int i = 0; i < d; i++) {
            root[i] = Math.sqrt(spectrum.eigenvalue(i));
            h[i] = root[i] * delta[i];
            an += h[i] * h[i];
        }
        an = Math.sqrt(an);
        h[0] -= an; // h ∝ a − ‖a‖e1, so that (I − 2hhᵀ)a = ‖a‖e1
        double hn = Math.sqrt(DenseOps.dot(h, h));
        boolean reflect = an > 0 && hn > 1e-12 * an;
        for (int i = 0; reflect && i < d; i++) {
            h[i] /= hn;
        }
        UniformRandomProvider urp = rng::nextLong;
        double q1 =
                AhrensDieterMarsagliaTsangGammaSampler.of(urp, n1 / 2.0, 2.0).sample();
        double q2 =
                AhrensDieterMarsagliaTsangGammaSampler.of(urp, n2 / 2.0, 2.0).sample();
        double r1 = Math.sqrt(q1);
        double r2 = Math.sqrt(q2);
        double[] ga = gaussians(d - 1, rng);
        double[] gb = gaussians(d - 1, rng);
        Matrix m = SourceStatistics.bartlettFactor(d - 1, n1 + n2 - 2, rng);
        Matrix rest = DenseOps.lowerGramTransposed(m);
        // W = ZᵀZ in the rotated basis.
        Matrix w = Matrix.zeros(d, d);
        double[] wd = w.data();
        double[] rd = rest.data();
        wd[0] = q1 + q2;
        for (int j = 1; j < d; j++) {
            double c = r1 * ga[j - 1] + r2 * gb[j - 1];
            wd[j] = c;
            wd[j * d] = c;
            for (int i = 1; i < d; i++) {
                wd[i + j * d] = rd[(i - 1) + (j - 1) * (d - 1)] + ga[i - 1] * ga[j - 1] + gb[i - 1] * gb[j - 1];
            }
        }
        // t = ‖a‖·Z2ᵀZ2e1 + σ·Fᵀz, still in the rotated basis.
        double za = rng.nextGaussian();
        double zb = rng.nextGaussian();
        double[] zr = gaussians(d - 1, rng);
        DenseOps.lowerTimesVectorInPlace(m, true, zr); // Mᵀz
        double[] t = new double[d];
        t[0] = an * q2 + sigma * (r1 * za + r2 * zb);
        for (int i = 1; i < d; i++) {
            t[i] = an * r2 * gb[i - 1] + sigma * (za * ga[i - 1] + zb * gb[i - 1] + zr[i - 1]);
        }
        if (reflect) {
            reflectBothSides(w, h);
            double ht = 2 * DenseOps.dot(h, t);
            DenseOps.addScaled(t, -ht, h);
        }
        // Back to x-coordinates: G = Σ^{1/2}WΣ^{1/2}, b = Gw1 + Σ^{1/2}t.
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                wd[i + j * d] *= root[i] * root[j];
            }
            t[j] *= root[j];
        }
        double[] b = DenseOps.multiplyVector(w, w1, false, 1.0);
        DenseOps.addScaled(b, 1.0, t);
        return new Drawn(w, b);
    }

    /** W ← HWH with H = I − 2hhᵀ (‖h‖ = 1): W − hqᵀ − qhᵀ with q = 2(Wh − (hᵀWh)h). */
    private static void reflectBothSides(Matrix w, double[] h) {
        int d = h.length;
        double[] p = DenseOps.multiplyVector(w, h, false, 1.0);
        double beta = DenseOps.dot(h, p);
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            q[i] = 2 * (p[i] - beta * h[i]);
        }
        double[] wd = w.data();
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                wd[i + j * d] -= h[i] * q[j] + q[i] * h[j];
            }
        }
    }

    private static double[] gaussians(int k, RandomGenerator rng) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = rng.nextGaussian();
        }
        return g;
    }
}
