package org.collapselab.theory;

import org.collapselab.spectrum.Spectrum;

/**
 * The per-coordinate recursion of second-order deterministic equivalents behind {@code replace} loops of ridge and
 * random projections (docs/generations.md). All second moments are diagonal in Σ's eigenbasis (design, S, w1 and Δ are
 * invariant under coordinate sign flips), so the state of generation k is two vectors: v_i = E e_i² and
 * b_i = E w1_i e_i with e = ŵ_k − w1, while a_i = E w1_i² = 1/d.
 *
 * <p>A generation with synthetic share p fits the target u = w1 + p·e_{k−1} (independent of its fresh design, and
 * of its fresh S) with label noise s² = σ² + p(1−p)·E_{k−1} (the label-source mixing treated as noise, as in
 * {@link RidgeTheory}). With U = a + 2pb + p²v and W = a + pb:
 * <pre>
 *   v_i ← t_i²U_i − 2t_iW_i + a + π_i·h·(Σ_j z_jU_j + s²) + γ_i·Σ_j y_jU_j      b_i ← t_iW_i − a
 *   E_k = Σ_i σ_i v_i
 * </pre>
 * <b>Ridge</b> (κ, R = (Σ+κ)⁻¹): t = ΣR, π = ΣR², z = κ²ΣR², γ = 0, h = 1/(n − df2), from λQ ≃ κR and
 * λ²E[QBQ] ≃ κ²RBR + κ²tr(BΣR²)·ΣR²/(n − df2), E[QΣ̂Q]/n ≃ ΣR²/(n − df2). For λ = 0 and n &gt; d + 1 (OLS)
 * h = 1/(n − d − 1), the exact moment E(XᵀX)⁻¹ = Σ⁻¹/(n − d − 1), so the r = 0 closed form
 * E_t = E_0 + t·σ²d/(n − d − 1) is exact.
 *
 * <p><b>Random projections</b> (θ, κ as in {@link RandomProjectionTheory}, R = (Σ+θ)⁻¹, a_m = m − D1,
 * e = D1 − D2, c = a_m/(a_m + e)): given S the model is ridge in R^m on F = SᵀΣS, and ŵ = S v̂ has mean Pu with
 * P = S(F+κ)⁻¹SᵀΣ = Σ^{-1/2}·Σ̂_m(Σ̂_m + κd/m)⁻¹·Σ^{1/2}, Σ̂_m the sample covariance of the m columns of √d·Σ^{1/2}S,
 * i.e. a ridge resolvent over m samples whose effective penalty is θ. Its second-order equivalent gives
 * t = ΣR, γ = θ²R²/(m − D2), y = Σ²R²; the data part gives π = R − κθ'R² (θ' = d/(m − D2)) with
 * h = 1/(n − df2), and the unexplained target plus the missing-feature noise give z = θΣR(1 − c·ΣR). At generation
 * 0 (shift Δ, E ΔΔᵀ = (c²/d)Σ⁻¹) both reproduce the single-step theories exactly (tested).
 *
 * <p><b>Stability.</b> The part of the step linear in v is M = diag(p²t_i²) + α₁β₁ᵀ + α₂β₂ᵀ with α₁ = hπ,
 * β₁ = p²z + p(1−p)σ, α₂ = γ, β₂ = p²y (b converges on its own at rate p·t_i). Its spectral radius ρ_v is the root
 * μ &gt; max p²t_i² where the 2×2 matrix F(μ)_kl = Σ_i β_k,i α_l,i/(μ − p²t_i²) has spectral radius 1 (max p²t_i²
 * when F ≡ 0). The loop's contraction factor is the spectral radius of the whole block-triangular map on (v, b):
 * ρ = max(ρ_v, p·max t_i) when the fit shrinks (κ or θ &gt; 0); for OLS b stays 0 and ρ = ρ_v =
 * p² + p(1−p)·d·h (p2² + p2·p1·φ/(1 − φ)). O(d) per generation.
 */
final class LoopRecursion {
    /** |ρ − 1| below this is ρ = 1 (e.g. ridgeless random projections without fresh real data, exactly 1). */
    static final double MARGINAL_TOLERANCE = 1e-9;

    private final int d;
    private final double[] sig;
    private final double[] t;
    private final double[] pi;
    private final double[] z;
    private final double[] gamma;
    private final double[] y;
    private final double a;
    private final double sigma2;
    private final double h;
    private final double hDetEq;
    private final boolean shrinks;
    private final boolean sketch; // γ, y nonzero (random projections)

    /** State of one generation: v_i = E e_i², b_i = E w1_i e_i and the error E = Σ σ_i v_i. */
    record State(double[] v, double[] b, double error) {
        /** The state of c·e (a correction toward the truth scales the shift the next labels carry by c = 1 − γ). */
        State scaled(double c) {
            if (c == 1) {
                return this;
            }
            double[] v2 = new double[v.length];
            double[] b2 = new double[b.length];
            for (int i = 0; i < v.length; i++) {
                v2[i] = c * c * v[i];
                b2[i] = c * b[i];
            }
            return new State(v2, b2, c * c * error);
        }
    }

    private LoopRecursion(
            double[] sig,
            double[] t,
            double[] pi,
            double[] z,
            double[] gamma,
            double[] y,
            double sigma,
            double hDetEq,
            double h,
            boolean shrinks) {
        this.d = sig.length;
        this.sig = sig;
        this.t = t;
        this.pi = pi;
        this.z = z;
        this.gamma = gamma;
        this.y = y;
        this.a = 1.0 / d;
        this.sigma2 = sigma * sigma;
        this.hDetEq = hDetEq;
        this.h = h;
        this.shrinks = shrinks;
        this.sketch = java.util.Arrays.stream(gamma).anyMatch(g -> g != 0);
    }

    /** Ridge with effective regularisation κ (generation 0's). */
    static LoopRecursion ridge(Spectrum spectrum, long n, double lambda, double sigma, double kappa) {
        double[] sig = spectrum.eigenvalues();
        int d = sig.length;
        double[] t = new double[d];
        double[] q = new double[d];
        double[] z = new double[d];
        double df2 = 0;
        for (int i = 0; i < d; i++) {
            double r = 1.0 / (sig[i] + kappa);
            t[i] = sig[i] * r;
            q[i] = sig[i] * r * r;
            z[i] = kappa * kappa * q[i];
            df2 += t[i] * t[i];
        }
        if (!(n - df2 > 0)) {
            throw new TheoryException(
                    "ridge loop diverges (df2/n = " + df2 / n + " >= 1) at lambda = " + lambda + ", d = n = " + n);
        }
        double hDetEq = 1.0 / (n - df2);
        double h = lambda == 0 && n > d + 1L ? 1.0 / (n - d - 1.0) : hDetEq;
        return new LoopRecursion(sig, t, q, z, new double[d], new double[d], sigma, hDetEq, h, kappa > 0);
    }

    /** Random projections of width m (fixed point of {@link RandomProjectionTheory#solve}). */
    static LoopRecursion randomProjection(
            Spectrum spectrum, long n, long m, double sigma, RandomProjectionTheory.FixedPoint fp) {
        double[] sig = spectrum.eigenvalues();
        int d = sig.length;
        double theta = fp.theta();
        int q = (int) Math.min(Math.min(m, n), d);
        double d1 = q - fp.gap();
        double d2 = 0;
        double e = 0;
        double[] t = new double[d];
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = 1.0 / (sig[i] + theta);
            t[i] = sig[i] * r[i];
            d2 += t[i] * t[i];
            e += t[i] * theta * r[i];
        }
        double am = (m - q) + fp.gap();
        double an = (n - q) + fp.gap();
        double c = am + e == 0 ? 1 : am / (am + e);
        double df2 = am + e == 0 ? d1 : (d1 * e + am * d2) / (am + e);
        double hS = 1.0 / (am + e); // 1/(m − D2)
        double kappaThetaPrime = theta * c; // κθ' = θ(m − D1)/(m − D2)
        double[] pi = new double[d];
        double[] z = new double[d];
        double[] gamma = new double[d];
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            pi[i] = r[i] - kappaThetaPrime * r[i] * r[i];
            z[i] = theta * t[i] * (1 - c * t[i]);
            gamma[i] = theta * theta * r[i] * r[i] * hS;
            y[i] = t[i] * t[i];
        }
        double denom = an + (am + e == 0 ? 0 : am * e / (am + e)); // n − df2
        if (!(denom > 0) || !Double.isFinite(hS)) {
            throw new TheoryException(
                    "random-projection loop diverges at lambda = 0, n = min(m, d) (df2 = " + df2 + ")");
        }
        double h = 1.0 / denom;
        return new LoopRecursion(sig, t, pi, z, gamma, y, sigma, h, h, theta > 0);
    }

    /** True when the exact finite-n OLS moment is used for generations ≥ 1. */
    boolean exactOls() {
        return h != hDetEq;
    }

    /**
     * Generation 0's state: the single-step fit with shift Δ (E ΔΔᵀ = (c²/d)Σ⁻¹, independent of w1) at share p,
     * with the deterministic-equivalent h, so its error is the single-step theory's.
     */
    State generationZero(double p, double c2) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = c2 / (d * sig[i]);
        }
        return step(new State(v, new double[d], c2), p, hDetEq);
    }

    /** One generation ≥ 1 at synthetic share p. */
    State step(State prev, double p) {
        return step(prev, p, h);
    }

    private State step(State prev, double p, double hh) {
        double[] v0 = prev.v();
        double[] b0 = prev.b();
        double zu = 0;
        double yu = 0;
        for (int i = 0; i < d; i++) {
            double u = a + 2 * p * b0[i] + p * p * v0[i];
            zu += z[i] * u;
            if (sketch) {
                yu += y[i] * u;
            }
        }
        double extra = hh * (zu + sigma2 + p * (1 - p) * prev.error());
        double[] v = new double[d];
        double[] b = new double[d];
        double e = 0;
        for (int i = 0; i < d; i++) {
            double w = a + p * b0[i];
            double u = w + p * b0[i] + p * p * v0[i];
            v[i] = t[i] * t[i] * u - 2 * t[i] * w + a + pi[i] * extra + (sketch ? gamma[i] * yu : 0);
            b[i] = t[i] * w - a;
            e += sig[i] * v[i];
        }
        return new State(v, b, e);
    }

    /** Contraction factor ρ of generations ≥ 1 at synthetic share p, its verdict, and E∞ when it settles. */
    LoopStability stability(double p) {
        return stability(p, 1);
    }

    /**
     * The same when the synthetic labels carry c·e instead of e (a correction of strength γ = 1 − c toward the truth):
     * the part linear in v scales by c² (ρ(γ) = (1 − γ)²ρ(0) for OLS), the cross moment's rate by c.
     */
    LoopStability stability(double p, double c) {
        double c2 = c * c;
        double[] diag = new double[d];
        double[][] alpha = new double[2][d];
        double[][] beta = new double[2][d];
        double maxD = 0;
        double mass = 0;
        double maxT = 0;
        for (int i = 0; i < d; i++) {
            diag[i] = c2 * p * p * t[i] * t[i];
            alpha[0][i] = h * pi[i];
            beta[0][i] = c2 * (p * p * z[i] + p * (1 - p) * sig[i]);
            alpha[1][i] = gamma[i];
            beta[1][i] = c2 * p * p * y[i];
            maxD = Math.max(maxD, diag[i]);
            maxT = Math.max(maxT, t[i]);
            mass += (alpha[0][i] + alpha[1][i]) * (beta[0][i] + beta[1][i]);
        }
        double rho = maxD;
        if (mass > 0) {
            // 1 − ρ(F(μ)) increases from −∞ on (maxD, ∞); ρ(F(maxD + mass)) ≤ 1 brackets the root.
            double hi = maxD + mass;
            int rank = sketch ? 2 : 1;
            rho = ScalarRoot.newton(
                            (mu, out) -> perronDefect(rank, diag, alpha, beta, mu, out), maxD, hi, hi, 1e-15, 1e-14)
                    .x();
        }
        if (shrinks) {
            rho = Math.max(rho, c * p * maxT); // the cross moment b is excited only when the fit shrinks
        }
        String rhoText = Double.toString(Math.round(rho * 1e6) / 1e6); // String.format costs more than the recursion
        if (Math.abs(rho - 1) <= MARGINAL_TOLERANCE) {
            return new LoopStability(
                    LoopStability.Status.MARGINAL,
                    rho,
                    Double.NaN,
                    "marginal (contraction factor rho = 1: nothing contracts the error, e.g. no fresh real data and no "
                            + "shrinkage): grows linearly without bound");
        }
        if (rho < 1) {
            return new LoopStability(
                    LoopStability.Status.STABLE,
                    rho,
                    stationaryError(p * c, diag, alpha, beta),
                    "stable (contraction factor rho = " + rhoText + " < 1): converges geometrically to E_inf");
        }
        return new LoopStability(
                LoopStability.Status.DIVERGENT,
                rho,
                Double.NaN,
                "divergent (contraction factor rho = " + rhoText + " > 1): grows geometrically without bound");
    }

    /** out[0] = 1 − ρ(F(μ)) for the 2×2 nonnegative F(μ)_kl = Σ β_k α_l/(μ − D), out[1] its μ-derivative. */
    private static void perronDefect(
            int rank, double[] diag, double[][] alpha, double[][] beta, double mu, double[] out) {
        double[] f = new double[4];
        double[] df = new double[4];
        for (int i = 0; i < diag.length; i++) {
            double inv = 1.0 / (mu - diag[i]);
            for (int k = 0; k < rank; k++) {
                for (int l = 0; l < rank; l++) {
                    double x = beta[k][i] * alpha[l][i] * inv;
                    f[2 * k + l] += x;
                    df[2 * k + l] -= x * inv;
                }
            }
        }
        double diff = f[0] - f[3];
        double root = Math.sqrt(diff * diff + 4 * f[1] * f[2]);
        double perron = 0.5 * (f[0] + f[3] + root);
        double dRoot = root == 0 ? 0 : (diff * (df[0] - df[3]) + 2 * (df[1] * f[2] + f[1] * df[2])) / root;
        out[0] = 1 - perron;
        out[1] = -0.5 * (df[0] + df[3] + dRoot);
    }

    /**
     * Fixed point of the step (valid when ρ &lt; 1): b* = (t − 1)a/(1 − pt); v* = (I − D)⁻¹(c + α₁S₁ + α₂S₂) with c
     * the part of the step not involving v and S_k = β_kᵀv*, a 2×2 linear system. {@code p} is the share times the
     * carried fraction of the shift (p·(1 − γ)); diag and β already carry (1 − γ)².
     */
    private double stationaryError(double p, double[] diag, double[][] alpha, double[][] beta) {
        double zu = 0;
        double yu = 0;
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            b[i] = (t[i] - 1) * a / (1 - p * t[i]);
            zu += z[i] * (a + 2 * p * b[i]);
            yu += y[i] * (a + 2 * p * b[i]);
        }
        double extra = h * (zu + sigma2);
        double[] c = new double[d];
        double[] m = new double[4]; // I − [β_kᵀ(I−D)⁻¹α_l]
        double[] rhs = new double[2];
        for (int i = 0; i < d; i++) {
            double w = a + p * b[i];
            double inv = 1.0 / (1 - diag[i]);
            c[i] = (t[i] * t[i] * (w + p * b[i]) - 2 * t[i] * w + a + pi[i] * extra + gamma[i] * yu) * inv;
            for (int k = 0; k < 2; k++) {
                rhs[k] += beta[k][i] * c[i];
                for (int l = 0; l < 2; l++) {
                    m[2 * k + l] -= beta[k][i] * alpha[l][i] * inv;
                }
            }
        }
        m[0] += 1;
        m[3] += 1;
        double det = m[0] * m[3] - m[1] * m[2];
        double s1 = (rhs[0] * m[3] - m[1] * rhs[1]) / det;
        double s2 = (m[0] * rhs[1] - m[2] * rhs[0]) / det;
        double e = 0;
        for (int i = 0; i < d; i++) {
            e += sig[i] * (c[i] + (alpha[0][i] * s1 + alpha[1][i] * s2) / (1 - diag[i]));
        }
        return e;
    }
}
