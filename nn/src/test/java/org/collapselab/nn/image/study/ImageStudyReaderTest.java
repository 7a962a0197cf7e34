package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.collapselab.experiments.reproduce.Reproductions;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.nn.image.model.TrainingPlan;
import org.junit.jupiter.api.Test;

class ImageStudyReaderTest {
    @Test
    void bundledStudiesParseAndQuickIsSmaller() {
        ImageStudy full = ImageStudyReader.bundled("mnist", false);
        ImageStudy quick = ImageStudyReader.bundled("mnist", true);
        assertThat(full.p2()).contains(0.0, 0.01, 0.1).anyMatch(p -> p >= 0.5);
        assertThat(full.widthSweeps())
                .extracting(WidthSweep::network)
                .contains(NetworkKind.TWO_LAYER, NetworkKind.RANDOM_FEATURES);
        assertThat(full.sizeSweeps()).isNotEmpty();
        assertThat(full.qualitySweep()).isNotNull();
        assertThat(quick.qualitySweep()).isNull();
        assertThat(quick.specs().size()).isLessThan(full.specs().size() / 2);
        assertThat(quick.runs()).isGreaterThanOrEqualTo(3);
        assertThat(full.runs()).isGreaterThanOrEqualTo(5);
        assertThat(full.p2()).containsExactly(0.0, 0.01, 0.1, 0.5);
        // the paper's shape: a two-layer net of width >= 1024 to n = 32k (the main generator) with two generator
        // qualities over the size sweeps of that width, random features >= 10x wider than every n
        assertThat(full.sizeSweeps()).anySatisfy(z -> {
            assertThat(z.network()).isEqualTo(NetworkKind.TWO_LAYER);
            assertThat(z.width()).isGreaterThanOrEqualTo(1024);
            assertThat(z.n()).contains(32000);
        });
        assertThat(full.sizeSweeps().stream()
                        .filter(z -> z.network() == NetworkKind.TWO_LAYER && z.width() >= 1024)
                        .flatMap(z -> z.generators(full.generator().samples()).stream())
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(full.sizeSweeps()).anySatisfy(z -> {
            assertThat(z.network()).isEqualTo(NetworkKind.RANDOM_FEATURES);
            assertThat(z.n()).allSatisfy(n -> assertThat(z.width()).isGreaterThanOrEqualTo(10 * n));
        });
        ImageStudy fashion = ImageStudyReader.bundled("mnist-fashion", false);
        assertThat(fashion.dataset()).isEqualTo("fashion-mnist");
        assertThat(fashion.dataFolder().toString()).contains("fashion");
    }

    @Test
    void cleanCellsAreSharedAcrossGenerators() {
        ImageStudy full = ImageStudyReader.bundled("mnist", false);
        List<CellSpec> cells = full.specs();
        assertThat(cells).doesNotHaveDuplicates();
        assertThat(cells)
                .filteredOn(c -> c.p2() == 0)
                .allMatch(c -> c.generator().samples() == full.generator().samples());
    }

    @Test
    void everyProblemIsReportedWithFieldAndAllowedValues() {
        String yaml = """
        name: bad
        dataset: mnist
        runs: 0
        p2: [0, 1.5]
        foo: 1
        generator: {samples: 5, labels: fuzzy}
        training: {epochs: 3, learning_rate: -1}
        width_sweeps: [{network: mlp, n: 100, widths: [0, 10]}]
        """;
        assertThatThrownBy(() -> ImageStudyReader.parse("bad.yaml", yaml, false))
                .isInstanceOf(StudyFileException.class)
                .satisfies(e -> assertThat(((StudyFileException) e).errors())
                        .contains(
                                "bad.yaml: runs: got 0; allowed: an integer in [1, 100]",
                                "bad.yaml: p2[1]: got 1.5; allowed: a number in [0, 1]",
                                "bad.yaml: generator.labels: got 'fuzzy'; allowed: soft or hard",
                                "bad.yaml: width_sweeps[0].network: got 'mlp'; allowed: two_layer, random_features or "
                                        + "random_features_adam",
                                "bad.yaml: width_sweeps[0].widths[0]: got 0; allowed: an integer in [1, 200000]")
                        .anyMatch(m -> m.startsWith("bad.yaml: foo: got 'foo'; allowed: a known key"))
                        .anyMatch(m -> m.startsWith("bad.yaml: generator.samples: got 5"))
                        .anyMatch(m -> m.startsWith("bad.yaml: training.learning_rate: got -1")));
    }

    @Test
    void recognisesImageStudiesAndIsRegistered() {
        assertThat(StudyFamilies.available()).containsKeys("gaussian", "image", "lm");
        assertThat(StudyFile.parse("x.yaml", "name: x\nkind: image\n").kind()).isEqualTo("image");
        assertThat(StudyFile.parse("x.yaml", "name: x\nfixed: {model: ridge}\n").kind())
                .isEqualTo("gaussian");
        assertThat(Reproductions.available(false)).containsKey("mnist");
        assertThat(StudyFamilies.available()).containsKeys("diagnose-mnist", "diagnose-coverage");
    }

    @Test
    void trainingPlanGivesSmallSetsEnoughSteps() {
        TrainingPlan p = new TrainingPlan(10, 1000, 128, 1e-3, 0);
        assertThat(p.forSize(32000).epochs()).isEqualTo(10);
        assertThat(p.forSize(2000).epochs()).isEqualTo(63); // 16 steps per epoch
        assertThat(Curves.kendallTau(new double[] {1, 2, 3}, new double[] {1, 5, 9}))
                .isEqualTo(1.0);
        assertThat(Curves.kendallTau(new double[] {1, 2, 3}, new double[] {3, 2, 1}))
                .isEqualTo(-1.0);
    }
}
