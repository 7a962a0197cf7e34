package org.collapselab.nn.text.study;

import org.collapselab.nn.text.TestTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.junit.jupiter.api.Test;

/** Verdicts of the language-model claims from made-up runs whose paired differences are known. */
class LmClaimsTest {
  private static LmExperimentConfig config(int seeds) {
    String yaml = TestTexts.tinyYaml(Path.of("unused"), "[0, 0.01, 0.1, 0.5, 1]")
        .replace("seeds: 1", "seeds: " + seeds) + "size_p2: [0, 1]\n";
    return ((LmStudy) StudyFamilies.read(StudyFile.parse("t.yaml", yaml), false)).config();
  }

  /** Final loss = base(seed) + effect(model, p2) + tiny seed-specific noise; curve: gap half of it at mid-budget. */
  private static List<LmRunResult> runs(LmExperimentConfig c, double smallEffect, double perShare) {
    List<LmRunResult> out = new ArrayList<>();
    for (int seed = 0; seed < c.seeds(); seed++) {
      double base = 3 + 0.05 * seed; // seed spread far larger than the effects: only pairing can see them
      for (GptConfig m : c.models()) {
        for (double p2 : c.p2s(m)) {
          double effect = p2 == 0 ? 0 : smallEffect + perShare * p2;
          double noise = 1e-4 * ((seed * 31 + (int) (p2 * 100)) % 7 - 3);
          double fin = base + effect + noise;
          TrainingCurve curve = new TrainingCurve(List.of(
              new TrainingCurve.Point(100, 100, 0, 4, base + 1 + effect / 2),
              new TrainingCurve.Point(200, 200, 0, 3.5, fin)), 200, 1);
          out.add(new LmRunResult(m.name(), m.layers(), m.width(), 1000, p2, seed, curve, fin, fin, 1, List.of(), 1));
        }
      }
    }
    return out;
  }

  @Test
  void pairedPenaltiesDecideTheClaims() {
    LmExperimentConfig c = config(3);
    List<Claim> claims = LmClaims.claims(c, new LmAnalysis(c.models(), runs(c, 0.02, 0.1)));
    assertThat(claims).hasSize(4);
    assertThat(claims).extracting(Claim::verdict).containsOnly(Verdict.SUPPORTED);
    assertThat(claims.get(0).measured()).contains("3 seeds", "[");
  }

  @Test
  void noEffectIsNeverSupportedAndOneSeedIsInconclusive() {
    LmExperimentConfig c = config(3);
    List<Claim> none = LmClaims.claims(c, new LmAnalysis(c.models(), runs(c, 0, 0)));
    assertThat(none).extracting(Claim::verdict).doesNotContain(Verdict.SUPPORTED);
    LmExperimentConfig one = config(1);
    List<Claim> single = LmClaims.claims(one, new LmAnalysis(one.models(), runs(one, 0.02, 0.1)));
    assertThat(single).extracting(Claim::verdict).containsOnly(Verdict.INCONCLUSIVE);
  }

  @Test
  void syntheticDataThatHelpsContradictsStrongCollapse() {
    LmExperimentConfig c = config(3);
    List<Claim> claims = LmClaims.claims(c, new LmAnalysis(c.models(), runs(c, -0.02, 0)));
    assertThat(claims.get(0).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }
}
