package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.nn.image.synthetic.LabelKind;
import org.collapselab.nn.image.synthetic.SyntheticQuality;
import org.junit.jupiter.api.Test;

/** Plateau claims per generator and size sweep, and the cells of generator replicates and sweeps. */
class PlateauClaimTest {
    private static final String YAML = """
      name: plateau
      kind: image
      dataset: mnist
      runs: %d
      generator_seeds: %d
      p2: [0, 0.5]
      generator: {samples: 20, width: 16, epochs: 5, min_steps: 50, batch_size: 32, learning_rate: 0.002}
      reserved: 1000
      training: {epochs: 3, min_steps: 60, batch_size: 32, learning_rate: 0.002}
      size_sweeps: [{network: two_layer, width: 16, n: [100, 400, 1600], generator_samples: [20, 40]}]
      """;

    @Test
    void twoGeneratorQualitiesGetOneClaimEachOnSharedCleanCells() {
        ImageStudy s = ImageStudyReader.parse("p.yaml", YAML.formatted(4, 1), false);
        // per seed: 3 clean cells (shared) + 3 sizes × 2 generators at p2 = 0.5
        assertThat(s.specs()).hasSize(4 * (3 + 6));
        List<Claim> plateaus = ImageClaims.all(results(s)).stream()
                .filter(c -> c.claim().startsWith("Strong model"))
                .toList();
        assertThat(plateaus).hasSize(2);
        assertThat(plateaus.get(0).claim()).contains("generator on 20 images", "n = 400 to 1600");
        assertThat(plateaus.get(0).verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(plateaus.get(0).measured()).contains("4 seeds, one generator (no replicates");
        assertThat(plateaus.get(1).claim()).contains("generator on 40 images");
        assertThat(plateaus.get(1).verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void eachSeedHasItsOwnGeneratorReplicateAndCleanCellsKeepTheirKeys() {
        ImageStudy one = ImageStudyReader.parse("p.yaml", YAML.formatted(3, 1), false);
        ImageStudy three = ImageStudyReader.parse("p.yaml", YAML.formatted(3, 3), false);
        assertThat(three.specs()).hasSameSizeAs(one.specs());
        // the replicate of seed i is i mod generator_seeds; p2 = 0 cells do not depend on the generator
        assertThat(three.specs())
                .filteredOn(c -> c.p2() > 0)
                .extracting(c -> c.generator().replicate())
                .containsOnly(0, 1, 2);
        assertThat(three.specs())
                .filteredOn(c -> c.p2() == 0)
                .containsExactlyElementsOf(
                        one.specs().stream().filter(c -> c.p2() == 0).toList());
        // replicate 0 keeps the key of a study without replicates: the field is absent from the canonical JSON
        CellSpec first = three.specs().stream()
                .filter(c -> c.p2() > 0 && c.seed() == three.seed())
                .findFirst()
                .orElseThrow();
        assertThat(ImageCellJob.configJson(first)).doesNotContain("replicate", "holdout");
        CellSpec second = three.specs().stream()
                .filter(c -> c.p2() > 0 && c.seed() == three.seed() + 1)
                .findFirst()
                .orElseThrow();
        assertThat(ImageCellJob.configJson(second)).contains("\"replicate\":1", "\"holdout\":1000");
    }

    @Test
    void seedsSharingAGeneratorReplicateAreOneUnit() {
        // four seeds on two replicates: the interval rests on two clusters (one degree of freedom)
        ImageStudy s = ImageStudyReader.parse("p.yaml", YAML.formatted(4, 2), false);
        Claim c = ImageClaims.all(results(s)).stream()
                .filter(x -> x.claim().startsWith("Strong model"))
                .findFirst()
                .orElseThrow();
        assertThat(c.measured()).contains("4 seeds on 2 generator replicates");
    }

    @Test
    void aSweepWithoutEarlyStoppingHasItsOwnCells() {
        String yaml = YAML.formatted(2, 1)
                .replace(
                        "generator_samples: [20, 40]}]",
                        "generator_samples: [20]},\n"
                                + "  {network: two_layer, width: 16, n: [100, 400, 1600], generator_samples: [20], early_stopping: false}]")
                .replace("learning_rate: 0.002}\nsize", "learning_rate: 0.002, patience: 2, validation: 100}\nsize");
        ImageStudy s = ImageStudyReader.parse("p.yaml", yaml, false);
        assertThat(s.specs()).hasSize(2 * 2 * 6);
        assertThat(s.specs()).extracting(c -> c.training().patience()).containsOnly(0, 2);
        List<Claim> plateaus = ImageClaims.all(results(s)).stream()
                .filter(c -> c.claim().startsWith("Strong model"))
                .toList();
        assertThat(plateaus).extracting(Claim::claim).anyMatch(c -> c.contains("fixed epochs (no early stopping)"));
    }

    /** Generator on 20 images: a floor that stays; on 40: a penalty that fades with the clean error. */
    private static ImageResults results(ImageStudy s) {
        Map<CellSpec, CellResult> results = new LinkedHashMap<>();
        for (CellSpec c : s.specs()) {
            double noise = 0.001 * ((c.seed() * 7919 + c.n()) % 5 - 2);
            double clean = 100.0 / c.n();
            double mse = c.p2() == 0
                    ? clean
                    : c.generator().samples() == 20 ? clean + 0.125 + 0.01 * noise : clean * 1.3 + 0.01 * noise;
            results.put(
                    c,
                    new CellResult(
                            mse, mse / 10, 0, 0.5, 0.1, c.realCount(), c.syntheticCount(), 1, 1, 1, 1, 1, Double.NaN));
        }
        SyntheticQuality q = new SyntheticQuality(0.5, 0.1, 100);
        Map<String, GeneratorQuality> g = new LinkedHashMap<>();
        for (int samples : new int[] {20, 40}) {
            g.put(
                    GeneratorQuality.key(samples, LabelKind.SOFT),
                    new GeneratorQuality(samples, LabelKind.SOFT, List.of(q), List.of(q)));
        }
        return new ImageResults(s, results, g, 0);
    }
}
