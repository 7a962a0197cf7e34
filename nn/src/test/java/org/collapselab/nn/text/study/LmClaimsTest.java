package org.collapselab.nn.text.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collapselab.experiments.report.Claim.Verdict.CONTRADICTED;
import static org.collapselab.experiments.report.Claim.Verdict.INCONCLUSIVE;
import static org.collapselab.experiments.report.Claim.Verdict.SUPPORTED;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.text.corpus.TextCorpus;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.model.TrainingPlan;
import org.junit.jupiter.api.Test;

/** Every language-model claim verdict on hand-built runs (two seeds, so tolerances come from the seed spread). */
class LmClaimsTest {
  static final GptConfig S = new GptConfig("S", 1, 32, 2, 32);
  static final GptConfig L = new GptConfig("L", 2, 64, 2, 32);
  static final List<Double> P2 = List.of(0.0, 0.1, 0.5);
  static final TrainingPlan PLAN = new TrainingPlan(1000, 8, 3e-3, 0.05, 0.1, 0, 2);
  static final LmExperimentConfig CONFIG = new LmExperimentConfig("corpus", List.of(), TextCorpus.Unit.BLOCK, 0.1, 20,
      List.of(S, L), PLAN, P2, 2, S, PLAN, 1, 1, 4000, 1024, 2048, 80, 1, 3);

  /** Penalty of a model at a share: final loss L(p2) − L(0) (seeds differ by ±0.001); {@code midGap} at mid-budget. */
  interface Penalty {
    double at(GptConfig m, double p2);
  }

  static List<Claim> claims(Penalty end, Penalty mid) {
    List<LmRunResult> runs = new ArrayList<>();
    for (GptConfig m : List.of(S, L)) {
      for (double p2 : P2) {
        for (int seed = 0; seed < 2; seed++) {
          double noise = seed == 0 ? 0.001 : -0.001;
          double fin = 2.0 + end.at(m, p2) + noise;
          TrainingCurve curve = new TrainingCurve(List.of(
              new TrainingCurve.Point(500, 500, 0, 3, 2.5 + mid.at(m, p2) + noise),
              new TrainingCurve.Point(1000, 1000, 0, 2, fin)), 1000, 1);
          runs.add(new LmRunResult(m.name(), m.layers(), m.width(), 1000 * m.width(), p2, seed, curve, fin, fin, 1000,
              List.of(), 1));
        }
      }
    }
    return LmClaims.all(CONFIG, new LmAnalysis(List.of(S, L), runs));
  }

  static Verdict verdict(List<Claim> cs, String start) {
    return cs.stream().filter(c -> c.claim().startsWith(start)).findFirst().orElseThrow().verdict();
  }

  @Test
  void lossGetsWorseWithTheShare() {
    String c = "The real-test loss gets worse";
    assertThat(verdict(claims((m, p) -> p, (m, p) -> p), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(claims((m, p) -> -p, (m, p) -> -p), c)).isEqualTo(CONTRADICTED);
    // worse at p2 = 0.5 but clearly better at 0.1: not monotone
    assertThat(verdict(claims((m, p) -> p == 0.1 ? -0.2 : p, (m, p) -> p), c)).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void evenASmallShareHurts() {
    String c = "Strong collapse";
    assertThat(verdict(claims((m, p) -> p, (m, p) -> p), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(claims((m, p) -> -p, (m, p) -> -p), c)).isEqualTo(CONTRADICTED);
    // S hurt, L within noise
    assertThat(verdict(claims((m, p) -> m == S ? p : 0, (m, p) -> p), c)).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void penaltyDoesNotFadeWithTraining() {
    String c = "The synthetic penalty does not fade";
    assertThat(verdict(claims((m, p) -> p, (m, p) -> p), c)).isEqualTo(SUPPORTED);
    // every gap closes from mid-budget to the end
    assertThat(verdict(claims((m, p) -> p / 10, (m, p) -> p), c)).isEqualTo(CONTRADICTED);
    assertThat(verdict(claims((m, p) -> m == S ? p / 10 : p, (m, p) -> p), c)).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void largerModelsDoNotEscape() {
    String c = "Larger models do not escape";
    assertThat(verdict(claims((m, p) -> p, (m, p) -> p), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(claims((m, p) -> m == L ? 0 : p, (m, p) -> p), c)).isEqualTo(CONTRADICTED);
    // the largest is hurt, a smaller one is not
    assertThat(verdict(claims((m, p) -> m == S ? 0 : p, (m, p) -> p), c)).isEqualTo(INCONCLUSIVE);
    assertThat(claims((m, p) -> p, (m, p) -> p).get(0).criteria()).contains("TOLERANCE_Z = 2");
  }
}
