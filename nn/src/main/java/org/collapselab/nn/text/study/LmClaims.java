package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.nn.text.model.GptConfig;

/**
 * The paper's language-model claims judged on the stored runs through {@link Verdicts}: a penalty L(p2) − L(0)
 * counts when its interval (± the noise tolerance of {@link LmAnalysis}) lies above zero.
 */
final class LmClaims {
  static final Threshold ZERO = new Threshold("ZERO", 0, "sign reference");
  /** The tolerances the penalty intervals use (printed beside each verdict). */
  static final Threshold[] TOLERANCES = {LmAnalysis.TOLERANCE_Z, LmAnalysis.MIN_TOLERANCE,
      LmAnalysis.SINGLE_SEED_TOLERANCE};

  private LmClaims() {}

  static List<Claim> all(LmExperimentConfig c, LmAnalysis a) {
    List<Claim> claims = new ArrayList<>();
    List<Double> p2s = c.p2s().stream().sorted().toList();
    boolean hasZero = p2s.contains(0.0);
    if (!hasZero || p2s.size() < 2) {
      return claims;
    }
    // 1. loss rises with p2
    List<String> m1 = new ArrayList<>();
    boolean mono = true;
    boolean rises = true;
    for (GptConfig m : c.models()) {
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < p2s.size(); i++) {
        vals.add(LmReport.fmt4(a.finalLoss(m.name(), p2s.get(i)).mean()));
        if (i > 0) {
          LmAnalysis.Stat lo = a.finalLoss(m.name(), p2s.get(i - 1));
          LmAnalysis.Stat hi = a.finalLoss(m.name(), p2s.get(i));
          Interval step = Interval.around(hi.mean() - lo.mean(), LmAnalysis.tolerance(hi, lo), 1);
          mono &= Verdicts.below(step, ZERO) != Verdict.SUPPORTED; // a clear decrease breaks monotonicity
        }
      }
      rises &= Verdicts.above(a.penaltyInterval(m.name(), p2s.get(p2s.size() - 1)), ZERO) == Verdict.SUPPORTED;
      m1.add(m.name() + ": " + String.join(" → ", vals));
    }
    claims.add(new Claim("The real-test loss gets worse as the synthetic share p2 grows (fixed token budget).",
        "final real-test loss (nats/char) at p2 = " + p2s + ": " + String.join("; ", m1),
        mono && rises ? Verdict.SUPPORTED : rises ? Verdict.INCONCLUSIVE : Verdict.CONTRADICTED, TOLERANCES));

    // 2. even a small share hurts
    double small = p2s.stream().filter(p -> p > 0).findFirst().orElse(Double.NaN);
    List<String> m2 = new ArrayList<>();
    int above = 0;
    int below = 0;
    for (GptConfig m : c.models()) {
      double[] pen = a.penalty(m.name(), small);
      m2.add(String.format(Locale.ROOT, "%s %+.4f (±%.3f)", m.name(), pen[0], pen[1]));
      above += Verdicts.above(a.penaltyInterval(m.name(), small), ZERO) == Verdict.SUPPORTED ? 1 : 0;
      below += Verdicts.below(a.penaltyInterval(m.name(), small), ZERO) == Verdict.SUPPORTED ? 1 : 0;
    }
    claims.add(new Claim("Strong collapse: even a small synthetic share (here p2 = " + LmReport.fmt(small) + ") raises the "
        + "real-test loss above training on real data only.", "L(p2 = " + LmReport.fmt(small) + ") − L(0): "
        + String.join(", ", m2) + " nats/char",
        above == c.models().size() ? Verdict.SUPPORTED : below > 0 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE,
        TOLERANCES));

    // 3. the gap does not close with more tokens
    List<String> m3 = new ArrayList<>();
    int closing = 0;
    int open = 0;
    for (GptConfig m : c.models()) {
      for (double p2 : p2s) {
        if (p2 == 0 || p2 >= 1) {
          continue;
        }
        double[][] cv = a.curve(m.name(), p2);
        double[][] c0 = a.curve(m.name(), 0.0);
        int n = Math.min(cv[2].length, c0[2].length);
        if (n < 2) {
          continue;
        }
        int mid = (n - 1) / 2;
        double gMid = cv[2][mid] - c0[2][mid];
        double gEnd = cv[2][n - 1] - c0[2][n - 1];
        double tol = a.penalty(m.name(), p2)[1];
        if (Verdicts.below(Interval.around(gEnd - gMid, tol, 1), ZERO) == Verdict.SUPPORTED) {
          closing++;
        } else {
          open++;
        }
        m3.add(String.format(Locale.ROOT, "%s p2=%s: %+.3f → %+.3f", m.name(), LmReport.fmt(p2), gMid, gEnd));
      }
    }
    claims.add(new Claim("The synthetic penalty does not fade with more training: the mixture curves stay above the "
        + "clean curve instead of converging to it.", "gap to p2 = 0 at half vs full budget (nats/char): "
        + String.join("; ", m3), closing == 0 && open > 0 ? Verdict.SUPPORTED
        : open == 0 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE, TOLERANCES));

    // 4. larger models do not escape
    double large = p2s.stream().filter(p -> p < 1 && p > 0).reduce((x, y) -> y).orElse(small);
    List<String> m4 = new ArrayList<>();
    boolean allHurt = true;
    for (GptConfig m : c.models()) {
      double[] pen = a.penalty(m.name(), large);
      allHurt &= Verdicts.above(a.penaltyInterval(m.name(), large), ZERO) == Verdict.SUPPORTED;
      m4.add(String.format(Locale.ROOT, "%s (%s, %s): %+.4f", m.name(), m.shape(), LmReport.paramsLabel(a, m), pen[0]));
    }
    GptConfig biggest = c.models().get(c.models().size() - 1);
    claims.add(new Claim("Larger models do not escape collapse: the penalty of synthetic data persists at every "
        + "model size.", "L(p2 = " + LmReport.fmt(large) + ") − L(0) by size: " + String.join("; ", m4) + " nats/char",
        allHurt ? Verdict.SUPPORTED : Verdicts.above(a.penaltyInterval(biggest.name(), large), ZERO)
            != Verdict.SUPPORTED ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE, TOLERANCES));
    return claims;
  }
}
