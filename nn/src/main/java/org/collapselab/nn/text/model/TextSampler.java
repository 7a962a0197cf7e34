package org.collapselab.nn.text.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.collapselab.nn.common.Checks;

/**
 * Sampling from a {@link LanguageModel} with a key/value cache ({@link GptBlock#extend}): temperature and nucleus
 * (top-p) sampling, many streams at once.
 */
final class TextSampler {
    private final LanguageModel lm;
    private final GptConfig config;
    private final int vocab;

    TextSampler(LanguageModel lm) {
        this.lm = lm;
        this.config = lm.config();
        this.vocab = lm.vocab();
    }

    /** Logits of the cached forward pass fed {@code prefix} tokens at once and then one token at a time; for tests. */
    float[] cachedLogits(int[][] rows, int prefix) {
        int r = rows.length;
        int t = rows[0].length;
        float[] out = new float[r * t * vocab];
        try (NDManager gen = lm.manager().newSubManager();
                GptBlock.KvCache cache = new GptBlock.KvCache(gen, config.layers())) {
            ParameterStore ps = new ParameterStore(gen, false);
            int pos = 0;
            while (pos < t) {
                int n = pos == 0 ? prefix : 1;
                int[] ids = new int[r * n];
                for (int i = 0; i < r; i++) {
                    System.arraycopy(rows[i], pos, ids, i * n, n);
                }
                try (NDManager m = gen.newSubManager()) {
                    float[] l = lm.block()
                            .extend(ps, cache, m.create(ids, new Shape(r, n)).toType(DataType.INT64, false))
                            .toFloatArray();
                    for (int i = 0; i < r; i++) {
                        System.arraycopy(l, i * n * vocab, out, (i * t + pos) * vocab, n * vocab);
                    }
                }
                pos += n;
            }
        }
        return out;
    }

    /**
     * Samples {@code length} new tokens after each prompt (one stream per prompt, all prompts the same length ≤
     * context), at the given temperature, with a key/value cache. When a stream reaches the context length, its last
     * context/2 tokens become the new prompt (strided sliding window), so every token is sampled with between
     * context/2 and context tokens of history. With nucleus (top-p) sampling (Holtzman et al. 2020, "The Curious Case
     * of Neural Text Degeneration") each token is drawn from the smallest set of most likely tokens whose probability
     * (after the temperature) reaches {@code topP}; 1 samples from the whole distribution.
     *
     * @return the generated tokens of each stream (prompts excluded)
     */
    int[][] generate(int[][] prompts, int length, double temperature, double topP, long seed) {
        Checks.doubleIn("temperature", temperature, 0.01, 10.0);
        Checks.doubleIn("top_p", topP, 0.01, 1.0);
        int r = prompts.length;
        int p = prompts[0].length;
        int ctx = config.context();
        if (p < 1 || p > ctx) {
            throw new IllegalArgumentException("prompt length must be in [1, " + ctx + "], got " + p);
        }
        int keep = Math.max(1, ctx / 2);
        int[][] history = new int[r][p + length];
        int[][] out = new int[r][length];
        for (int i = 0; i < r; i++) {
            System.arraycopy(prompts[i], 0, history[i], 0, p);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] probs = new float[vocab];
        long[] order = new long[vocab];
        try (NDManager gen = lm.manager().newSubManager();
                GptBlock.KvCache cache = new GptBlock.KvCache(gen, config.layers())) {
            ParameterStore ps = new ParameterStore(gen, false);
            int have = p;
            int[] feed = null;
            int feedLen = 0;
            for (int step = 0; step < length; step++) {
                if (step == 0 || cache.length() >= ctx) {
                    cache.clear();
                    int n = step == 0 ? p : keep;
                    feed = new int[r * n];
                    for (int i = 0; i < r; i++) {
                        System.arraycopy(history[i], have - n, feed, i * n, n);
                    }
                    feedLen = n;
                }
                float[] logits;
                try (NDManager m = gen.newSubManager()) {
                    NDArray ids = m.create(feed, new Shape(r, feedLen)).toType(DataType.INT64, false);
                    NDArray l = lm.block().extend(ps, cache, ids);
                    logits = l.get(":, -1, :").toFloatArray();
                }
                feed = new int[r];
                feedLen = 1;
                for (int i = 0; i < r; i++) {
                    int tok = sample(logits, i * vocab, temperature, topP, random, probs, order);
                    history[i][have] = tok;
                    out[i][step] = tok;
                    feed[i] = tok;
                }
                have++;
            }
        }
        return out;
    }

    private int sample(
            float[] logits,
            int off,
            double temperature,
            double topP,
            SplittableRandom random,
            float[] probs,
            long[] order) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits[off + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            double e = Math.exp((logits[off + v] - max) / temperature);
            probs[v] = (float) e;
            sum += e;
        }
        if (topP < 1) {
            // nucleus: keep the most likely tokens until their mass reaches topP, zero the rest; sorted as primitive
            // keys
            // (the bits of a non-negative float order like its value) with the token id in the low half
            for (int v = 0; v < vocab; v++) {
                order[v] = ((long) Float.floatToRawIntBits(probs[v]) << 32) | v;
            }
            java.util.Arrays.sort(order);
            double mass = 0;
            int k = vocab - 1;
            while (k >= 0 && mass < topP * sum) {
                mass += probs[(int) order[k--]];
            }
            for (int j = k; j >= 0; j--) {
                probs[(int) order[j]] = 0;
            }
            sum = mass;
        }
        double u = random.nextDouble() * sum;
        int last = 0;
        for (int v = 0; v < vocab; v++) {
            if (probs[v] > 0) {
                last = v;
                u -= probs[v];
                if (u <= 0) {
                    return v;
                }
            }
        }
        return last;
    }
}
