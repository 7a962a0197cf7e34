package org.collapselab.classification;

/**
 * The data side ("channel") of the logistic-loss saddle point. For a row of group g (sign s, weight c) the cavity
 * field is ω = m + √q·ξ, ξ ~ N(0, 1), and the fitted field h = prox solves h + V·c·ℓ'(s, h) = ω with
 * ℓ(s, h) = log(1 + e^{−sh}); in u = s·h this is u − Vcσ(−u) = s·ω (σ the logistic function). The channel returns
 * <pre>
 *   m̂ = Σ_g p_g c_g s_g E σ(−u),   q̂ = Σ_g p_g c_g² E σ(−u)²,   V̂ = Σ_g p_g E[c_g ℓ''/(1 + V c_g ℓ'')],
 * </pre>
 * ℓ'' = σ(u)σ(−u) (Loureiro, Sicuro, Gerbelot, Pacco, Krzakala, Zdeborová, NeurIPS 2021, the hat-variable updates
 * of their Theorem 1 for one cluster mean after multiplying each row by its class, with per-group label signs and
 * weights). The expectations are integrals over u rather than ξ: since ω = s·(u − Vcσ(−u)) is an explicit increasing
 * function of u, E f(u) = ∫ f(u) φ((g(u) − s·m)/√q) g'(u) du/√q with g(u) = u − Vcσ(−u), so no proximal step is
 * ever solved. Composite 16-point Gauss–Legendre panels cover ±9 standard deviations, narrower where σ varies
 * (|u| ≤ 36).
 */
final class LogisticChannel {
  private static final double SPREAD = 9;
  private static final double CORE = 36;
  private static final double CORE_PANEL = 4;
  private static final double GAUSS_PANEL = 6;

  private LogisticChannel() {}

  /** The hat variables (m̂, q̂, V̂). */
  record Hats(double mHat, double qHat, double vHat) {
  }

  /** The channel at (m, q, V) for the given groups. */
  static Hats evaluate(LabelGroups groups, double m, double q, double v) {
    double mh = 0, qh = 0, vh = 0;
    for (int g = 0; g < groups.size(); g++) {
      double share = groups.shares()[g];
      double c = groups.weights()[g];
      if (share == 0 || c == 0) {
        continue;
      }
      double sign = groups.signs()[g];
      double[] e = moments(sign * m, q, v * c, 1);
      mh += share * c * sign * e[0];
      qh += share * c * c * e[1];
      vh += share * c * e[2];
    }
    return new Hats(mh, qh, vh);
  }

  /**
   * {E σ(−u), E σ(−u)², E[ℓ''/(1 + a ℓ'')]} for u − aσ(−u) = center + √q ξ, with a = V·c; {@code refine} divides every
   * panel width (1 in use; larger in tests of the quadrature's accuracy).
   */
  static double[] moments(double center, double q, double a, int refine) {
    double sd = Math.sqrt(q);
    double lo = center - SPREAD * sd;
    double hi = center + SPREAD * sd + a;
    double inner = Math.min(CORE_PANEL, GAUSS_PANEL * sd / (1 + a / 4)) / refine;
    double outer = GAUSS_PANEL * sd / refine;
    double[] acc = new double[3];
    integrate(acc, lo, Math.min(hi, -CORE), outer, center, sd, a);
    integrate(acc, Math.max(lo, -CORE), Math.min(hi, CORE), inner, center, sd, a);
    integrate(acc, Math.max(lo, CORE), hi, outer, center, sd, a);
    return acc;
  }

  private static void integrate(double[] acc, double from, double to, double width, double center, double sd,
                                double a) {
    if (!(to > from)) {
      return;
    }
    int panels = (int) Math.ceil((to - from) / width);
    double h = (to - from) / panels;
    for (int k = 0; k < panels; k++) {
      double mid = from + (k + 0.5) * h;
      for (int i = 0; i < Gaussian.LEGENDRE_POINTS; i++) {
        double u = mid + 0.5 * h * Gaussian.node(i);
        double sm = ClassifierFit.sigmoid(-u); // σ(−u)
        double curv = sm * (1 - sm); // ℓ'' = σ(u)σ(−u)
        double z = (u - a * sm - center) / sd;
        double w = 0.5 * h * Gaussian.weight(i) * Gaussian.pdf(z) * (1 + a * curv) / sd;
        acc[0] += w * sm;
        acc[1] += w * sm * sm;
        acc[2] += w * curv / (1 + a * curv);
      }
    }
  }
}
