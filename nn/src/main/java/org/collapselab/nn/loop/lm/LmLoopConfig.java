package org.collapselab.nn.loop.lm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.collapselab.nn.loop.LoopArm;
import org.collapselab.nn.loop.LoopCellJob;
import org.collapselab.nn.loop.LoopConfig;
import org.collapselab.nn.loop.LoopResult;
import org.collapselab.nn.text.corpus.CorpusSpec;
import org.collapselab.nn.text.corpus.PreparedCorpus;
import org.collapselab.nn.text.corpus.TextCorpus;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.validation.ParameterException;

/**
 * The language-model loop ({@code kind: lm-loop}, {@code studies/generations-lm.yaml}): a small GPT trained on real
 * text, then each generation a fresh model of the same size and token budget trained on text sampled from the
 * previous one. A row is a segment of {@code rowTokens} BPE tokens: real rows are disjoint segments of the real
 * training split (each used by at most one generation of a loop), synthetic rows are streams the previous model
 * samples from the document separator alone (no real prompt), at the language-model study's temperature. Every model
 * trains on {@code plan.tokens()} tokens drawn as random windows from its rows, so under accumulate the budget in
 * tokens seen is fixed while the data grows. Corpus, split, tokenizer, evaluation windows and temperature are those
 * of the language-model study ({@code corpus} and {@code temperature} of studies/lm.yaml, read through
 * {@link PreparedCorpus}), so the real-test loss is on the same held-out split.
 *
 * @param corpus the language-model study's corpus (studies/lm.yaml, quick or full)
 * @param temperature the language-model study's sampling temperature
 * @param model the model of every generation (its context is the study's)
 * @param plan its training plan (token budget T per generation)
 * @param rows rows n per generation
 * @param rowTokens tokens per row
 * @param generations the last generation K
 * @param arms schedules and fresh real shares
 * @param seeds seeds per arm
 * @param baseSeed seed the loops derive from
 * @param sampleChars characters of each generation's text kept as its saved sample
 */
public record LmLoopConfig(
        CorpusSpec corpus,
        double temperature,
        GptConfig model,
        TrainingPlan plan,
        int rows,
        int rowTokens,
        int generations,
        List<LoopArm> arms,
        int seeds,
        long baseSeed,
        int sampleChars)
        implements LoopConfig {
    // Rates per core of the 1×64 model, two loops at once on the 2-core machine, calibrated on the full run of
    // 2026-12-06 (30 loops of 6 generations, T = 300k, n = 500 rows of 128 tokens): a generation of the growing-budget
    // arm costs 5.8 s more per 300k training tokens; every other generation about 16.5 s, of which the training is 6.
    /** Training tokens per second per core. */
    static final double TRAIN_RATE = 50_000;
    /** Sampled tokens per second per core (batched key/value-cache sampling of n rows). */
    static final double SAMPLE_RATE = 25_000;
    /** Evaluated tokens per second per core (forward only: scoring the samples, the loss profile, the curve). */
    static final double EVAL_RATE = 25_000;
    /** CPU seconds of a loop's child process start: JVM, PyTorch, corpus and cached tokenizer. */
    static final double STARTUP = 3;
    /** Dictionary words the length-matched diversity of a generation's text is measured on. */
    public static final int MATCHED_WORDS = 2000;
    /** Share of the training tokens made up by the rare vocabulary entries (as in the language-model study). */
    public static final double RARE_SHARE = 0.05;

    /** The fields of the language-model study's configuration that fix the loop's data and evaluation. */
    private static final List<String> SHARED = List.of(
            "corpusHash",
            "testFraction",
            "validationFraction",
            "splitChunk",
            "unit",
            "vocabSize",
            "curveEvalTokens",
            "finalEvalTokens",
            "temperature");

    public LmLoopConfig {
        arms = List.copyOf(arms);
        if (model.context() != corpus.context()) {
            throw new ParameterException(
                    "model.context",
                    model.context(),
                    "the language-model study's context (" + corpus.context()
                            + "): its evaluation windows are that long");
        }
    }

    /** The corpus read, split and tokenized (cached per process). */
    public PreparedCorpus prepared() {
        return PreparedCorpus.of(corpus);
    }

    @Override
    public String family() {
        return "language model";
    }

    @Override
    public String configJson() {
        try {
            ObjectNode o = (ObjectNode) LoopCellJob.JSON.valueToTree(this);
            o.remove("corpus"); // where the corpus lies does not matter, what it holds and how it is split does:
            o.remove("temperature");
            ObjectNode study = prepared().dataJson();
            study.put("temperature", temperature);
            for (String k : SHARED) {
                o.set(k, study.path(k));
            }
            return LoopCellJob.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoopResult run(LoopArm arm, int seed, int threads, PrintStream log) throws Exception {
        return LmLoopWorld.run(this, prepared(), arm, seed, log);
    }

    @Override
    public String unavailable() {
        return Files.exists(corpus.corpusPath())
                ? null
                : new TextCorpus.CorpusMissingException(corpus.corpusPath()).getMessage();
    }

    @Override
    public double estimatedSeconds(LoopArm arm) {
        // per generation: its own sample (and, for the first-teacher control, generation 0's fresh rows), scoring
        // the sample under generation 0, the loss profile (about two forward passes) and the curve's evaluations
        double sampling = arm.variant() == LoopArm.Variant.FIRST_TEACHER ? 2 : 1;
        double fixed = sampling * rows * rowTokens / SAMPLE_RATE
                + (double) rows * rowTokens / EVAL_RATE
                + (2.0 * corpus.finalEvalTokens() + corpus.curveEvalTokens() * (double) plan.evalPoints()) / EVAL_RATE;
        double training = 0;
        for (int k = 0; k <= generations; k++) {
            double scale = arm.variant() == LoopArm.Variant.GROWING_BUDGET
                    ? arm.schedule() == org.collapselab.problem.Schedule.ACCUMULATE ? k + 1 : 1
                    : 1;
            training += plan.tokens() * scale / TRAIN_RATE;
        }
        return STARTUP + (generations + 1) * fixed + training;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "Language model %s (%s, context %d) retrained for %d generations on its own "
                        + "text: each generation has n = %d rows of %d BPE tokens (%d tokens); generation 0 trains on real rows "
                        + "only; every model trains on T = %d tokens seen (random windows of its rows), the same budget under every "
                        + "schedule; synthetic rows are sampled at temperature %s from the document separator alone. Real-test loss "
                        + "on %d tokens of the language-model study's held-out test split.",
                model.name(),
                model.shape(),
                model.context(),
                generations,
                rows,
                rowTokens,
                (long) rows * rowTokens,
                plan.tokens(),
                temperature(),
                corpus.finalEvalTokens());
    }

    @Override
    public String lossLabel() {
        return "real-test loss (nats/token)";
    }

    @Override
    public String lossUnit() {
        return "nats/token";
    }

    @Override
    public org.collapselab.experiments.report.Threshold minEffect() {
        return new org.collapselab.experiments.report.Threshold(
                "MIN_EFFECT",
                0.01,
                "smallest real-test loss difference that matters, nats/token (1% perplexity; as in the language-model study)");
    }
}
