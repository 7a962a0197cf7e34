package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collapselab.experiments.report.Claim.Verdict.CONTRADICTED;
import static org.collapselab.experiments.report.Claim.Verdict.INCONCLUSIVE;
import static org.collapselab.experiments.report.Claim.Verdict.SUPPORTED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.image.synthetic.SyntheticQuality;
import org.junit.jupiter.api.Test;

/**
 * Every image claim verdict on hand-built results: test MSE as a function of the cell (the same for both seeds up to
 * a seed offset, so paired differences are exact). Generators: c² = 1 (10 images), 0.5 (100, the main one), 0.2
 * (1000).
 */
class ImageClaimsTest {
  static final ImageStudy STUDY = ImageStudyReader.parse("t.yaml", """
      name: t
      kind: image
      dataset: toy
      data_dir: /nonexistent
      runs: 2
      p2: [0, 0.1, 0.5]
      generator: {samples: 100, width: 16}
      reserved: 1000
      training: {epochs: 1}
      width_sweeps:
        - {network: random_features, n: 100, widths: [25, 50, 100, 200, 400]}
        - {network: two_layer, n: 100, widths: [25, 50, 100, 200, 400]}
      size_sweeps: [{network: two_layer, width: 16, n: [100, 400, 1600]}]
      quality_sweep: {network: two_layer, width: 16, n: 400, generator_samples: [10, 100, 1000]}
      """, false);

  static List<Claim> claims(ToDoubleFunction<CellSpec> mse) {
    Map<CellSpec, CellResult> results = new LinkedHashMap<>();
    for (CellSpec c : STUDY.specs()) {
      double v = mse.applyAsDouble(c) + 1e-4 * c.seed();
      results.put(c, new CellResult(v, v / 10, v, 0.5, 0.1, c.realCount(), c.syntheticCount(), 1, 10, 1, 100, 1000,
          Double.NaN));
    }
    Map<Integer, SyntheticQuality[]> gens = new LinkedHashMap<>();
    for (int[] g : new int[][] {{10, 100}, {100, 50}, {1000, 20}}) {
      SyntheticQuality q = new SyntheticQuality(g[1] / 100.0, 0.1, 100);
      gens.put(g[0], new SyntheticQuality[] {q, q});
    }
    return ImageClaims.all(new ImageResults(STUDY, results, gens, 0));
  }

  static Verdict verdict(List<Claim> cs, String start) {
    return cs.stream().filter(c -> c.claim().startsWith(start)).findFirst().orElseThrow().verdict();
  }

  static double c2(CellSpec c) {
    return c.generator().samples() == 10 ? 1.0 : c.generator().samples() == 100 ? 0.5 : 0.2;
  }

  @Test
  void errorRisesWithTheShare() {
    String c = "Test error on real data rises";
    assertThat(verdict(claims(x -> 1 + x.p2()), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(claims(x -> 1 - x.p2()), c)).isEqualTo(CONTRADICTED);
    assertThat(verdict(claims(x -> x.p2() == 0 ? 1 : x.p2() == 0.1 ? 1.2 : 1.1), c)).isEqualTo(INCONCLUSIVE);
    assertThat(claims(x -> 1 + x.p2()).get(0).criteria()).contains("RISE_TAU = 0.5", "SIGNIFICANCE = 0.95");
  }

  /** Clean error 100/n; the share-0.5 curve as given. */
  static List<Claim> sizes(ToDoubleFunction<Integer> half) {
    return claims(x -> x.p2() == 0.5 && x.network() == NetworkKind.TWO_LAYER ? half.applyAsDouble(x.n())
        : 100.0 / x.n() + x.p2());
  }

  @Test
  void addingDataStopsHelpingAtTheFloor() {
    String c = "Strong model collapse";
    // judged on the paired relative penalty (E_p2 − E_0)/E_0 from the smallest to the largest n
    assertThat(verdict(sizes(n -> 0.2 + 10.0 / n), c)).isEqualTo(SUPPORTED); // both shares run into a floor
    // the p2 = 0.5 penalty shrinks relative to the clean error while p2 = 0.1 (a floor) grows: mixed
    assertThat(verdict(sizes(n -> 100.0 / n * (1 + 0.5 * 100.0 / n)), c)).isEqualTo(INCONCLUSIVE);
    // every share's penalty shrinks relative to the clean error: no collapse
    assertThat(verdict(claims(x -> x.network() == NetworkKind.TWO_LAYER && x.width() == 16
        ? 100.0 / x.n() * (1 + x.p2() * 100.0 / x.n()) : 100.0 / x.n() + x.p2()), c)).isEqualTo(CONTRADICTED);
  }

  /** Width sweeps (n = 100): the paired penalty of share p2 at width w. */
  static List<Claim> widths(ToDoubleFunction<CellSpec> penalty) {
    return claims(x -> x.n() == 100 && x.width() != 16 ? 1 + (x.p2() > 0 ? penalty.applyAsDouble(x) : 0)
        : 100.0 / x.n() + x.p2());
  }

  @Test
  void penaltyPeaksNearWidthEqualsN() {
    String c = "Model size (random-projection theory";
    assertThat(verdict(widths(x -> x.width() == 100 ? 0.3 : 0.1), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(widths(x -> x.width() == 25 ? 0.3 : 0.1), c)).isEqualTo(CONTRADICTED);
    assertThat(verdict(widths(x -> x.width() == 100 ? 0.3 : x.width() == 400 ? 0 : 0.1), c)).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void largerModelsDoNotEscape() {
    String c = "Larger models do not escape";
    assertThat(verdict(widths(x -> 0.1), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(widths(x -> x.width() == 400 ? 0 : 0.1), c)).isEqualTo(CONTRADICTED);
    // a penalty at the largest width that changes sign with the seed: the intervals straddle 0, no evidence either way
    assertThat(verdict(widths(x -> x.width() == 400 ? (x.seed() % 2 == 0 ? 0.02 : -0.02) : 0.1), c))
        .isEqualTo(INCONCLUSIVE);
    assertThat(verdict(widths(x -> x.width() == 400 && x.p2() == 0.1 ? 0 : 0.1), c)).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void worseGeneratorsHurtMore() {
    String c = "Worse synthetic data";
    assertThat(verdict(claims(x -> 1 + x.p2() * c2(x)), c)).isEqualTo(SUPPORTED);
    assertThat(verdict(claims(x -> 1 - x.p2() * c2(x)), c)).isEqualTo(CONTRADICTED);
    // rises with c² at p2 = 0.5, falls at p2 = 0.1: mean τ = 0
    assertThat(verdict(claims(x -> 1 + (x.p2() == 0.5 ? 1 : -1) * x.p2() * c2(x)), c)).isEqualTo(CONTRADICTED);
    assertThat(verdict(claims(x -> 1 + x.p2() * (c2(x) == 0.5 ? 2 : c2(x))), c)).isEqualTo(INCONCLUSIVE);
  }
}
