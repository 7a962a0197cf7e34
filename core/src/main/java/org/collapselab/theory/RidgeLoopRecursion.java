package org.collapselab.theory;

import org.collapselab.spectrum.Spectrum;

/**
 * The per-coordinate recursion of second-order deterministic equivalents behind ridge under {@code replace}
 * (beyond.md §2). All second moments are diagonal in Σ's eigenbasis (the design is invariant under coordinate sign
 * flips, and so are w1 and Δ), so the state of generation k is two vectors: v_i = E e_i² and b_i = E w1_i e_i with
 * e = ŵ_k − w1, while a_i = E w1_i² = 1/d.
 *
 * <p>One generation with synthetic share p trains on the target u = w1 + p·e_{k−1} plus noise of variance
 * s² = σ² + p(1−p)·E_{k−1} (the mixture's label-source noise, as in {@link RidgeTheory}); ridge gives
 * e_k = (I − λQ)u − w1 + QXᵀξ/n. With κ, R = (Σ+κ)⁻¹, t = ΣR, q = ΣR², U = a + 2pb + p²v, W = a + pb,
 * the first-order equivalent λQ ≃ κR and the second-order one
 * λ²E[QBQ] ≃ κ²RBR + κ²tr(BΣR²)·ΣR²/(n − df2), E[QΣ̂Q]/n ≃ ΣR²/(n − df2):
 * <pre>
 *   v_i ← t_i²U_i − 2t_iW_i + a + q_i·h·(κ²Σ_j q_jU_j + s²)      b_i ← t_iW_i − a      E_k = Σ_i σ_i v_i
 * </pre>
 * with h = 1/(n − df2). For λ = 0 and n &gt; d + 1 (κ = 0, OLS) h = 1/(n − d − 1), the exact Gaussian-design moment
 * E(XᵀX)⁻¹ = Σ⁻¹/(n − d − 1), which makes the r = 0 closed form E_t = E_0 + t·σ²d/(n − d − 1) exact. O(d) per step.
 *
 * <p>The part of the step linear in v is M = diag(p²t_i²) + α βᵀ with α_i = h q_i, β_j = p²κ²q_j + p(1−p)σ_j
 * (b converges on its own at rate p·t_i); its spectral radius ρ_v is max p²t_i² when αβ = 0 and otherwise the root
 * μ &gt; max p²t_i² of the secular equation Σ α_iβ_i/(μ − p²t_i²) = 1. The loop's contraction factor is the spectral
 * radius of the whole (block-triangular) map on (v, b): ρ = max(ρ_v, p·max t_i) when κ &gt; 0; for κ = 0 (OLS) b stays
 * 0, so ρ = ρ_v = p² + p(1−p)·d·h (beyond.md §2: p2² + p2·p1·φ/(1 − φ)).
 */
final class RidgeLoopRecursion {
  private final int d;
  private final double[] sig;
  private final double[] t;
  private final double[] q;
  private final double kappa2;
  private final double a;
  private final double sigma2;
  private final double h;
  private final double hDetEq;

  /** State of one generation: v_i = E e_i², b_i = E w1_i e_i and the error E = Σ σ_i v_i. */
  record State(double[] v, double[] b, double error) {
  }

  RidgeLoopRecursion(Spectrum spectrum, long n, double lambda, double sigma, double kappa) {
    d = spectrum.dimension();
    sig = spectrum.eigenvalues();
    t = new double[d];
    q = new double[d];
    double df2 = 0;
    for (int i = 0; i < d; i++) {
      double r = 1.0 / (sig[i] + kappa);
      t[i] = sig[i] * r;
      q[i] = sig[i] * r * r;
      df2 += t[i] * t[i];
    }
    if (!(n - df2 > 0)) {
      throw new TheoryException("ridge loop diverges (df2/n = " + df2 / n + " >= 1) at lambda = " + lambda
          + ", d = n = " + n);
    }
    kappa2 = kappa * kappa;
    a = 1.0 / d;
    sigma2 = sigma * sigma;
    hDetEq = 1.0 / (n - df2);
    h = lambda == 0 && n > d + 1L ? 1.0 / (n - d - 1.0) : hDetEq;
  }

  /** True when the exact finite-n OLS moment is used for generations ≥ 1. */
  boolean exactOls() {
    return h != hDetEq;
  }

  /**
   * Generation 0's state: the single-step fit with shift Δ (E ΔΔᵀ = (c²/d)Σ⁻¹, independent of w1) at share p,
   * with the deterministic-equivalent h, so its error is exactly {@link RidgeTheory#predict}'s.
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
    double tau = 0;
    for (int i = 0; i < d; i++) {
      tau += q[i] * (a + 2 * p * b0[i] + p * p * v0[i]);
    }
    double extra = hh * (kappa2 * tau + sigma2 + p * (1 - p) * prev.error());
    double[] v = new double[d];
    double[] b = new double[d];
    double e = 0;
    for (int i = 0; i < d; i++) {
      double w = a + p * b0[i];
      double u = w + p * b0[i] + p * p * v0[i];
      v[i] = t[i] * t[i] * u - 2 * t[i] * w + a + q[i] * extra;
      b[i] = t[i] * w - a;
      e += sig[i] * v[i];
    }
    return new State(v, b, e);
  }

  /** Contraction factor ρ of generations ≥ 1 at synthetic share p, its verdict, and E∞ when it settles. */
  LoopStability stability(double p) {
    double maxD = 0;
    double mass = 0; // Σ α_i β_i
    double maxT = 0;
    double[] diag = new double[d];
    double[] ab = new double[d];
    for (int i = 0; i < d; i++) {
      diag[i] = p * p * t[i] * t[i];
      ab[i] = h * q[i] * (p * p * kappa2 * q[i] + p * (1 - p) * sig[i]);
      maxD = Math.max(maxD, diag[i]);
      mass += ab[i];
      maxT = Math.max(maxT, t[i]);
    }
    double rho = maxD;
    if (mass > 0) {
      // 1 − F(μ), F(μ) = Σ α_iβ_i/(μ − D_i), increases and is concave on (maxD, ∞) from −∞; F(maxD + mass) ≤ 1
      // brackets the root. Safeguarded Newton from the right end.
      double hi = maxD + mass;
      rho = ScalarRoot.newton((mu, out) -> secular(diag, ab, mu, out), maxD, hi, hi, 1e-15, 1e-14).x();
    }
    if (kappa2 > 0) {
      rho = Math.max(rho, p * maxT); // the cross moment b is excited only when ridge shrinks (κ > 0)
    }
    String rhoText = String.format(java.util.Locale.ROOT, "%.6g", rho);
    if (rho < 1 && maxD < 1) {
      double einf = stationaryError(p);
      return new LoopStability(LoopStability.Status.STABLE, rho, einf,
          "stable (contraction factor rho = " + rhoText + " < 1): converges geometrically to E_inf");
    }
    if (rho == 1 && mass == 0) {
      return new LoopStability(LoopStability.Status.MARGINAL, rho, Double.NaN,
          "marginal (rho = 1, no fresh real data, no shrinkage): grows linearly without bound");
    }
    return new LoopStability(LoopStability.Status.DIVERGENT, rho, Double.NaN,
        "divergent (contraction factor rho = " + rhoText + " >= 1): grows without bound");
  }

  /** out[0] = 1 − F(μ) and its derivative Σ α_iβ_i/(μ − D_i)². */
  private static void secular(double[] diag, double[] ab, double mu, double[] out) {
    double f = 0;
    double df = 0;
    for (int i = 0; i < diag.length; i++) {
      double x = ab[i] / (mu - diag[i]);
      f += x;
      df += x / (mu - diag[i]);
    }
    out[0] = 1 - f;
    out[1] = df;
  }

  /**
   * Fixed point of the step (valid when ρ &lt; 1): b* = (t − 1)a/(1 − pt); v* = (I − D)⁻¹(c + αS) with c the part
   * of the step not involving v, and S = βᵀv* = βᵀ(I − D)⁻¹c/(1 − βᵀ(I − D)⁻¹α).
   */
  private double stationaryError(double p) {
    double[] b = new double[d];
    double tau = 0;
    for (int i = 0; i < d; i++) {
      b[i] = (t[i] - 1) * a / (1 - p * t[i]);
      tau += q[i] * (a + 2 * p * b[i]);
    }
    double constant = h * (kappa2 * tau + sigma2);
    double betaC = 0;
    double betaAlpha = 0;
    double[] c = new double[d];
    for (int i = 0; i < d; i++) {
      double w = a + p * b[i];
      double oneMinusD = 1 - p * p * t[i] * t[i];
      c[i] = (t[i] * t[i] * (w + p * b[i]) - 2 * t[i] * w + a + q[i] * constant) / oneMinusD;
      double beta = p * p * kappa2 * q[i] + p * (1 - p) * sig[i];
      betaC += beta * c[i];
      betaAlpha += beta * h * q[i] / oneMinusD;
    }
    double s = betaC / (1 - betaAlpha);
    double e = 0;
    for (int i = 0; i < d; i++) {
      e += sig[i] * (c[i] + h * q[i] * s / (1 - p * p * t[i] * t[i]));
    }
    return e;
  }
}
