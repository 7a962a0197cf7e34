package org.collapselab.experiments.twosource;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.advice.Mitigation;
import org.collapselab.theory.ScalarMinimum;

/**
 * The claims of issue 9 §2 about the paper's weighted mixing, checked by the exact theory ({@link Mitigation}):
 * α* → 0 as n grows; a fixed α &gt; 0 keeps a plateau ≥ α²c² (and whether it is exactly α²c²); whether the
 * transcribed first-order formula is consistent with the exact theory.
 */
public final class TwoSourceClaims {
  private TwoSourceClaims() {}

  /** One checked claim: what is claimed, the measured numbers, and the verdict. */
  public record Claim(String statement, String measured, boolean holds) {
  }

  /** The three claims for a setting (λ as given; the plateau claim is about λ = 0, as in the paper). */
  public static List<Claim> check(TwoSourceFigures.Setting s, long[] ns, double alpha) {
    List<Claim> out = new ArrayList<>();
    // 1. α* decreases to 0.
    StringBuilder m1 = new StringBuilder();
    boolean decreasing = true;
    double previous = Double.POSITIVE_INFINITY;
    for (long n : ns) {
      ScalarMinimum.Min star = Mitigation.optimalAlpha(s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(),
          s.sigma2(), s.lambda());
      m1.append(String.format("n=%d: α*=%.4f; ", n, star.x()));
      decreasing &= star.x() < previous || star.x() == 0;
      previous = star.x();
    }
    out.add(new Claim("the optimal weight share α* of the synthetic rows → 0 as n grows", m1.toString().trim(),
        decreasing && previous < 0.05));
    // 2. Plateau of a fixed α (ridgeless): E(n) ≥ the population plateau (α²c² when Σ2 = Σ1), reached as n → ∞.
    double plateau = Mitigation.plateau(s.real(), s.synthetic(), s.c2(), alpha);
    StringBuilder m2 = new StringBuilder(String.format("α=%.2f, α²c²=%.5f, population plateau=%.5f: ", alpha,
        alpha * alpha * s.c2(), plateau));
    boolean above = true;
    double gap = Double.NaN;
    for (long n : ns) {
      double e = Mitigation.exact(s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), 0, alpha)
          .testError();
      above &= e >= plateau;
      gap = e - plateau;
      m2.append(String.format("n=%d: E=%.5f; ", n, e));
    }
    out.add(new Claim("a fixed α > 0 keeps a plateau (ridgeless, n → ∞): exactly α²c² when Σ2 = Σ1, "
        + "(c²/d)Σ(αs2/(αs2+(1−α)s1))² under covariate shift; E(n) stays above it",
        m2.toString().trim() + String.format(" last E − plateau = %.2e", gap), above && gap < 0.01 * plateau));
    // 3. The transcribed first-order formula vs the exact theory (largest n, a few α).
    long n = ns[ns.length - 1];
    double phi = (double) s.real().dimension() / n;
    StringBuilder m3 = new StringBuilder(String.format("n=%d (φ=%.1e): ", n, phi));
    boolean consistent = true;
    for (double a : new double[] {0, 0.1, s.p2(), 0.7}) {
      double exact = Mitigation.exact(s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), 0, a)
          .testError();
      double transcribed = Mitigation.firstOrderTranscribed(a, s.p2(), s.c2(), s.sigma1(), s.sigma2(), phi);
      double derived = Mitigation.firstOrderDerived(a, s.p2(), s.c2(), s.sigma1(), s.sigma2(), phi);
      m3.append(String.format("α=%.2f exact %.5f, derived %.5f, transcribed %.5f; ", a, exact, derived, transcribed));
      consistent &= Math.abs(transcribed - exact) <= 10 * phi * phi + 1e-3 * exact;
    }
    out.add(new Claim("the transcribed first-order formula p2²α²c² + ((1−α)p1σ1² + αp2σ2²)φ matches the exact theory",
        m3.toString().trim(), consistent));
    return out;
  }
}
