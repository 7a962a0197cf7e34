package org.collapselab.nn.text.study;

import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.model.LanguageModelTest;
import org.collapselab.nn.text.model.TrainingCurve;

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
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI-sized experiment: a few KB of text, two tiny models, a few hundred steps in all. */
@Tag("slow")
@Tag("neural")
public class LanguageModelReproductionTest {

  static LmStudy tiny(Path corpus) {
    return (LmStudy) StudyFamilies.read(StudyFile.parse("tiny.yaml", TestTexts.tinyYaml(corpus, "[0, 0.5, 1]")), false);
  }

  @Test
  void bundledStudyHasTheSeedsAndSharesItsVerdictsNeed() throws Exception {
    String yaml = Files.readString(Path.of("..", "studies", "lm.yaml"));
    for (boolean quick : new boolean[] {false, true}) {
      LmStudy s = (LmStudy) StudyFamilies.read(StudyFile.parse("lm.yaml", yaml), quick);
      LmExperimentConfig c = s.config();
      assertThat(c.seeds()).isGreaterThanOrEqualTo(quick ? 3 : 5);
      assertThat(c.p2s()).containsExactly(0.0, 0.01, 0.1, 0.5, 1.0);
      assertThat(c.p2s(c.models().get(1))).containsExactly(0.0, 1.0);
      assertThat(c.files()).hasSize(11);
      assertThat(c.filter().minDictionaryShare()).isPositive();
    }
  }

  @Test
  void isAReproductionOfItsOwn() {
    assertThat(org.collapselab.experiments.reproduce.Reproductions.available(false).get("lm").studies())
        .containsExactly("lm");
  }

  @Test
  void tinyRunLowersTheLossKeepsTheTestSplitOutAndResumes(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("toy.txt"), TestTexts.toyStories(80, 5));
    LmStudy study = tiny(corpus);
    LmExperimentConfig c = study.config();
    Path out = tmp.resolve("out");
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    ReproductionOptions o = new ReproductionOptions(out, true, 2, new PrintStream(logBytes, true,
        StandardCharsets.UTF_8));
    ReportSection section = StudyRuns.section(o.run(study));

    // files: figures, samples, synthetic corpus, database
    Path dir = out.resolve("lm");
    for (String f : List.of("lm-loss-curves.png", "lm-loss-curves.svg", "lm-final-loss.png", "lm-final-loss.svg",
        "lm-loss-vs-real-tokens.png", "samples.txt", "samples/S-p2-0.txt", "samples/M-p2-1.txt")) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("samples.txt"))).contains("model M", "p2 = 0.5");
    assertThat(section.id()).isEqualTo("lm");
    assertThat(section.claims()).hasSize(3); // p2 = {0, 0.5, 1}: no second mixed share to compare
    assertThat(section.bodyHtml()).contains("lm/lm-loss-curves.png", "tokens/s");

    // resume: everything is read back from the database
    StudyRuns.Outcome again = o.run(study);
    assertThat(again.summary().computed()).isZero();
    try (ResultStore store = ResultStore.open(out.resolve("results.db"))) {
      assertThat(store.list("lm")).hasSize(6);
      assertThat(store.list("lm-generator")).hasSize(1);
      List<LmRunResult> runs = new ArrayList<>();
      for (var cell : store.list("lm")) {
        runs.add(LanguageModelExperiment.JSON.readValue(cell.resultJson(), LmRunResult.class));
      }
      String synthetic = LmGeneratorJob.read(store.list("lm-generator").get(0).resultJson()).text();
      LanguageModelExperiment.Prepared prepared = LanguageModelExperiment.prepare(c);

      // training lowered the real-test loss from the uniform guess ln(V)
      double uniform = Math.log(prepared.tokenizer().vocabSize());
      for (LmRunResult r : runs) {
        List<TrainingCurve.Point> pts = r.curve().points();
        assertThat(pts).hasSize(3);
        assertThat(r.finalTestLoss()).isLessThan(uniform - 0.5);
        if (r.p2() == 0.0) {
          assertThat(pts.get(2).testLoss()).isLessThan(pts.get(0).testLoss());
          assertThat(pts.get(2).syntheticTokens()).isZero();
        }
        if (r.p2() == 1.0) {
          assertThat(pts.get(2).realTokens()).isZero();
        }
      }

      // the held-out real test split never reaches training: no test document appears in the training stream,
      // in the generator's training slice, or in the synthetic corpus
      CorpusSplit split = prepared.split();
      String trainText = prepared.tokenizer().decode(prepared.train(), 0, prepared.train().length);
      assertThat(split.test()).isNotEmpty();
      for (Document d : split.test()) {
        assertThat(trainText).doesNotContain(d.text());
        assertThat(synthetic).doesNotContain(d.text());
      }
      assertThat(split.trainSlice(c.generatorSlice())).allMatch(split.train()::contains);
    }
  }
}
