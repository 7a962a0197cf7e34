package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.image.synthetic.SyntheticQuality;
import org.junit.jupiter.api.Test;

/** The plateau verdict follows the paired relative penalty vs n, with made-up cell results of known shape. */
class PlateauClaimTest {
  private static final String YAML = """
      name: plateau
      kind: image
      dataset: mnist
      runs: %d
      p2: [0, 0.5]
      generator: {samples: 20, width: 16, epochs: 5, min_steps: 50, batch_size: 32, learning_rate: 0.002}
      reserved: 1000
      training: {epochs: 3, min_steps: 60, batch_size: 32, learning_rate: 0.002}
      size_sweeps: [{network: two_layer, width: 16, n: [100, 400]}]
      """;

  /** Clean error 100/n; the share's error from {@code share(clean, seedNoise)}. */
  private static Claim claim(int runs, DoubleBinaryOperator share) {
    ImageStudy s = ImageStudyReader.parse("p.yaml", YAML.formatted(runs), false);
    Map<CellSpec, CellResult> results = new LinkedHashMap<>();
    for (CellSpec c : s.specs()) {
      double noise = 0.01 * ((c.seed() * 7919) % 5 - 2);
      double clean = 100.0 / c.n() * (1 + noise);
      double mse = c.p2() == 0 ? clean : share.applyAsDouble(clean, noise);
      results.put(c, new CellResult(mse, mse / 10, 0, 0.5, 0.1, c.realCount(), c.syntheticCount(), 1, 1, 1, 1, 1,
          Double.NaN));
    }
    SyntheticQuality q = new SyntheticQuality(0.5, 0.1, 100);
    ImageResults r = new ImageResults(s, results, Map.of(20, new SyntheticQuality[] {q, q}), 0);
    return ImageClaims.plateau(r, s.sizeSweeps().get(0), 20);
  }

  @Test
  void aFloorThatStaysWhileTheCleanErrorFallsSupportsThePlateau() {
    // penalty stays at 0.125 (the floor p2²c²): relative penalty 0.125 → 0.5 as n grows 4×
    assertThat(claim(4, (clean, noise) -> clean + 0.125 + 0.001 * noise).verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aPenaltyThatShrinksFasterThanTheCleanErrorContradictsIt() {
    // penalty ∝ clean²: relative penalty falls from 0.3 to 0.075
    assertThat(claim(4, (clean, noise) -> clean + 0.3 * clean * clean).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void oneSeedOrAStraddlingIntervalIsInconclusive() {
    assertThat(claim(1, (clean, noise) -> clean + 0.125).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    // relative penalty flat up to seed noise: the interval straddles 0
    Claim flat = claim(5, (clean, noise) -> clean * (1.2 + 3 * noise * (clean > 0.5 ? 1 : -1)));
    assertThat(flat.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(flat.measured()).contains("[", "5 seeds");
  }

  @Test
  void twoGeneratorQualitiesGetOneClaimEachOnSharedCleanCells() {
    String yaml = YAML.formatted(4).replace("n: [100, 400]}]", "n: [100, 400], generator_samples: [20, 40]}]");
    ImageStudy s = ImageStudyReader.parse("p.yaml", yaml, false);
    // per seed: 2 clean cells (shared) + 2 sizes × 2 generators at p2 = 0.5
    assertThat(s.specs()).hasSize(4 * (2 + 4));
    ImageResults r = twoGeneratorResults(s);
    java.util.List<Claim> plateaus = ImageClaims.all(r).stream().filter(c -> c.claim().startsWith("Strong model"))
        .toList();
    assertThat(plateaus).hasSize(2);
    assertThat(plateaus.get(0).claim()).contains("generator on 20 images");
    assertThat(plateaus.get(0).verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(plateaus.get(1).claim()).contains("generator on 40 images");
    assertThat(plateaus.get(1).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void generatorQualitiesSplitOverSweepsWithOwnSizesAreStillNamed() {
    // the better generator's sweep stops at a smaller n (the full MNIST run: n = 32000 for one generator only)
    String yaml = YAML.formatted(4).replace("size_sweeps: [{network: two_layer, width: 16, n: [100, 400]}]",
        "size_sweeps: [{network: two_layer, width: 16, n: [100, 400, 800], generator_samples: [20]},\n"
        + "  {network: two_layer, width: 16, n: [100, 400], generator_samples: [40]}]");
    ImageStudy s = ImageStudyReader.parse("p.yaml", yaml, false);
    // per seed: 3 clean cells (shared) + 3 sizes at p2 = 0.5 for the generator on 20 images + 2 for the one on 40
    assertThat(s.specs()).hasSize(4 * (3 + 3 + 2));
    java.util.List<Claim> plateaus = ImageClaims.all(twoGeneratorResults(s)).stream()
        .filter(c -> c.claim().startsWith("Strong model")).toList();
    assertThat(plateaus).extracting(Claim::claim).satisfiesExactly(
        c -> assertThat(c).contains("generator on 20 images"), c -> assertThat(c).contains("generator on 40 images"));
    assertThat(plateaus.get(0).measured()).contains("from n = 100 to 800");
    assertThat(plateaus.get(1).measured()).contains("from n = 100 to 400");
    assertThat(plateaus).extracting(Claim::verdict).containsExactly(Verdict.SUPPORTED, Verdict.CONTRADICTED);
  }

  /** Generator on 20 images: a floor that stays; on 40: a penalty that fades faster than the clean error. */
  private static ImageResults twoGeneratorResults(ImageStudy s) {
    Map<CellSpec, CellResult> results = new LinkedHashMap<>();
    for (CellSpec c : s.specs()) {
      double noise = 0.01 * ((c.seed() * 7919) % 5 - 2);
      double clean = 100.0 / c.n() * (1 + noise);
      double mse = c.p2() == 0 ? clean : c.generator().samples() == 20 ? clean + 0.125 + 0.001 * noise
          : clean + 0.3 * clean * clean;
      results.put(c, new CellResult(mse, mse / 10, 0, 0.5, 0.1, c.realCount(), c.syntheticCount(), 1, 1, 1, 1, 1,
          Double.NaN));
    }
    SyntheticQuality q = new SyntheticQuality(0.5, 0.1, 100);
    return new ImageResults(s, results, Map.of(20, new SyntheticQuality[] {q, q}, 40,
        new SyntheticQuality[] {q, q}), 0);
  }
}
