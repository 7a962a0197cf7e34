package org.collapselab.nn.text.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.model.TrainingCurve;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI-sized experiment: a few KB of text, tiny models, a few hundred steps in all. */
@Tag("slow")
@Tag("neural")
public class LanguageModelReproductionTest {

    static LmStudy tiny(Path corpus) {
        return (LmStudy)
                StudyFamilies.read(StudyFile.parse("tiny.yaml", TestTexts.tinyYaml(corpus, "[0, 0.5, 1]")), false);
    }

    @Test
    void bundledStudyHasTheDesignItsVerdictsNeed() throws Exception {
        String yaml = Files.readString(Path.of("..", "studies", "lm.yaml"));
        for (boolean quick : new boolean[] {false, true}) {
            LmStudy s = (LmStudy) StudyFamilies.read(StudyFile.parse("lm.yaml", yaml), quick);
            LmExperimentConfig c = s.config();
            assertThat(c.seeds()).isGreaterThanOrEqualTo(3);
            assertThat(c.generatorSeeds())
                    .as("one generator replicate per seed")
                    .isEqualTo(c.seeds());
            assertThat(c.p2s()).containsExactly(0.0, 0.01, 0.1, 0.5);
            assertThat(c.budgets()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.generators()).extracting(LmGeneratorConfig::name).containsExactly("strong", "weak");
            assertThat(c.corpus().files()).hasSize(11);
            assertThat(c.shiftedFiles()).containsExactly("bible-kjv.txt");
            assertThat(c.threads()).isEqualTo(1);
            assertThat(c.generator("strong").filter().minDictionaryShare()).isPositive();
        }
    }

    @Test
    void isAReproductionOfItsOwn() {
        assertThat(org.collapselab.experiments.reproduce.Reproductions.available(false)
                        .get("lm")
                        .studies())
                .containsExactly("lm");
    }

    @Test
    void aControlFileThatIsNotInTheCorpusFolderIsNamed(@TempDir Path tmp) {
        String yaml = TestTexts.tinyYaml(tmp, "[0, 0.5]")
                .replace("files: [other.txt]", "files: [../x.txt]")
                .replace("budgets: [7680, 15360]", "budgets: [7680.5]");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StudyFamilies.read(StudyFile.parse("t.yaml", yaml), false))
                .isInstanceOf(StudyFileException.class)
                .hasMessageContaining(
                        "t.yaml: shifted.files[0]: got '../x.txt'; allowed: a file name inside the corpus " + "folder")
                .hasMessageContaining("t.yaml: budgets: got 7680.5; allowed: whole numbers of tokens");
    }

    @Test
    void tinyRunLowersTheLossKeepsTheTestSplitOutAndResumes(@TempDir Path tmp) throws Exception {
        Path corpus = TestTexts.toyCorpus(tmp.resolve("corpus"));
        LmStudy study = tiny(corpus);
        LmExperimentConfig c = study.config();
        Path out = tmp.resolve("out");
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        ReproductionOptions o =
                new ReproductionOptions(out, true, 2, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        ReportSection section = StudyRuns.section(o.run(study));

        Path dir = out.resolve("lm");
        for (String f : List.of(
                "lm-loss-vs-budget.png",
                "lm-loss-vs-budget.svg",
                "lm-penalty-vs-budget.png",
                "lm-penalty-by-position.svg",
                "samples.txt")) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("samples.txt"))).contains("weak generator, p2 = 0.5", "real text only");
        assertThat(section.id()).isEqualTo("lm");
        // per generator: two shares, fading, crossing, dilution, shifted, position
        assertThat(section.claims()).hasSize(7);
        assertThat(section.bodyHtml())
                .contains("lm/lm-loss-vs-budget.png", "MIN_EFFECT = 0.01", "Common random numbers", "all 4 did.");

        // resume: everything is read back from the database
        StudyRuns.Outcome again = o.run(study);
        assertThat(again.summary().computed()).isZero();
        try (ResultStore store = ResultStore.open(out.resolve("results.db"))) {
            // 2 budgets × (real, weak 0.5, weak 1, shifted 0.5, diluted 0.5)
            assertThat(store.list("lm")).hasSize(10);
            assertThat(store.list("lm-generator")).hasSize(1);
            List<LmRunResult> runs = new ArrayList<>();
            for (var cell : store.list("lm")) {
                runs.add(LanguageModelExperiment.JSON.readValue(cell.resultJson(), LmRunResult.class));
            }
            String synthetic = LmGeneratorJob.read(
                            store.list("lm-generator").get(0).resultJson())
                    .text();
            LanguageModelExperiment.Prepared prepared = LanguageModelExperiment.prepare(c);

            double uniform = Math.log(prepared.data().tokenizer().vocabSize());
            for (LmRunResult r : runs) {
                List<TrainingCurve.Point> pts = r.curve().points();
                assertThat(pts).hasSize(3);
                assertThat(r.finalTestLoss()).isLessThan(uniform - 0.5);
                assertThat(r.positionLoss()).hasSize(32);
                assertThat(r.threads()).isEqualTo(1);
                long tokens = pts.get(2).tokens();
                switch (r.arm().source()) {
                    case REAL -> assertThat(pts.get(2).syntheticTokens()).isZero();
                    case DILUTED -> assertThat(tokens).isEqualTo(r.budget() / 2);
                    case GENERATED -> assertThat(r.otherHash()).hasSize(64);
                    default -> assertThat(pts.get(2).syntheticTokens()).isPositive();
                }
                if (r.arm().p2() == 1.0) {
                    assertThat(pts.get(2).realTokens()).isZero();
                }
            }

            // the held-out real test split never reaches training: no test document appears in the training stream,
            // in the generator's training text, or in the synthetic corpus
            CorpusSplit split = prepared.data().split();
            String trainText = prepared.data()
                    .tokenizer()
                    .decode(prepared.data().train(), 0, prepared.data().train().length);
            assertThat(split.test()).isNotEmpty();
            for (Document d : split.test()) {
                assertThat(trainText).doesNotContain(d.text());
                assertThat(synthetic).doesNotContain(d.text());
            }
        }
    }
}
