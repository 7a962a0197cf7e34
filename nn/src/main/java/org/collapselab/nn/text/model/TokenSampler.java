package org.collapselab.nn.text.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the next token from a model's logits: softmax at a temperature, optionally restricted to the nucleus (top-p)
 * of Holtzman et al. 2020, "The Curious Case of Neural Text Degeneration".
 */
final class TokenSampler {
    private TokenSampler() {}

    /**
     * A token drawn from {@code logits[off .. off + vocab)}; {@code probs} and {@code order} are scratch arrays of
     * length {@code vocab}.
     */
    static int sample(
            float[] logits,
            int off,
            int vocab,
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
            Arrays.sort(order);
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
