package org.collapselab.nn.loop.lm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.loop.LoopFields;
import org.collapselab.nn.loop.LoopStudy;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.study.LmExperimentConfig;
import org.collapselab.nn.text.study.LmStudy;
import org.collapselab.nn.text.study.LmStudyReader;

/**
 * Reads {@code kind: lm-loop} study files (e.g. {@code studies/generations-lm.yaml}): the common loop fields
 * ({@link LoopFields}), {@code model}, {@code training} (the token budget T of every generation), {@code temperature},
 * {@code row_tokens}, {@code curve_eval_tokens}, {@code final_eval_tokens}, {@code sample_chars}, and an optional
 * {@code corpus} folder. The corpus files, split and tokenizer settings are those of the bundled
 * {@code studies/lm.yaml}, so the loop's real-test loss is on the language-model study's held-out split.
 */
public final class LmLoopReader implements StudyFamily {
  private static final Set<String> KEYS = LoopFields.keys("corpus", "model", "training", "temperature",
      "row_tokens", "curve_eval_tokens", "final_eval_tokens", "sample_chars");

  @Override
  public String kind() {
    return "lm-loop";
  }

  @Override
  public LoopStudy read(StudyFile f, boolean quick) {
    ObjectNode r = f.withQuick(quick, KEYS);
    String name = f.studyName(r);
    LoopFields.Common common = LoopFields.read(f, r, 100_000);
    String corpusText = f.text(r, "corpus", "corpus", false);
    GptConfig model = LmStudyReader.model(f, r.path("model"), "model");
    TrainingPlan plan = LmStudyReader.plan(f, r.path("training"), "training");
    double temperature = f.real(r, "temperature", "temperature", 0.05, 5, 1, true);
    int rowTokens = f.integer(r, "row_tokens", "row_tokens", 2, 100_000, 128);
    long curveEval = f.longValue(r, "curve_eval_tokens", "curve_eval_tokens", 16, 100_000_000L, 8192);
    long finalEval = f.longValue(r, "final_eval_tokens", "final_eval_tokens", 16, 100_000_000L, 32_768);
    int sampleChars = f.integer(r, "sample_chars", "sample_chars", 0, 1_000_000, 3000);
    if (!f.ok() || common == null || model == null || plan == null) {
      return null;
    }
    LmExperimentConfig lm = ((LmStudy) StudyFamilies.bundled("lm", quick)).config();
    String corpus = corpusText != null ? corpusText : lm.corpus();
    return new LoopStudy(name, new LmLoopConfig(corpus, lm.files(), lm.unit(), lm.testFraction(),
        lm.validationFraction(), lm.splitChunk(), lm.vocabSize(), model, plan, temperature, common.rows(), rowTokens,
        common.generations(), common.arms(), common.seeds(), common.seed(), curveEval, finalEval, sampleChars), quick);
  }
}
