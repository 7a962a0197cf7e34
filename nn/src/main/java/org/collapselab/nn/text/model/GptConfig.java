package org.collapselab.nn.text.model;

import org.collapselab.nn.common.Checks;
import org.collapselab.validation.ParameterException;

/**
 * Shape of a GPT-style decoder-only transformer: {@code layers} pre-LayerNorm blocks of causal self-attention and a
 * GELU MLP (hidden width {@code 4 × width}), learned token and position embeddings, and a linear output head.
 *
 * @param name short label used in figures and tables (e.g. {@code S}, {@code M}, {@code L})
 * @param layers number of transformer blocks (1..48)
 * @param width embedding width d (8..2048, a multiple of {@code heads})
 * @param heads attention heads (1..64)
 * @param context context length in tokens (8..4096)
 */
public record GptConfig(String name, int layers, int width, int heads, int context) implements java.io.Serializable {
    public GptConfig {
        if (name == null || name.isBlank()) {
            throw new ParameterException("model.name", name, "a non-empty label");
        }
        Checks.intIn("model.layers", layers, 1, 48);
        Checks.intIn("model.width", width, 8, 2048);
        Checks.intIn("model.heads", heads, 1, 64);
        Checks.intIn("model.context", context, 8, 4096);
        if (width % heads != 0) {
            throw new ParameterException("model.width", width, "a multiple of model.heads (" + heads + ")");
        }
    }

    /** Parameter count for a vocabulary of {@code vocab} tokens (embeddings, blocks, final norm and head). */
    public long parameterCount(int vocab) {
        long d = width;
        long block = 2 * (2 * d) // two LayerNorms
                + 4 * (d * d + d) // q, k, v, output projections
                + (d * 4 * d + 4 * d)
                + (4 * d * d + d); // MLP
        return vocab * d + (long) context * d + layers * block + 2 * d + (d * vocab + vocab);
    }

    /** {@code "L×d"} label, e.g. {@code 2×128}. */
    public String shape() {
        return layers + "×" + width;
    }
}
