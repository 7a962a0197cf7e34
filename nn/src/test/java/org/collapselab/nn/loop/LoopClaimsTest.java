package org.collapselab.nn.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.problem.Schedule;
import org.junit.jupiter.api.Test;

/** The loop claims' verdicts on hand-built results: supported, contradicted, inconclusive. */
class LoopClaimsTest {
  static final LoopArm REPLACE = new LoopArm(Schedule.REPLACE, 0);
  static final LoopArm ACCUMULATE = new LoopArm(Schedule.ACCUMULATE, 0);
  static final LoopArm FRESH = new LoopArm(Schedule.REPLACE, 0.5);

  /** Loops whose loss at generation g is base + slope·g + noise[seed], diversity 0.8 − drop·g. */
  static List<LoopResult> loops(double slope, double[] noise, double drop) {
    List<LoopResult> out = new ArrayList<>();
    for (int s = 0; s < noise.length; s++) {
      List<GenerationResult> g = new ArrayList<>();
      for (int k = 0; k <= 3; k++) {
        double loss = 4 + slope * k + (k == 0 ? 0 : noise[s]);
        TextMeasures d = new TextMeasures(1000, 0.9, 0.3, 0.8 - drop * k + (k == 0 ? 0 : noise[s]), 0.9, 8);
        g.add(new GenerationResult(k, 10, k == 0 ? 10 : 0, loss, Double.NaN, d, "", 1));
      }
      out.add(new LoopResult("replace", 0, s, g, null, 4));
    }
    return out;
  }

  static Map<String, List<LoopResult>> results(List<LoopResult> replace, List<LoopResult> accumulate,
      List<LoopResult> fresh) {
    Map<String, List<LoopResult>> m = new LinkedHashMap<>();
    m.put(REPLACE.key(), replace);
    m.put(ACCUMULATE.key(), accumulate);
    m.put(FRESH.key(), fresh);
    return m;
  }

  private static final double[] SMALL = {0.01, -0.01, 0.005, -0.005, 0};
  private static final double[] LARGE = {0.5, -0.5, 0.4, -0.4, 0};

  @Test
  void clearDegradationIsSupportedEverywhere() {
    List<Claim> c = LoopClaims.claims(List.of(REPLACE, ACCUMULATE, FRESH), results(loops(0.2, SMALL, 0.05),
        loops(0.05, SMALL, 0), loops(0.02, SMALL, 0)), 3, "nats/token");
    assertThat(c).hasSize(4).allMatch(x -> x.verdict() == Verdict.SUPPORTED);
    assertThat(c.get(0).measured()).contains("+0.6000", "5 seeds");
    assertThat(c.get(3).claim()).contains("Diversity");
  }

  @Test
  void reversedEffectsAreContradicted() {
    List<Claim> c = LoopClaims.claims(List.of(REPLACE, ACCUMULATE, FRESH), results(loops(-0.1, SMALL, -0.05),
        loops(0.1, SMALL, 0), loops(0.1, SMALL, 0)), 3, "nats/token");
    assertThat(c).hasSize(4).allMatch(x -> x.verdict() == Verdict.CONTRADICTED);
  }

  @Test
  void intervalsStraddlingZeroAreInconclusive() {
    List<Claim> c = LoopClaims.claims(List.of(REPLACE, ACCUMULATE), results(loops(0.05, LARGE, 0.01),
        loops(0.0, SMALL, 0), List.of()), 3, "");
    assertThat(c).hasSize(3); // no fresh-real arm present
    assertThat(c.get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(c.get(1).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(c.get(2).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void oneSeedIsNeverDecided() {
    double[] one = {0};
    List<Claim> c = LoopClaims.claims(List.of(REPLACE), results(loops(1, one, 0.1), List.of(), List.of()), 3, "");
    assertThat(c).isNotEmpty().allMatch(x -> x.verdict() == Verdict.INCONCLUSIVE);
  }
}
