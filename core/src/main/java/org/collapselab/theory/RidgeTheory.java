package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalent of the test error of ridge regression trained on a real/synthetic mixture, for a general
 * spectrum Σ (= Σ2), random teacher w1 ~ N(0, I/d) and random shift with E[ΔΔᵀ] = (c²/d)Σ⁻¹.
 *
 * <p>κ &gt; 0 solves κ − λ = κ·df1(κ)/n with df1(κ) = tr Σ(Σ+κ)⁻¹, df2(κ) = tr Σ²(Σ+κ)⁻², g = 1/(1 − df2/n); then
 * <pre>
 *   Bias = κ² (1/d) tr Σ(Σ+κ)⁻² · g
 *   Var  = σ² df2/(n − df2)
 *   ζ    = p2² (c²/d) [df2 + κ² tr(Σ+κ)⁻² (g − 1)] + p2(1 − p2) c² df2/(n − df2)
 * </pre>
 * (labels = clean target w1 + p2Δ plus an x-uncorrelated extra noise of variance p2(1−p2)c²). For λ = 0: κ = 0 when
 * d &lt; n; κ is the positive root of df1(κ) = n when d &gt; n; d = n diverges and is rejected.
 */
public final class RidgeTheory {
    private RidgeTheory() {}

    /** The effective regularisation κ with its solver certificate. */
    public record Kappa(double kappa, int iterations, double residual, boolean converged) {}

    /** Predicted test error of a {@code RIDGE} problem (at the realised synthetic share round(p2·n)/n). */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RIDGE) {
            throw new IllegalArgumentException("RidgeTheory needs a ridge problem, got " + p.model());
        }
        // The realised share n2/n (n2 = round(p2·n)) is what the sampler draws, so the theory uses it too.
        return predict(p.spectrum(), p.n(), (double) p.syntheticCount() / p.n(), p.c2(), p.sigma(), p.lambda());
    }

    /** Same as {@link #predict(Problem)} from raw parameters. */
    public static TheoryResult predict(Spectrum spectrum, long n, double p2, double c2, double sigma, double lambda) {
        Kappa k = solveKappa(spectrum, n, lambda);
        double kappa = k.kappa();
        int d = spectrum.dimension();
        double df2 = 0;
        double trSigmaR2 = 0; // tr Σ(Σ+κ)⁻²
        double trR2 = 0; // tr (Σ+κ)⁻²
        for (int i = 0; i < d; i++) {
            double s = spectrum.eigenvalue(i);
            double r = 1.0 / (s + kappa);
            double r2 = r * r;
            df2 += s * s * r2;
            trSigmaR2 += s * r2;
            trR2 += r2;
        }
        double shrink = 1.0 - df2 / n;
        if (!(shrink > 0)) {
            throw new TheoryException(
                    "ridge test error diverges at d = " + d + ", n = " + n + ", lambda = " + lambda
                            + " (df2/n = " + (df2 / n) + " >= 1)"
                            + (d == n
                                    ? ": use a larger lambda or d != n"
                                    : ": lambda is below what double precision resolves for this spectrum; use a larger lambda"));
        }
        double g = 1.0 / shrink;
        double varFactor = (df2 / n) * g; // df2/(n − df2)
        double kappa2 = kappa * kappa;
        double bias = kappa2 == 0 ? 0 : kappa2 * (trSigmaR2 / d) * g;
        double variance = sigma * sigma * varFactor;
        double zeta = p2 * p2 * (c2 / d) * (df2 + (kappa2 == 0 ? 0 : kappa2 * trR2 * (g - 1)))
                + p2 * (1 - p2) * c2 * varFactor;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("ridge theory overflowed (kappa = " + kappa + ", df2 = " + df2 + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, kappa, k.converged(), k.iterations(), k.residual());
    }

    /**
     * Deterministic equivalent for a FIXED teacher w1 and shift Δ (coordinates in Σ's eigenbasis), c² replaced by
     * ‖Δ‖²_Σ. Expectation over data and noise only. With κ, g, df2 as in {@link #predict(Problem)}:
     * <pre>
     *   Bias = κ² g · w1ᵀΣ(Σ+κ)⁻²w1
     *   Var  = σ² df2/(n − df2)
     *   ζ    = p2² [ΔᵀΣ³(Σ+κ)⁻²Δ + (g − 1) κ² ΔᵀΣ(Σ+κ)⁻²Δ] + p2(1 − p2) ‖Δ‖²_Σ df2/(n − df2)
     *          − 2 p2 [κ w1ᵀΣ(Σ+κ)⁻¹Δ − g κ² w1ᵀΣ(Σ+κ)⁻²Δ]
     * </pre>
     * The last line is the teacher/shift cross term; it vanishes in expectation for independent random w1 and Δ and
     * can make ζ negative when Δ counteracts the ridge shrinkage of w1.
     */
    public static TheoryResult predictFixed(
            Spectrum spectrum, long n, double p2, double sigma, double lambda, double[] w1, double[] delta) {
        int d = spectrum.dimension();
        if (w1.length != d || delta.length != d) {
            throw new org.collapselab.validation.ParameterException(
                    "w1/delta", w1.length + "/" + delta.length, "vectors of length d = " + d);
        }
        Kappa k = solveKappa(spectrum, n, lambda);
        double kappa = k.kappa();
        double kappa2 = kappa * kappa;
        double df2 = 0;
        double biasForm = 0; // w1ᵀΣ(Σ+κ)⁻²w1
        double shiftMain = 0; // ΔᵀΣ³(Σ+κ)⁻²Δ
        double shiftCorr = 0; // ΔᵀΣ(Σ+κ)⁻²Δ
        double shiftNorm = 0; // ‖Δ‖²_Σ
        double cross1 = 0; // w1ᵀΣ(Σ+κ)⁻¹Δ
        double cross2 = 0; // w1ᵀΣ(Σ+κ)⁻²Δ
        for (int i = 0; i < d; i++) {
            double s = spectrum.eigenvalue(i);
            double r = 1.0 / (s + kappa);
            double r2 = r * r;
            df2 += s * s * r2;
            biasForm += s * r2 * w1[i] * w1[i];
            shiftMain += s * s * s * r2 * delta[i] * delta[i];
            shiftCorr += s * r2 * delta[i] * delta[i];
            shiftNorm += s * delta[i] * delta[i];
            cross1 += s * r * w1[i] * delta[i];
            cross2 += s * r2 * w1[i] * delta[i];
        }
        double shrink = 1.0 - df2 / n;
        if (!(shrink > 0)) {
            throw new TheoryException(
                    "ridge test error diverges (df2/n >= 1) at lambda = " + lambda + ", d = n = " + n);
        }
        double g = 1.0 / shrink;
        double varFactor = (df2 / n) * g;
        double bias = kappa2 * g * biasForm;
        double variance = sigma * sigma * varFactor;
        double zeta = p2 * p2 * (shiftMain + (g - 1) * kappa2 * shiftCorr)
                + p2 * (1 - p2) * shiftNorm * varFactor
                - 2 * p2 * (kappa * cross1 - g * kappa2 * cross2);
        return new TheoryResult(
                bias + variance + zeta, bias, variance, zeta, kappa, k.converged(), k.iterations(), k.residual());
    }

    /**
     * Solves κ − λ = κ·df1(κ)/n, written as φ(κ) = 1 − df1(κ)/n − λ/κ = 0 with φ strictly increasing in κ, by safeguarded
     * Newton (bisection fallback) on a proven bracket: [λ, λ + tr Σ/n] for λ &gt; 0; for λ = 0 and d &gt; n the upper end is
     * tr Σ/n and the lower end is found by halving. The residual is |φ(κ)| (dimensionless).
     */
    public static Kappa solveKappa(Spectrum spectrum, long n, double lambda) {
        int d = spectrum.dimension();
        if (lambda == 0) {
            if (d < n) {
                return new Kappa(0, 0, 0, true);
            }
            if (d == n) {
                throw new TheoryException(
                        "ridgeless (lambda = 0) test error diverges at the interpolation threshold d = n = " + n
                                + "; use lambda > 0 or d != n");
            }
        }
        double hi = lambda + spectrum.trace() / n;
        double lo = lambda > 0 ? lambda : hi;
        int halvings = 0;
        if (lambda == 0) {
            while (phi(spectrum, n, 0, lo) >= 0) {
                lo *= 0.5;
                if (++halvings > 2000 || lo == 0) {
                    throw new TheoryException("could not bracket kappa for lambda = 0, d = " + d + ", n = " + n);
                }
            }
        }
        if (lo == hi) {
            return new Kappa(lo, halvings, Math.abs(phi(spectrum, n, lambda, lo)), true);
        }
        // φ is increasing and concave in κ, so Newton from the left end converges monotonically; the bracket guards it.
        ScalarRoot.Root root = ScalarRoot.newton(
                (kappa, out) -> phiAndDerivative(spectrum, n, lambda, kappa, out), lo, hi, lo, 1e-15, 1e-13);
        double kappa = root.x();
        double residual = Math.abs(phi(spectrum, n, lambda, kappa));
        return new Kappa(kappa, root.iterations() + halvings, residual, residual <= 1e-10);
    }

    private static void phiAndDerivative(Spectrum spectrum, long n, double lambda, double kappa, double[] out) {
        double df1 = 0;
        double ddf1 = 0; // −d df1/dκ = Σ s/(s+κ)²
        for (int i = 0, d = spectrum.dimension(); i < d; i++) {
            double s = spectrum.eigenvalue(i);
            double r = 1.0 / (s + kappa);
            df1 += s * r;
            ddf1 += s * r * r;
        }
        out[0] = 1.0 - df1 / n - lambda / kappa;
        out[1] = ddf1 / n + lambda / (kappa * kappa);
    }

    /** φ(κ) = 1 − df1(κ)/n − λ/κ. */
    static double phi(Spectrum spectrum, long n, double lambda, double kappa) {
        double df1 = 0;
        for (int i = 0, d = spectrum.dimension(); i < d; i++) {
            double s = spectrum.eigenvalue(i);
            df1 += s / (s + kappa);
        }
        return 1.0 - df1 / n - lambda / kappa;
    }
}
