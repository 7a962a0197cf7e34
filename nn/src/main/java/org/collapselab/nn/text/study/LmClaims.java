package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Interval;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.TInterval;
import org.collapselab.stats.Summary;

/**
 * The language-model study's verdicts on the paper's claims, each from 95% t intervals of differences paired by
 * seed (see {@link LmAnalysis#penalty}), judged by the shared claim helper ({@link Verdicts}): supported or
 * contradicted only when the interval lies wholly on one side of the named threshold, inconclusive when it straddles
 * it (always with a single seed). The measured text lists every interval, so the verdict can be checked against the
 * numbers it came from.
 */
final class LmClaims {
  /** A paired loss difference above this is a penalty of synthetic data. */
  static final Threshold NO_PENALTY = new Threshold("NO_PENALTY", 0, "paired real-test loss difference, nats/token");
  /** A change of the penalty between half and full budget below this means it fades with more data. */
  static final Threshold NO_FADING = new Threshold("NO_FADING", 0, "change of the penalty, half to full budget");

  private LmClaims() {}

  static List<Claim> claims(LmExperimentConfig c, LmAnalysis a) {
    List<Claim> claims = new ArrayList<>();
    GptConfig main = c.models().get(0);
    String mn = main.name();
    List<Double> p2s = c.p2s(main).stream().sorted().toList();
    List<Double> mixed = p2s.stream().filter(p -> p > 0 && p < 1).toList();
    if (!a.has(mn, 0.0) || mixed.isEmpty()) {
      return claims;
    }
    double small = mixed.get(0);
    double large = mixed.get(mixed.size() - 1);

    // 1. even a small share hurts (strong collapse)
    Summary i1 = a.penalty(mn, small);
    claims.add(new Claim("Strong collapse: even a small synthetic share (p2 = " + LmReport.fmt(small) + ") raises "
        + "the real-test loss above training on real data only, at the same token budget.",
        String.format(Locale.ROOT, "model %s: L(p2 = %s) − L(0) = %s nats/token (paired over %d seeds, 95%% CI)",
            mn, LmReport.fmt(small), ci(i1).format("%+.4f"), i1.n()), Verdicts.above(ci(i1), NO_PENALTY),
        NO_PENALTY));

    // 2. more synthetic data is worse
    if (large > small) {
      Summary i2 = a.penalty(mn, large, small);
      claims.add(new Claim("The real-test loss grows with the synthetic share.",
          String.format(Locale.ROOT, "model %s: L(p2 = %s) − L(p2 = %s) = %s nats/token (paired, %d seeds)", mn, LmReport.fmt(large), LmReport.fmt(small), ci(i2).format("%+.4f"), i2.n()),
          Verdicts.above(ci(i2), NO_PENALTY), NO_PENALTY));
    }

    // 3. more tokens do not remove the penalty: the penalty at the end of the budget is still > 0, and it did not
    //    shrink between half and full budget (the scaling curve is shifted, not merely delayed)
    double mid = mixed.get(mixed.size() / 2);
    Summary end = a.penalty(mn, mid);
    Summary change = a.gapChange(mn, mid);
    boolean fading = change != null && Verdicts.below(ci(change), NO_FADING) == Verdict.SUPPORTED;
    // still above zero at the end, but shrinking: more data might close it
    Verdict v3 = Verdicts.every(List.of(Verdicts.above(ci(end), NO_PENALTY), Verdicts.confirms(!fading)));
    String changeText = change == null ? "not measured (fewer than 2 curve points)"
        : ci(change).format("%+.4f") + " (negative = fading)";
    claims.add(new Claim("More data does not remove the penalty: after the whole budget the mixture's real-test "
        + "loss is still above the real-only loss, and the gap does not shrink from half to full budget.",
        String.format(Locale.ROOT, "model %s, p2 = %s: penalty at the end %s nats/token; change of the gap from "
        + "half to full budget %s", mn, LmReport.fmt(mid), ci(end).format("%+.4f"), changeText), v3, NO_PENALTY,
        NO_FADING));

    // 4. model size at p2 = 1 (the paper's size panel): the penalty of training on synthetic text only persists
    List<String> parts = new ArrayList<>();
    Summary biggest = null;
    for (GptConfig m : c.models()) {
      if (a.has(m.name(), 1.0) && a.has(m.name(), 0.0)) {
        Summary i = a.penalty(m.name(), 1.0);
        parts.add(String.format(Locale.ROOT, "%s (%s): %s", m.name(), m.shape(), ci(i).format("%+.4f")));
        biggest = i;
      }
    }
    if (biggest != null && parts.size() > 1) {
      claims.add(new Claim("Larger models do not escape: trained on synthetic text only (p2 = 1), every model size "
          + "stays worse on real test text than the same size trained on real text.",
          "L(p2 = 1) − L(0) by size (paired, 95% CI, nats/token): " + String.join("; ", parts)
          + "; verdict from the largest size", Verdicts.above(ci(biggest), NO_PENALTY), NO_PENALTY));
    }
    return claims;
  }

  /** The 95% t interval of a summary of paired differences. */
  private static Interval ci(Summary s) {
    return TInterval.of(s, LmAnalysis.LEVEL);
  }
}
