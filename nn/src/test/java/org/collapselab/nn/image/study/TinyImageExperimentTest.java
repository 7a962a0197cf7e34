package org.collapselab.nn.image.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.TestImages;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.model.TrainingPlan;
import org.collapselab.nn.image.synthetic.ImageContexts;
import org.collapselab.nn.image.synthetic.ImageExperimentContext;
import org.collapselab.nn.image.synthetic.LabelKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny version of the image experiment on a few hundred images (real MNIST when fetched, else a toy set). */
@Tag("slow")
@Tag("neural")
class TinyImageExperimentTest {
    @TempDir
    static Path tmp;

    static ImageExperimentContext ctx;
    static Path folder;

    @BeforeAll
    static void setUp() throws Exception {
        ImageDataset ds = TestImages.mnistOrToy(tmp);
        folder = TestImages.mnistOrToyFolder(tmp);
        // a few hundred test images are enough and keep evaluation cheap
        ctx = new ImageExperimentContext(
                TorchRuntime.engine(1),
                new ImageDataset(
                        ds.name(),
                        ds.train(),
                        ds.test().head(Math.min(1000, ds.test().count()))));
    }

    private static final TrainingPlan PLAN = new TrainingPlan(5, 150, 32, 2e-3, 0);

    private static CellSpec cell(NetworkKind k, int width, int n, double p2, int generatorSamples) {
        GeneratorPlan g =
                new GeneratorPlan(generatorSamples, 16, new TrainingPlan(5, 100, 32, 2e-3, 0), LabelKind.SOFT, 0, 3);
        return new CellSpec(ctx.dataset().name(), k, width, n, p2, PLAN, 1e-3, g.toSpec(), 1000, 1);
    }

    @Test
    void cleanLabelsBeatAllBadSyntheticLabels() {
        CellResult clean = CellRunner.run(ctx, cell(NetworkKind.TWO_LAYER, 32, 400, 0, 10));
        CellResult bad = CellRunner.run(ctx, cell(NetworkKind.TWO_LAYER, 32, 400, 1.0, 10));
        assertThat(clean.syntheticCount()).isZero();
        assertThat(bad.realCount()).isZero();
        // a generator fitted to 10 images is a poor labeller: its labels are often wrong
        assertThat(bad.syntheticError()).isGreaterThan(0.2);
        assertThat(clean.testError()).isLessThan(bad.testError());
        assertThat(clean.testMse()).isLessThan(bad.testMse());
        // the model trained on clean labels is far better than chance
        assertThat(clean.testError()).isLessThan(0.5);
    }

    @Test
    void mixtureSharesAndMeasuredQualityAreReported() {
        CellResult r = CellRunner.run(ctx, cell(NetworkKind.RANDOM_FEATURES, 100, 300, 0.1, 10));
        assertThat(r.realCount()).isEqualTo(270);
        assertThat(r.syntheticCount()).isEqualTo(30);
        assertThat(r.syntheticMse()).isPositive();
        assertThat(r.epochs()).isZero();
        assertThat(r.parameters()).isEqualTo(101 * 10);
    }

    @Test
    void studyRunsResumesAndReports() throws Exception {
        String yaml = """
        name: tiny
        kind: image
        dataset: %s
        runs: 1
        p2: [0, 0.5]
        generator: {samples: 20, width: 16, epochs: 5, min_steps: 50, batch_size: 32, learning_rate: 0.002}
        reserved: 1000
        training: {epochs: 3, min_steps: 60, batch_size: 32, learning_rate: 0.002}
        ridge: 0.001
        width_sweeps: [{network: random_features, n: 150, widths: [30, 150, 600]}]
        size_sweeps: [{network: two_layer, width: 16, n: [100, 300]}]
        """.formatted(ctx.dataset().name());
        ImageStudy study = ImageStudyReader.parse("tiny.yaml", yaml + "data_dir: " + folder + "\n", false);
        ImageContexts.put(study.dataset(), study.dataFolder(), ctx);
        RunOptions o = new RunOptions(tmp.resolve("out"), null, 2, Shard.ALL, null, true, null);
        StudyRuns.Outcome first = StudyRuns.run(study, o, 10);
        assertThat(first.summary().failed()).isZero();
        assertThat(first.summary().computed()).isEqualTo(10);
        assertThat(first.report().figures()).hasSize(4);
        assertThat(first.report().html())
                .contains("Adam training throughput")
                .contains("ridge solves")
                .doesNotContain("NaN");
        // the same study without random features reuses the two-layer cells and names no ridge speed (was "NaN s")
        ImageStudy twoLayer = ImageStudyReader.parse(
                "tiny.yaml", yaml.replaceAll("(?m)^width_sweeps:.*\n", "") + "data_dir: " + folder + "\n", false);
        StudyRuns.Outcome only = StudyRuns.run(twoLayer, o, 10);
        assertThat(only.summary().computed()).isZero();
        assertThat(only.report().html())
                .contains("Adam training throughput")
                .doesNotContain("ridge solves")
                .doesNotContain("NaN");
        StudyRuns.Outcome second = StudyRuns.run(study, o, 10);
        try (ResultStore store = ResultStore.open(o.database())) {
            assertThat(store.list("tiny")).hasSize(10);
        }
        assertThat(second.summary().computed()).isZero();
        assertThat(second.summary().plan().ownedStored()).isEqualTo(10);
        assertThat(second.summary().results().stored())
                .isEqualTo(first.summary().results().stored());
        java.util.Map<CellSpec, CellResult> byCell = new java.util.LinkedHashMap<>();
        for (ImageCellJob j : second.summary().results().present(ImageCellJob.class)) {
            byCell.put(
                    j.spec(),
                    ImageCellJob.result(
                            second.summary().results().stored().get(j.key()).resultJson()));
        }
        ImageResults results = new ImageResults(study, byCell, study.generators(ctx, null), 0);
        List<ImageFigures.Figure> figs = ImageFigures.write(results, tmp.resolve("figs"));
        assertThat(figs).hasSize(2);
        for (ImageFigures.Figure f : figs) {
            assertThat(Files.size(f.png())).isPositive();
        }
        List<Claim> claims = ImageClaims.all(results);
        assertThat(claims).isNotEmpty();
        assertThat(claims).allSatisfy(c -> assertThat(c.measured()).isNotBlank());
    }
}
