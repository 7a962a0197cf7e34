package org.collapselab.nn.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.reproduce.Reproductions;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.nn.text.TextCorpus.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI-sized experiment: a few KB of text, two tiny models, a few hundred steps in all. */
class LanguageModelReproductionTest {

  static LmExperimentConfig tiny(Path corpus) {
    GptConfig s = new GptConfig("S", 1, 32, 2, 32);
    GptConfig m = new GptConfig("M", 2, 32, 2, 32);
    return new LmExperimentConfig(corpus, List.of(), TextCorpus.Unit.BLOCK, 0.2, 2, List.of(s, m),
        new TrainingPlan(60L * 8 * 32, 8, 3e-3, 0.05, 0.1, 0.0, 3), List.of(0.0, 0.5, 1.0), 1, s,
        new TrainingPlan(40L * 8 * 32, 8, 3e-3, 0.05, 0.1, 0.0, 2), 1.0, 1.0, 4000, 1024, 2048, 80, 1, 3);
  }

  @Test
  void isRegisteredUnderItsName() {
    assertThat(Reproductions.available()).containsKey("lm");
  }

  @Test
  void tinyRunLowersTheLossKeepsTheTestSplitOutAndResumes(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("toy.txt"), LanguageModelTest.toyStories(80, 5));
    LmExperimentConfig c = tiny(corpus);
    Path out = tmp.resolve("out");
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    ReproductionOptions o = new ReproductionOptions(out, true, 2, new PrintStream(logBytes, true,
        StandardCharsets.UTF_8));
    org.collapselab.nn.common.TorchRuntime.engine(2);
    ReportSection section = new LanguageModelReproduction().run(c, o);

    // files: figures, samples, synthetic corpus, database
    Path dir = out.resolve("lm");
    for (String f : List.of("lm-loss-curves.png", "lm-loss-curves.svg", "lm-final-loss.png", "lm-final-loss.svg",
        "lm-loss-vs-real-tokens.png", "samples.txt", "samples/S-p2-0.txt", "samples/M-p2-1.txt")) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("samples.txt"))).contains("model M", "p2 = 0.5");
    assertThat(section.id()).isEqualTo("lm");
    assertThat(section.claims()).hasSize(4);
    assertThat(section.bodyHtml()).contains("lm/lm-loss-curves.png", "tokens/s");

    // resume: everything is read back from the database
    try (ResultStore store = ResultStore.open(out.resolve("results.db"))) {
      assertThat(store.list(LanguageModelExperiment.EXPERIMENT)).hasSize(6);
      assertThat(store.list(LanguageModelExperiment.GENERATOR_EXPERIMENT)).hasSize(1);
      LanguageModelExperiment.Outcome again = LanguageModelExperiment.run(c, store, dir, new PrintStream(
          new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(again.computed()).isZero();
      assertThat(again.runs()).hasSize(6);

      // training lowered the real-test loss from the uniform guess ln(V)
      double uniform = Math.log(again.tokenizer().vocabSize());
      for (LmRunResult r : again.runs()) {
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
      CorpusSplit split = again.split();
      String trainText = again.tokenizer().decode(again.tokenizer().encodeStream(split.train()), 0,
          again.tokenizer().encodeStream(split.train()).length);
      String synthetic = Files.readString(dir.resolve(again.generator().syntheticFile()));
      assertThat(split.test()).isNotEmpty();
      for (Document d : split.test()) {
        assertThat(trainText).doesNotContain(d.text());
        assertThat(synthetic).doesNotContain(d.text());
      }
      assertThat(split.trainSlice(c.generatorSlice())).allMatch(split.train()::contains);
    }
  }
}
