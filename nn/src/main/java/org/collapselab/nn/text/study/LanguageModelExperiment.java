package org.collapselab.nn.text.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.common.DerivedSeeds;
import org.collapselab.nn.text.corpus.CharTokenizer;
import org.collapselab.nn.text.corpus.EvalWindows;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.corpus.PreparedCorpus;
import org.collapselab.nn.text.corpus.Prompts;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.model.LanguageModel;
import org.collapselab.nn.text.model.LossProfile;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.quality.WordList;
import org.collapselab.nn.text.synthetic.SyntheticCorpus;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;

/**
 * The computations of the language-model collapse study, run as cells by the one runner ({@link LmStudy}): a
 * generator replicate trained on real training text with its synthetic corpus ({@link #generator}), and one student
 * trained on one arm at one budget for one seed, with the real-test loss along training and its profile at the end
 * ({@link #train}). Cells are keyed by their full configuration, including the hash of the corpus, the thread count,
 * the generator's key (students on its text) and the word list's hash (generators whose filter uses it).
 */
public final class LanguageModelExperiment {
    /** Experiment name of the training runs in the result database. */
    public static final String EXPERIMENT = "lm";
    /** Experiment name of the generator cells. */
    public static final String GENERATOR_EXPERIMENT = "lm-generator";
    /** Share of the training tokens made up by the rarest vocabulary entries ({@link LossProfile#rareTokens}). */
    public static final double RARE_SHARE = 0.05;

    static final ObjectMapper JSON = PreparedCorpus.JSON;

    private LanguageModelExperiment() {}

    /**
     * A study's data prepared, and the keys of its cells. Computes no model; cached per process.
     *
     * @param config the study's configuration
     * @param data the corpus read, split and tokenized
     * @param rare the rare vocabulary entries of the training split
     */
    public record Prepared(LmExperimentConfig config, PreparedCorpus data, boolean[] rare) {
        /** Canonical configuration of a generator replicate. */
        public String generatorJson(String name, int replicate) {
            LmGeneratorConfig g = config.generator(name);
            ObjectNode o = data.dataJson();
            o.set("generator", JSON.valueToTree(g));
            o.put("replicate", replicate);
            o.put("temperature", config.temperature());
            o.put("topP", config.topP());
            o.put("syntheticTokens", config.syntheticTokens());
            o.put("baseSeed", config.baseSeed());
            o.put("threads", config.threads());
            if (g.filter().minDictionaryShare() > 0) {
                o.put(
                        "wordListHash",
                        WordList.system()
                                .map(WordList::hash)
                                .orElseThrow(() -> new IllegalStateException("generator " + name
                                        + ": the filter's min_dictionary_share needs a word list: " + WordList.WHERE)));
            }
            return PreparedCorpus.json(o);
        }

        /** The result-store key of a generator replicate. */
        public String generatorKey(String name, int replicate) {
            return CellKeys.key(generatorJson(name, replicate), generatorSeed(name, replicate));
        }

        /** The seed of a generator replicate (weights, data order, prompts, sampling). */
        public long generatorSeed(String name, int replicate) {
            return DerivedSeeds.derive(
                    config.baseSeed(), 10_000 + 100L * config.generators().indexOf(config.generator(name)) + replicate);
        }

        /** Canonical configuration of one student run. */
        public String runJson(LmArm arm, long budget, int seed) {
            ObjectNode o = data.dataJson();
            o.set("model", JSON.valueToTree(config.model()));
            o.set("plan", JSON.valueToTree(config.planAt(arm.tokens(budget))));
            o.put("budget", budget);
            o.set("arm", JSON.valueToTree(arm));
            if (arm.source() == LmArm.Source.GENERATED) {
                o.put("generatorKey", generatorKey(arm.generator(), config.replicateOf(seed)));
            }
            if (arm.source() == LmArm.Source.SHIFTED) {
                o.set("shiftedFiles", JSON.valueToTree(config.shiftedFiles()));
                o.put("shiftedHash", data.encodeOther(config.shiftedFiles()).textHash());
            }
            o.put("samples", samples(budget, seed));
            o.put("sampleLength", config.sampleLength());
            o.put("temperature", config.temperature());
            o.put("topP", config.topP());
            o.put("baseSeed", config.baseSeed());
            o.put("threads", config.threads());
            return PreparedCorpus.json(o);
        }

        /** The result-store key of one student run. */
        public String runKey(LmArm arm, long budget, int seed) {
            return CellKeys.key(runJson(arm, budget, seed), runSeed(seed));
        }

        /** The seed of student seed {@code seed}: the same initial weights and data streams in every arm and budget. */
        public long runSeed(int seed) {
            return DerivedSeeds.derive(config.baseSeed(), 1 + seed);
        }

        /** Samples a run writes: seed 0 at the largest budget only. */
        int samples(long budget, int seed) {
            return seed == 0 && budget == config.largestBudget() ? config.samples() : 0;
        }
    }

    private static final Map<LmExperimentConfig, Prepared> PREPARED = new HashMap<>();

    /** Reads, splits and tokenizes the corpus of a configuration (once per process). */
    public static synchronized Prepared prepare(LmExperimentConfig c) {
        return PREPARED.computeIfAbsent(c, k -> {
            PreparedCorpus data = PreparedCorpus.of(c.corpus());
            return new Prepared(
                    c,
                    data,
                    LossProfile.rareTokens(data.train(), data.tokenizer().vocabSize(), RARE_SHARE));
        });
    }

    /**
     * Trains one student on {@code arm} at {@code budget} for seed {@code seed} and measures it; a generated arm
     * trains on {@code syntheticText}, the kept text of its generator replicate (its last 5% of documents are held
     * out as the synthetic test set).
     */
    public static LmRunResult train(
            Prepared d, LmArm arm, long budget, int seed, String syntheticText, PrintStream log) {
        LmExperimentConfig c = d.config();
        BpeTokenizer tok = d.data().tokenizer();
        int[] other = null;
        EvalWindows synthEval = null;
        String otherHash = "";
        if (arm.source() == LmArm.Source.GENERATED) {
            List<String> docs = CharTokenizer.documents(syntheticText);
            int held = Math.max(1, docs.size() / 20);
            other = tok.encodeStream(docs.subList(0, docs.size() - held));
            int[] synthTest = tok.encodeStream(docs.subList(docs.size() - held, docs.size()));
            // a heavily filtered corpus may leave too little held-out text: then its loss is not measured (NaN)
            synthEval = synthTest.length > c.model().context()
                    ? EvalWindows.of(synthTest, c.model().context(), c.corpus().curveEvalTokens())
                    : null;
            otherHash = CellKeys.sha256Hex(syntheticText);
        } else if (arm.source() == LmArm.Source.SHIFTED) {
            PreparedCorpus.Encoded e = d.data().encodeOther(c.shiftedFiles());
            other = e.tokens();
            otherHash = e.textHash();
        }
        double share = other == null ? 0 : arm.p2();
        long runSeed = d.runSeed(seed);
        String label = String.format(java.util.Locale.ROOT, "%s T=%d seed=%d", arm.key(), budget, seed);
        long t0 = System.nanoTime();
        try (LanguageModel lm =
                LanguageModel.create(c.model(), tok.vocabSize(), c.planAt(arm.tokens(budget)), runSeed)) {
            MixtureSampler sampler = new MixtureSampler(d.data().train(), other, share, runSeed ^ 0x5DEECE66DL);
            TrainingCurve curve = lm.train(sampler, d.data().curveEval(), log, label);
            LossProfile profile = LossProfile.of(lm, d.data().finalEval(), d.rare());
            double syn = synthEval == null ? Double.NaN : lm.loss(synthEval);
            List<String> samples = new ArrayList<>();
            int count = d.samples(budget, seed);
            if (count > 0) {
                int[][] prompts = Prompts.of(d.data().split().train(), tok, count, Prompts.TOKENS, c.baseSeed());
                int[][] g = lm.generate(prompts, c.sampleLength(), c.temperature(), c.topP(), runSeed + 17);
                for (int i = 0; i < g.length; i++) {
                    samples.add(tok.decode(prompts[i], 0, prompts[i].length) + tok.decode(g[i], 0, g[i].length));
                }
            }
            return new LmRunResult(
                    arm,
                    budget,
                    seed,
                    arm.source() == LmArm.Source.GENERATED ? c.replicateOf(seed) : -1,
                    c.threads(),
                    lm.parameterCount(),
                    curve,
                    profile.loss(),
                    profile.byPosition(),
                    profile.entropy(),
                    profile.rareLoss(),
                    syn,
                    otherHash,
                    curve.tokensPerSecond(),
                    samples,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Trains a generator replicate on the real training text and samples its synthetic corpus. */
    public static SyntheticCorpus.Generated generator(Prepared d, String name, int replicate, PrintStream log) {
        LmExperimentConfig c = d.config();
        LmGeneratorConfig g = c.generator(name);
        PreparedCorpus data = d.data();
        List<Document> validation = data.split().validation().isEmpty()
                ? data.split().test()
                : data.split().validation();
        String key = d.generatorKey(name, replicate);
        return SyntheticCorpus.generate(
                g.model(),
                g.plan(),
                data.tokenizer(),
                data.split().train(),
                data.split().train(),
                validation,
                data.finalEval(),
                c.corpus().curveEvalTokens(),
                c.syntheticTokens(),
                c.temperature(),
                c.topP(),
                d.generatorSeed(name, replicate),
                g.filter(),
                WordList.system().orElse(null),
                "synthetic-" + name + "-" + replicate + "-" + key.substring(0, 8) + ".txt",
                name,
                replicate,
                log);
    }
}
