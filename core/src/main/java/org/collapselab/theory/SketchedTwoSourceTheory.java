package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Random projections trained on two different sources: n1 real rows x ~ N(0, Σ1), y = xᵀw1 + σ1ε and n2 synthetic
 * rows x ~ N(0, Σ2), y = xᵀ(w1 + Δ) + σ2ε with weight A, v̂ = argmin (1/n)[Σ_real r² + A Σ_syn r²] + λ‖v‖² on
 * z = Sᵀx (S ∈ R^{d×m}, iid N(0, 1/d)), ŵ = Sv̂, E = ‖ŵ − w1‖²_Σ1 averaged over data, noise, w1 ~ N(0, I/d),
 * Δ (E ΔΔᵀ = Ω = (c²/d)Σ1⁻¹) and S. Σ1, Σ2 diagonal in one basis.
 *
 * <p><b>Derivation.</b> Conditionally on S, ŵ is ridge in x-space with the penalty λ wᵀ(SSᵀ)⁺w restricted to
 * range(S); in x-space both teachers are exactly linear (no unseen part) and w1, Δ stay independent with their
 * original laws. A generalised ridge penalty λL is ordinary ridge after w → L^{1/2}w, and every formula of
 * {@link TwoSourceRidgeTheory} is a trace invariant under that change, so they hold with its resolvent replaced by
 * Q_S = S(SᵀD̃S + κ)⁻¹Sᵀ (D̃ = p1Σ1 + p2rΣ2) and the bias κ²tr N/d by (1/d)tr(ΠᵀB Π), Π = I − Q_S D̃. Over S (the
 * Gaussian-sketch equivalent, as in {@link RandomProjectionTheory}): Q_S ≍ (D̃ + θ)⁻¹ with κ = θ(m − D1)/d,
 * D1 = tr D̃(D̃+θ)⁻¹, so the pencil becomes, with T_k = tr Σ_k(D̃+θ)⁻¹,
 * <pre>
 *   θ (m − D1)(1 − T1/n) = λ d          r (1 − T1/n + A T2/n) = A
 * </pre>
 * Second order comes from differentiating that first-order equivalent along a diagonal perturbation D̃ → D̃ + tB at
 * fixed κ (θ' = θ² u(B)/(θ(a_m + e)) by implicit differentiation): with R = (D̃+θ)⁻¹, u(B) = θ tr BR²,
 * e = u(D̃), a_m = m − D1,
 * <pre>
 *   tr(A Q_S B Q_S) ≍ tr(A B R²) + u(A) u(B)/(a_m + e)        (1/d) tr(ΠᵀBΠ) ≍ θ m tr(B R²) θ/(d (a_m + e))
 * </pre>
 * (the second: the three terms of tr B − 2tr BQ_SD̃ + tr D̃Q_SBQ_SD̃ sum to it exactly). These give b, G, ε̃, N and
 * Bias, Var, ζ of {@link TwoSourceRidgeTheory} term by term. At Σ2 = Σ1 this is {@link WeightedRandomProjectionTheory}
 * (θ here = c·θ there, c = p1 + p2r) and at A = 1 also {@link RandomProjectionTheory} (tested to 1e-9).
 *
 * <p><b>Solver</b> ({@link SketchedPencil}, O(d) per evaluation): for λ &gt; 0 a joint Newton step on both equations
 * ({@link SketchedNewton}); near λ → 0, at λ = 0, or if that fails, nested solves — for fixed r, θ's λ → 0 limit θ₀
 * is the largest of 0, the root of D1 = m (m &lt; d) and the root of T1 = n (if T1(0) &gt; n), by safeguarded Newton
 * in log θ; θ = θ₀ + ε with the gaps m − D1 and 1 − T1/n evaluated from θ₀ without cancellation; r by a bracketed
 * regula falsi in log r. Diverges ({@link TheoryException}) where det(I − G) ≤ 0, the interpolation threshold of
 * the weighted sketched problem. {@link TheoryResult#effectiveRegularization()} reports θ.
 */
public final class SketchedTwoSourceTheory {

    private SketchedTwoSourceTheory() {}

    /** Predicted error of an rp problem with the mix estimator (Σ2, σ2, A free), at n2 = round(p2·n). */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RANDOM_PROJECTION) {
            throw new TheoryException("SketchedTwoSourceTheory needs a random-projection (rp) problem, got "
                    + p.model().key());
        }
        return predict(
                p.spectrum(),
                p.effectiveSyntheticSpectrum(),
                p.realCount(),
                p.syntheticCount(),
                p.m(),
                p.c2(),
                p.sigma(),
                p.syntheticSigma(),
                p.syntheticWeight(),
                p.lambda());
    }

    /**
     * Same from raw parameters (n1 real rows, n2 synthetic rows, width m, weight A per synthetic row); Σ2 = null or
     * equal to Σ1 goes to {@link WeightedRandomProjectionTheory} (the same numbers, its finer solver).
     */
    public static TheoryResult predict(
            Spectrum real,
            Spectrum synthetic,
            long n1,
            long n2,
            long m,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        if (synthetic == null || synthetic.equals(real)) {
            return WeightedRandomProjectionTheory.predict(real, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
        }
        return general(real, synthetic, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
    }

    /** The general formulas for any Σ2 (also Σ2 = Σ1, where the reduction test compares them). */
    static TheoryResult general(
            Spectrum real,
            Spectrum synthetic,
            long n1,
            long n2,
            long m,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        double[] s1 = real.eigenvalues();
        double[] s2 = synthetic.eigenvalues();
        int d = s1.length;
        long n = n1 + n2;
        double p1 = (double) n1 / n;
        double p2 = (double) n2 / n;
        long rows = weight == 0 ? n1 : n;
        if (rows == 0) {
            throw new TheoryException("no row carries weight (n1 = 0 and synthetic weight 0)");
        }
        if (lambda == 0 && rows == Math.min(m, d)) {
            throw new TheoryException(
                    "random-projection test error diverges: lambda = 0 at weighted rows = min(m, d) = " + rows
                            + "; use lambda > 0 or move m or n off it");
        }
        SketchedPencil.Solution sol = SketchedPencil.solve(s1, s2, p1, p2, n, m, weight, lambda);
        double theta = sol.theta();
        double r = sol.ratio();
        double[] rr = new double[d]; // R_i = 1/(D̃_i + θ)
        double e = 0;
        for (int i = 0; i < d; i++) {
            double dt = p1 * s1[i] + p2 * r * s2[i];
            rr[i] = 1 / (dt + theta);
            e += theta * dt * rr[i] * rr[i];
        }
        double den = sol.gapM() + e; // a_m + e
        Traces t = new Traces(rr, theta, den);
        double g11 = t.quadratic(s1, s1);
        double g12 = t.quadratic(s1, s2);
        double g22 = t.quadratic(s2, s2);
        double w1 = p1;
        double w2 = p2 * r * r;
        double[] eps = TwoSourceRidgeTheory.epsilons(g11, g12, g22, w1, w2, n);
        if (eps == null) {
            throw new TheoryException(
                    "random-projection two-source test error diverges (interpolation threshold of the "
                            + "weighted problem): lambda = " + lambda + ", m = " + m + ", d = " + d + ", n1 = " + n1
                            + ", n2 = " + n2
                            + ", A = " + weight);
        }
        double e1 = eps[0];
        double e2 = eps[1];
        double[] beff = new double[d];
        double[] shift = new double[d]; // Σ2 Ω Σ2
        double shiftNoise = 0;
        double shiftCorr = 0;
        for (int i = 0; i < d; i++) {
            double omega = c2 / (d * s1[i]);
            beff[i] = s1[i] * (1 + w1 * e1) + w2 * e2 * s2[i];
            shift[i] = s2[i] * s2[i] * omega;
            shiftNoise += s2[i] * omega;
            shiftCorr += shift[i] * rr[i];
        }
        double bias = theta == 0 ? 0 : theta * m * t.weighted(beff) * theta / (d * den);
        double variance = sigma1 * sigma1 * w1 * e1 + sigma2 * sigma2 * w2 * e2;
        double zeta = w2 * e2 * shiftNoise + p2 * w2 * t.quadratic(shift, beff) - 2 * p2 * w2 * r * e2 * shiftCorr;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException(
                    "random-projection two-source theory overflowed (theta = " + theta + ", r = " + r + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, theta, sol.converged(), sol.iterations(), sol.residual());
    }

    /** The sketch's second-order traces at the solution: R = (D̃+θ)⁻¹ as a vector, θ and a_m + e. */
    private record Traces(double[] rr, double theta, double den) {
        /** tr(B R²). */
        double weighted(double[] b) {
            double v = 0;
            for (int i = 0; i < rr.length; i++) {
                v += b[i] * rr[i] * rr[i];
            }
            return v;
        }

        /** tr(A Q_S B Q_S) ≍ tr(A B R²) + u(A) u(B)/(a_m + e), u(X) = θ tr(X R²). */
        double quadratic(double[] a, double[] b) {
            double ab = 0;
            for (int i = 0; i < rr.length; i++) {
                ab += a[i] * b[i] * rr[i] * rr[i];
            }
            if (theta == 0 || den == 0) {
                return ab;
            }
            return ab + theta * weighted(a) * theta * weighted(b) / den;
        }
    }
}
