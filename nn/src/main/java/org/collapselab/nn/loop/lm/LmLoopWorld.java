package org.collapselab.nn.loop.lm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.collapselab.nn.loop.CollapseMetrics;
import org.collapselab.nn.loop.LoopArm;
import org.collapselab.nn.loop.LoopResult;
import org.collapselab.nn.loop.LoopSeeds;
import org.collapselab.nn.loop.RetrainingLoop;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.corpus.PreparedCorpus;
import org.collapselab.nn.text.model.LanguageModel;
import org.collapselab.nn.text.model.LossProfile;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.quality.TextMeasures;
import org.collapselab.nn.text.quality.WordList;
import org.collapselab.nn.text.tokenizer.BpeTokenizer;

/**
 * The language-model loop's data and models (see {@link LmLoopConfig}): rows are token segments; a generation's
 * model writes n rows after training (its sample: measured for diversity, saved, and the synthetic rows of the next
 * generation).
 */
final class LmLoopWorld implements RetrainingLoop.World<int[], LmLoopWorld.Model> {
    /** A trained model and the rows it sampled (set by {@link #measure}). */
    static final class Model implements AutoCloseable {
        final LanguageModel lm;
        int[][] samples;
        /** The generation whose rows {@link #samples} were drawn for (its own generation, from measure). */
        int samplesFor;

        Model(LanguageModel lm) {
            this.lm = lm;
        }

        @Override
        public void close() {
            lm.close();
        }
    }

    private final LmLoopConfig c;
    private final PreparedCorpus d;
    private final long loopSeed;
    private final int[][] realSegments;
    private final WordList dictionary;
    private final boolean[] rare;
    private final PrintStream log;
    private final String label;
    private int nextReal;

    private LmLoopWorld(LmLoopConfig c, PreparedCorpus d, LoopArm arm, int seed, PrintStream log) {
        this.c = c;
        this.d = d;
        this.loopSeed = LoopSeeds.loop(c.baseSeed(), seed);
        this.realSegments = segments(d.train(), c.rowTokens(), LoopSeeds.derive(loopSeed, 1));
        this.dictionary = WordList.system().orElse(null);
        this.rare = LossProfile.rareTokens(d.train(), d.tokenizer().vocabSize(), LmLoopConfig.RARE_SHARE);
        this.log = log;
        this.label = arm.label() + " seed=" + seed;
    }

    /** One whole loop. */
    static LoopResult run(LmLoopConfig c, PreparedCorpus d, LoopArm arm, int seed, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        LmLoopWorld w = new LmLoopWorld(c, d, arm, seed, log);
        int need = c.rows() + (int) Math.ceil(c.generations() * (double) arm.realRows(c.rows()));
        if (need > w.realSegments.length) {
            throw new IllegalArgumentException("the loop needs " + need + " real rows of " + c.rowTokens()
                    + " tokens, the " + "training split has " + w.realSegments.length);
        }
        // the reference: real text of one generation's size (the rows generation 0 trains on)
        TextMeasures reference = TextMeasures.of(w.text(Arrays.copyOf(w.realSegments, c.rows())), w.dictionary);
        var gens = RetrainingLoop.run(w, arm, c.generations(), c.rows(), LoopSeeds.derive(w.loopSeed, 2));
        return new LoopResult(
                arm.schedule().key(),
                arm.freshReal(),
                arm.variant().key(),
                seed,
                gens,
                reference,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The stream cut into whole segments of {@code length} tokens, in an order shuffled by {@code seed}. */
    static int[][] segments(int[] stream, int length, long seed) {
        int count = stream.length / length;
        int[] order = LoopSeeds.permutation(count, seed);
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = Arrays.copyOfRange(stream, order[i] * length, order[i] * length + length);
        }
        return out;
    }

    @Override
    public List<int[]> rows(int generation, int realCount, int n, Model teacher) {
        List<int[]> out = new ArrayList<>(n);
        for (int i = 0; i < realCount; i++) {
            out.add(realSegments[nextReal++]);
        }
        if (realCount < n && teacher.samplesFor != generation - 1) {
            // a teacher other than the previous generation (generation 0 for the first_teacher control): new text of
            // its
            // own for this generation
            teacher.samples = teacher.lm.generate(
                    separators(n), c.rowTokens() - 1, c.temperature(), LoopSeeds.derive(loopSeed, 500 + generation));
            teacher.samplesFor = generation - 1;
        }
        for (int i = 0; out.size() < n; i++) {
            int[] s = teacher.samples[i];
            int[] row = new int[s.length + 1];
            row[0] = BpeTokenizer.SEPARATOR; // a sampled row starts a document, as it did when it was sampled
            System.arraycopy(s, 0, row, 1, s.length);
            out.add(row);
        }
        return out;
    }

    @Override
    public Model train(List<RetrainingLoop.Row<int[]>> rows, int generation, double budgetScale) {
        int total = 0;
        for (RetrainingLoop.Row<int[]> r : rows) {
            total += r.value().length;
        }
        int[] stream = new int[total];
        int at = 0;
        for (RetrainingLoop.Row<int[]> r : rows) {
            System.arraycopy(r.value(), 0, stream, at, r.value().length);
            at += r.value().length;
        }
        long s = LoopSeeds.derive(loopSeed, 100 + generation);
        TrainingPlan p = c.plan();
        TrainingPlan plan = budgetScale == 1
                ? p
                : new TrainingPlan(
                        Math.round(p.tokens() * budgetScale),
                        p.batch(),
                        p.learningRate(),
                        p.warmupFraction(),
                        p.finalLrFraction(),
                        p.weightDecay(),
                        p.evalPoints());
        LanguageModel lm = LanguageModel.create(c.model(), d.tokenizer().vocabSize(), plan, s);
        try {
            lm.train(
                    MixtureSampler.realOnly(stream, s ^ 0x5DEECE66DL),
                    d.curveEval(),
                    log,
                    String.format(Locale.ROOT, "%s gen %d", label, generation));
        } catch (RuntimeException e) {
            lm.close();
            throw e;
        }
        return new Model(lm);
    }

    @Override
    public RetrainingLoop.Measurement measure(Model m, int generation, Model first) {
        LossProfile profile = LossProfile.of(m.lm, d.finalEval(), rare); // the real-test loss and its tails, one pass
        double loss = profile.loss();
        m.samples = m.lm.generate(
                separators(c.rows()), c.rowTokens() - 1, c.temperature(), LoopSeeds.derive(loopSeed, 200 + generation));
        m.samplesFor = generation;
        String text = text(m.samples);
        List<String> words = dictionary == null
                ? List.of()
                : TextMeasures.words(text).stream().filter(dictionary::contains).toList();
        int matched = words.size() >= LmLoopConfig.MATCHED_WORDS ? LmLoopConfig.MATCHED_WORDS : 0;
        List<String> head = words.subList(0, matched);
        CollapseMetrics metrics = new CollapseMetrics(
                sampleLoss(first.lm, m.samples),
                profile.rareLoss(),
                profile.entropy(),
                matched,
                matched == 0 ? Double.NaN : TextMeasures.distinct(head, 1),
                matched == 0 ? Double.NaN : TextMeasures.distinct(head, 2));
        return new RetrainingLoop.Measurement(
                loss,
                Double.NaN,
                TextMeasures.of(text, dictionary),
                text.substring(0, Math.min(text.length(), c.sampleChars())),
                metrics);
    }

    /** Mean loss of sampled rows under a model, each row read after a document separator as it was sampled. */
    private static double sampleLoss(LanguageModel lm, int[][] samples) {
        int total = 0;
        for (int[] s : samples) {
            total += s.length + 1;
        }
        int[] stream = new int[total];
        int at = 0;
        for (int[] s : samples) {
            stream[at++] = BpeTokenizer.SEPARATOR;
            System.arraycopy(s, 0, stream, at, s.length);
            at += s.length;
        }
        float[] l = lm.tokenLosses(stream);
        double sum = 0;
        int count = 0;
        for (float v : l) {
            if (Float.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        return sum / count;
    }

    /** One prompt per row: the document separator alone. */
    private static int[][] separators(int rows) {
        int[][] prompts = new int[rows][];
        for (int i = 0; i < rows; i++) {
            prompts[i] = new int[] {BpeTokenizer.SEPARATOR};
        }
        return prompts;
    }

    /** Rows decoded, one paragraph each. */
    private String text(int[][] rows) {
        StringBuilder b = new StringBuilder();
        for (int[] r : rows) {
            b.append(d.tokenizer().decode(r, 0, r.length).strip()).append("\n\n");
        }
        return b.toString();
    }
}
