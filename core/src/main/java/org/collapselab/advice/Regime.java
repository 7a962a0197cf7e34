package org.collapselab.advice;

import java.util.List;
import org.collapselab.problem.ModelKind;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * What a practitioner has: n1 real rows x ~ N(0, Σ1) with noise σ1, a pool of n2 synthetic rows x ~ N(0, Σ2) with
 * noise σ2 whose labels come from w2 = w1 + Δ, ‖Δ‖²_Σ1 = c², and a model family (ridge, or random projections with
 * one of the given widths). Input of {@link Advisor#advise(Regime)}; every field is validated here.
 *
 * @param model ridge or rp
 * @param real eigenvalues of Σ1 (length d)
 * @param synthetic eigenvalues of Σ2 in Σ1's basis, or null for Σ2 = Σ1
 * @param realRows n1 ≥ 1
 * @param syntheticRows n2 ≥ 0 (the pool; a recipe uses k ≤ n2 of them)
 * @param sigmaReal σ1 ≥ 0
 * @param sigmaSynthetic σ2 ≥ 0
 * @param c2 c² = ‖w2 − w1‖²_Σ1 ≥ 0
 * @param widths candidate widths m for rp (empty for ridge)
 * @param signal E‖w1‖²_Σ1, the variance of the clean real label xᵀw1; the theory's teacher is w1 ~ N(0, τ²I/d) with
 *     τ² = signal·d/tr Σ1 (the bias scales with τ²); NaN or the 9-argument constructor give tr Σ1/d, i.e. τ² = 1
 */
public record Regime(
        ModelKind model,
        Spectrum real,
        Spectrum synthetic,
        long realRows,
        long syntheticRows,
        double sigmaReal,
        double sigmaSynthetic,
        double c2,
        List<Long> widths,
        double signal) {
    /** A regime with the theory's default teacher scale (signal = tr Σ1/d). */
    public Regime(
            ModelKind model,
            Spectrum real,
            Spectrum synthetic,
            long realRows,
            long syntheticRows,
            double sigmaReal,
            double sigmaSynthetic,
            double c2,
            List<Long> widths) {
        this(model, real, synthetic, realRows, syntheticRows, sigmaReal, sigmaSynthetic, c2, widths, Double.NaN);
    }

    public Regime {
        if (model == null) {
            throw new ParameterException("model", null, "one of ridge, rp");
        }
        if (real == null) {
            throw new ParameterException("spectrum", null, "a spectrum");
        }
        if (synthetic != null && synthetic.dimension() != real.dimension()) {
            throw new ParameterException(
                    "syntheticSpectrum",
                    "dimension " + synthetic.dimension(),
                    "of the same dimension as the real spectrum (d = " + real.dimension() + ")");
        }
        if (synthetic != null && synthetic.equals(real)) {
            synthetic = null;
        }
        if (realRows < 1 || realRows > 1_000_000_000_000L) {
            throw new ParameterException("realRows", realRows, "an integer in [1, 1e12]");
        }
        if (syntheticRows < 0 || syntheticRows > 1_000_000_000_000L) {
            throw new ParameterException("syntheticRows", syntheticRows, "an integer in [0, 1e12]");
        }
        requireNonNegative("sigmaReal", sigmaReal);
        requireNonNegative("sigmaSynthetic", sigmaSynthetic);
        requireNonNegative("c2", c2);
        org.collapselab.problem.Problem.requireAtMost(
                "sigmaReal", sigmaReal, org.collapselab.problem.Problem.MAX_SCALE);
        org.collapselab.problem.Problem.requireAtMost(
                "sigmaSynthetic", sigmaSynthetic, org.collapselab.problem.Problem.MAX_SCALE);
        org.collapselab.problem.Problem.requireAtMost("c2", c2, org.collapselab.problem.Problem.MAX_C2);
        widths = widths == null ? List.of() : List.copyOf(widths);
        if (model == ModelKind.RANDOM_PROJECTION && widths.isEmpty()) {
            throw new ParameterException("widths", "none", "at least one width m >= 1 for model rp");
        }
        for (long m : widths) {
            if (m < 1 || m > 1_000_000_000_000L) {
                throw new ParameterException("widths", m, "integers in [1, 1e12]");
            }
        }
        if (Double.isNaN(signal)) {
            signal = real.trace() / real.dimension();
        }
        requireNonNegative("signal", signal);
        org.collapselab.problem.Problem.requireAtMost("signal", signal, org.collapselab.problem.Problem.MAX_C2);
    }

    /** τ² = signal·d/tr Σ1, the factor on the theory's bias (1 for the default teacher). */
    public double teacherScale() {
        return signal * real.dimension() / real.trace();
    }

    /** Ridge regime. */
    public static Regime ridge(
            Spectrum real, Spectrum synthetic, long n1, long n2, double sigmaReal, double sigmaSynthetic, double c2) {
        return new Regime(ModelKind.RIDGE, real, synthetic, n1, n2, sigmaReal, sigmaSynthetic, c2, List.of());
    }

    /** Σ2 (Σ1 itself unless a different one was given). */
    public Spectrum effectiveSynthetic() {
        return synthetic == null ? real : synthetic;
    }

    /** True when the synthetic source differs from the real one only in its labels' teacher (Σ2 = Σ1, σ2 = σ1). */
    public boolean sameSources() {
        return synthetic == null && sigmaSynthetic == sigmaReal;
    }

    private static void requireNonNegative(String field, double v) {
        if (!(v >= 0 && v < Double.MAX_VALUE)) {
            throw new ParameterException(field, v, "finite and >= 0");
        }
    }
}
