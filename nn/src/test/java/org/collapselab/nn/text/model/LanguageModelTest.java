package org.collapselab.nn.text.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.corpus.CharTokenizer;
import org.collapselab.nn.text.corpus.CorpusSplit;
import org.collapselab.nn.text.corpus.EvalWindows;
import org.collapselab.nn.text.corpus.MixtureSampler;
import org.collapselab.nn.text.corpus.TextCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("neural")
public class LanguageModelTest {
    @BeforeAll
    static void engine() {
        org.collapselab.nn.common.TorchRuntime.engine(2);
    }

    @Test
    void cachedDecodingMatchesFullForwardPass() {
        GptConfig c = new GptConfig("t", 2, 32, 4, 16);
        TrainingPlan plan = new TrainingPlan(1000, 4, 1e-3, 0.1, 0.1, 0.0, 1);
        try (LanguageModel lm = LanguageModel.create(c, 11, plan, 7)) {
            SplittableRandom r = new SplittableRandom(3);
            int[][] rows = new int[3][16];
            for (int[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextInt(11);
                }
            }
            float[] full = lm.logits(rows);
            float[] cached = lm.cachedLogits(rows, 5);
            assertThat(cached.length).isEqualTo(full.length);
            for (int i = 0; i < full.length; i++) {
                assertThat((double) cached[i]).isCloseTo(full[i], within(1e-4));
            }
        }
    }

    @Test
    void tokenLossesAreTheNextTokenLossesOfTheirWindow() {
        int ctx = 16;
        GptConfig c = new GptConfig("t", 1, 32, 4, ctx);
        TrainingPlan plan = new TrainingPlan(1000, 4, 1e-3, 0.1, 0.1, 0.0, 1);
        try (LanguageModel lm = LanguageModel.create(c, 11, plan, 7)) {
            SplittableRandom r = new SplittableRandom(4);
            int[] stream = new int[3 * ctx + 5];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = r.nextInt(11);
            }
            float[] l = lm.tokenLosses(stream);
            assertThat(l[0]).isNaN();
            for (int i = 1; i < stream.length; i++) {
                // the window that scores token i: the first for i <= ctx, else the one (starts are multiples of h =
                // ctx/2)
                // whose second half predicts it, so it is read after at least h tokens of history
                int h = ctx / 2;
                int s = i <= ctx ? 0 : (i - h - 1) / h * h;
                int[] row = new int[ctx];
                for (int j = 0; j < ctx; j++) {
                    row[j] = stream[Math.min(s + j, stream.length - 2)];
                }
                float[] logits = lm.logits(new int[][] {row});
                int at = i - 1 - s;
                assertThat(at).isBetween(i <= ctx ? 0 : h, ctx - 1);
                assertThat((double) l[i])
                        .as("token %d", i)
                        .isCloseTo(referenceNll(logits, at, 11, stream[i]), within(1e-4));
            }
        }
    }

    @Test
    void tinyNucleusSamplesTheMostLikelyTokenWhateverTheSeed() {
        GptConfig c = new GptConfig("t", 1, 32, 4, 16);
        TrainingPlan plan = new TrainingPlan(1000, 4, 1e-3, 0.1, 0.1, 0.0, 1);
        try (LanguageModel lm = LanguageModel.create(c, 11, plan, 7)) {
            int[][] prompt = {{1, 2, 3}, {4, 5, 6}};
            int[][] a = lm.generate(prompt, 20, 1.0, 0.01, 1);
            int[][] b = lm.generate(prompt, 20, 1.0, 0.01, 2);
            assertThat(a).isDeepEqualTo(b);
            assertThat(java.util.Arrays.deepEquals(
                            lm.generate(prompt, 20, 1.0, 1.0, 1), lm.generate(prompt, 20, 1.0, 1.0, 2)))
                    .isFalse();
        }
    }

    @Test
    void trainingLowersTheRealTestLoss() {
        List<TextCorpus.Document> docs = TextCorpus.split("toy", TestTexts.toyStories(60, 11), TextCorpus.Unit.BLOCK);
        CorpusSplit split = CorpusSplit.of(new TextCorpus(docs), 0.2, 1);
        CharTokenizer tok = CharTokenizer.fit(split.train());
        int[] train = tok.encodeStream(split.train());
        EvalWindows test = EvalWindows.of(tok.encodeStream(split.test()), 32, 4096);
        GptConfig c = new GptConfig("t", 1, 32, 2, 32);
        TrainingPlan plan = new TrainingPlan(200L * 8 * 32, 8, 3e-3, 0.05, 0.1, 0.0, 4);
        try (LanguageModel lm = LanguageModel.create(c, tok.vocabSize(), plan, 1)) {
            double before = lm.loss(test);
            TrainingCurve curve = lm.train(new MixtureSampler(train, null, 0.0, 1), test, null, "toy");
            double after = curve.points().get(curve.points().size() - 1).testLoss();
            assertThat(before).isCloseTo(Math.log(tok.vocabSize()), within(0.3));
            assertThat(after).isLessThan(before - 1.5);
            assertThat(curve.points()).hasSize(4);
            int[][] gen = lm.generate(new int[][] {tok.encode("the "), tok.encode("a ca")}, 80, 1.0, 5);
            assertThat(gen[0]).hasSize(80);
            String s = tok.decode(gen[0], 0, 80);
            assertThat(s).containsAnyOf("the", "sat", "on");
        }
    }

    @Test
    void lossProfileAgreesWithTheMeanLossAndTheTokenLosses() {
        int ctx = 16;
        GptConfig c = new GptConfig("t", 1, 32, 4, ctx);
        TrainingPlan plan = new TrainingPlan(1000, 4, 1e-3, 0.1, 0.1, 0.0, 1);
        try (LanguageModel lm = LanguageModel.create(c, 11, plan, 9)) {
            SplittableRandom r = new SplittableRandom(5);
            int[] stream = new int[20 * ctx + 1];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = r.nextInt(11);
            }
            EvalWindows w = EvalWindows.of(stream, ctx, 10_000);
            boolean[] rare = new boolean[11];
            rare[3] = true;
            LossProfile p = LossProfile.of(lm, w, rare);
            assertThat(p.loss()).isCloseTo(lm.loss(w), within(1e-5));
            assertThat(p.meanLoss(0, ctx)).isCloseTo(p.loss(), within(1e-5));
            assertThat(p.entropy()).isBetween(0.0, Math.log(11));
            // the rare loss: the window's own next-token losses at the tokens marked rare, by the reference formula
            double sum = 0;
            int count = 0;
            for (int[] row : w.windows()) {
                float[] logits = lm.logits(new int[][] {java.util.Arrays.copyOf(row, ctx)});
                for (int at = 0; at < ctx; at++) {
                    if (rare[row[at + 1]]) {
                        sum += referenceNll(logits, at, 11, row[at + 1]);
                        count++;
                    }
                }
            }
            assertThat(p.rareTokens()).isEqualTo(count).isPositive();
            assertThat(p.rareLoss()).isCloseTo(sum / count, within(1e-4));
        }
    }

    /** −log softmax(logits at position {@code at})[label], in doubles: the reference the model's losses must match. */
    private static double referenceNll(float[] logits, int at, int vocab, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits[at * vocab + v]);
        }
        double z = 0;
        for (int v = 0; v < vocab; v++) {
            z += Math.exp(logits[at * vocab + v] - max);
        }
        return Math.log(z) + max - logits[at * vocab + label];
    }
}
