package org.collapselab.advice;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.ScalarMinimum;
import org.collapselab.theory.SketchedTwoSourceTheory;
import org.collapselab.theory.TheoryResult;
import org.collapselab.theory.TwoSourceRidgeTheory;

/**
 * The paper's mitigation (Dohmatob et al., ICLR 2025, §5, Corollary 2): weighted mixing with weight (1−α)/p1 on each real row and α/p2 on
 * each synthetic row. In this project's parametrisation that is the relative weight A = α p1/((1−α) p2) and the
 * penalty λ p1/(1−α) (the loss is divided by (1−α)/p1); α = p2 is the naive mix (A = 1), α = 0 real-only. The exact
 * curve is {@link TwoSourceRidgeTheory}; α* is its 1-D minimiser. Also the two first-order formulas: the
 * transcribed one (the paper's §5) and the one that follows from the exact theory as φ = d/n → 0 (the exact two-source theory, TwoSourceRidgeTheory):
 * <pre>
 *   transcribed: E ≈ p2² α² c² + ((1−α) p1 σ1² + α p2 σ2²) φ
 *   derived:     E ≈ α² c² + φ [ (1−α)² (σ1² + α² c²)/p1 + α² (σ2² + (1−α)² c²)/p2 + 2α²(1−α)(p2−α) c²/(p1 p2) ]
 * </pre>
 * (derived from the exact two-source theory with Σ2 = Σ1, σ's per source, λ = 0: the effective synthetic share is
 * ū = α + φ α(1−α)(p2−α)/(p1 p2) + O(φ²), which gives the last term; it vanishes for the naive mix α = p2, where the
 * formula is the paper's p2²c² + φ(σ² + p1p2c²)). The transcribed formula disagrees with the exact theory at order 1
 * whenever α c² &gt; 0 (plateau p2²α²c² instead of α²c²) and at order φ at α = 0 (p1σ1²φ instead of σ1²φ/p1).
 */
public final class Mitigation {
    private Mitigation() {}

    /** The relative weight A of a synthetic row for mixing weight α ∈ [0, 1) and shares p1, p2. */
    public static double relativeWeight(double alpha, double p1, double p2) {
        return alpha == 0 ? 0 : alpha * p1 / ((1 - alpha) * p2);
    }

    /**
     * Exact (deterministic-equivalent) error of the α-weighted mix: n rows, n2 = round(p2 n) synthetic, Σ2 = Σ1
     * unless given, penalty λ on the paper's loss Σ_k w_k (1/n) Σ_{rows of k} r² + λ‖w‖²; ridge.
     */
    public static TheoryResult exact(
            Spectrum real,
            Spectrum synthetic,
            long n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda,
            double alpha) {
        return exact(real, synthetic, n, p2, c2, sigma1, sigma2, lambda, alpha, 0);
    }

    /**
     * The same for ridge ({@code width} = 0, {@link TwoSourceRidgeTheory}) or random projections of that width
     * ({@link SketchedTwoSourceTheory}; the loss scaling is the same, with the penalty on the sketched weights).
     */
    public static TheoryResult exact(
            Spectrum real,
            Spectrum synthetic,
            long n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda,
            double alpha,
            long width) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new org.collapselab.validation.ParameterException("alpha", alpha, "in [0, 1)");
        }
        long n2 = Math.round(p2 * n);
        long n1 = n - n2;
        double q1 = (double) n1 / n;
        double q2 = (double) n2 / n;
        double a = q2 == 0 ? 0 : relativeWeight(alpha, q1, q2);
        double penalty = lambda * q1 / (1 - alpha);
        if (width > 0) {
            return SketchedTwoSourceTheory.predict(real, synthetic, n1, n2, width, c2, sigma1, sigma2, a, penalty);
        }
        return TwoSourceRidgeTheory.predict(
                real, synthetic == null ? real : synthetic, n1, n2, c2, sigma1, sigma2, a, penalty);
    }

    /** Exact error at each α of {@code alphas} (ridge: width 0; else random projections of that width). */
    public static double[] curve(
            Spectrum real,
            Spectrum synthetic,
            long n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda,
            double[] alphas,
            long width) {
        double[] e = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            e[i] = exact(real, synthetic, n, p2, c2, sigma1, sigma2, lambda, alphas[i], width)
                    .testError();
        }
        return e;
    }

    /** α* minimising the exact ridge error on [0, 0.999] and the error there. */
    public static ScalarMinimum.Min optimalAlpha(
            Spectrum real,
            Spectrum synthetic,
            long n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda) {
        return optimalAlpha(real, synthetic, n, p2, c2, sigma1, sigma2, lambda, 0);
    }

    /** α* for ridge (width 0) or random projections of that width. */
    public static ScalarMinimum.Min optimalAlpha(
            Spectrum real,
            Spectrum synthetic,
            long n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda,
            long width) {
        ScalarMinimum.Min m = ScalarMinimum.minimize(
                a -> exact(real, synthetic, n, p2, c2, sigma1, sigma2, lambda, a, width)
                        .testError(),
                0,
                0.999,
                41,
                1e-7);
        double atZero;
        try {
            atZero = exact(real, synthetic, n, p2, c2, sigma1, sigma2, lambda, 0, width)
                    .testError();
        } catch (org.collapselab.theory.TheoryException e) {
            atZero = Double.POSITIVE_INFINITY; // real-only at its interpolation threshold
        }
        return atZero <= m.value() ? new ScalarMinimum.Min(0, atZero) : m;
    }

    /**
     * The n → ∞ ridgeless plateau of a fixed α: the population weighted solution has w − w1 = ((1−α)Σ1 + αΣ2)⁻¹αΣ2Δ,
     * so E∞ = (c²/d) Σ_i (α s2_i/(α s2_i + (1−α) s1_i))²; exactly α²c² when Σ2 = Σ1, and larger or smaller under
     * covariate shift.
     */
    public static double plateau(Spectrum real, Spectrum synthetic, double c2, double alpha) {
        Spectrum syn = synthetic == null ? real : synthetic;
        int d = real.dimension();
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double u = alpha * syn.eigenvalue(i) / (alpha * syn.eigenvalue(i) + (1 - alpha) * real.eigenvalue(i));
            sum += u * u;
        }
        return c2 * sum / d;
    }

    /** The transcribed first-order formula p2²α²c² + ((1−α)p1σ1² + αp2σ2²)φ (the paper's §5). */
    public static double firstOrderTranscribed(
            double alpha, double p2, double c2, double sigma1, double sigma2, double phi) {
        double p1 = 1 - p2;
        return p2 * p2 * alpha * alpha * c2 + ((1 - alpha) * p1 * sigma1 * sigma1 + alpha * p2 * sigma2 * sigma2) * phi;
    }

    /** The first-order (φ → 0) expansion of the exact theory (the exact two-source theory expanded; see the class comment). */
    public static double firstOrderDerived(
            double alpha, double p2, double c2, double sigma1, double sigma2, double phi) {
        double p1 = 1 - p2;
        double b = 1 - alpha;
        return alpha * alpha * c2
                + phi
                        * (b * b * (sigma1 * sigma1 + alpha * alpha * c2) / p1
                                + (p2 == 0
                                        ? 0
                                        : alpha * alpha * (sigma2 * sigma2 + b * b * c2) / p2
                                                + 2 * alpha * alpha * b * (p2 - alpha) * c2 / (p1 * p2)));
    }
}
