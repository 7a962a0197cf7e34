package org.collapselab.nn.loop.lm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.loop.LoopFields;
import org.collapselab.nn.loop.LoopStudy;
import org.collapselab.nn.text.corpus.CorpusFields;
import org.collapselab.nn.text.corpus.CorpusSpec;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.ModelFields;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.study.LmSchema;

/**
 * Reads {@code kind: lm-loop} study files (e.g. {@code studies/generations-lm.yaml}): the common loop fields
 * ({@link LoopFields}), {@code model}, {@code training} (the token budget T of every generation), {@code row_tokens}
 * and {@code sample_chars}. Corpus (located as for the language-model study), split, tokenizer, evaluation windows
 * and temperature are those of the bundled {@code studies/lm.yaml} (its quick version with {@code --quick}), so the
 * loop's real-test loss is on the language-model study's held-out split.
 */
public final class LmLoopReader implements StudyFamily {

    static final Schema SCHEMA = LoopFields.schema(
            "lm-loop",
            "Retraining loops of a small GPT on text: each "
                    + "generation is trained on text the previous generation wrote (replace, accumulate, accumulate-subsample, with "
                    + "fresh real rows); real-test loss and diversity by generation. Corpus, split and tokenizer are those of the "
                    + "bundled lm study.",
            100_000,
            List.of(
                    Field.nested(
                            "model", Field.Type.MAPPING, "", "the model (a model's fields; context = the lm study's)"),
                    Field.nested("training", Field.Type.MAPPING, "", "every generation's training plan (fields below)"),
                    Field.integer("row_tokens", 2, 100_000, "128", "tokens per row"),
                    Field.integer(
                            "sample_chars", 0, 1_000_000, "3000", "characters of generated text kept per generation")),
            LmSchema.MODEL,
            LmSchema.PLAN);

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String kind() {
        return "lm-loop";
    }

    @Override
    public LoopStudy read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        LoopFields.Common common = LoopFields.read(f, r, 100_000);
        GptConfig model = ModelFields.model(f, r.path("model"), "model");
        TrainingPlan plan = ModelFields.plan(f, r.path("training"), "training");
        int rowTokens = f.integer(r, "row_tokens", "row_tokens", 2, 100_000, 128);
        int sampleChars = f.integer(r, "sample_chars", "sample_chars", 0, 1_000_000, 3000);
        if (!f.ok() || common == null || model == null || plan == null) {
            return null;
        }
        // the corpus, split, evaluation and temperature of the bundled language-model study
        StudyFile lmFile = StudyFile.bundled("lm");
        ObjectNode lm = lmFile.withQuick(quick, keysOf(lmFile));
        int context = lm.path("model").path("context").asInt(-1);
        CorpusSpec corpus = CorpusFields.read(lmFile, lm, context);
        double temperature = lmFile.real(lm, "temperature", "temperature", 0.05, 5, 1, true);
        if (corpus == null) {
            f.error("model", "studies/lm.yaml", "a readable bundled language-model study: " + lmFile.errors());
            return null;
        }
        if (model.context() != context) {
            f.error("model.context", model.context(), "the language-model study's context (" + context + ")");
            return null;
        }
        return new LoopStudy(
                name,
                new LmLoopConfig(
                        corpus,
                        temperature,
                        model,
                        plan,
                        common.rows(),
                        rowTokens,
                        common.generations(),
                        common.arms(),
                        common.seeds(),
                        common.seed(),
                        sampleChars),
                quick);
    }

    /** Every key of a study file, top level and quick (its own reader checks them; this reader takes a few). */
    private static Set<String> keysOf(StudyFile f) {
        Set<String> out = new java.util.HashSet<>();
        f.root().fieldNames().forEachRemaining(out::add);
        f.root().path("quick").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
