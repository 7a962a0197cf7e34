package org.collapselab.nn.text.corpus;

/**
 * Fixed evaluation windows cut from an encoded stream: non-overlapping windows of {@code context + 1} tokens, taken
 * at evenly spaced positions so that they cover the whole stream; the loss is the mean next-token negative
 * log-likelihood (nats) over all {@code context} predicted positions of every window.
 *
 * @param windows each row holds context + 1 tokens
 */
public record EvalWindows(int[][] windows) {
    /** At most {@code maxTokens} predicted tokens from {@code stream}, spread evenly over it. */
    public static EvalWindows of(int[] stream, int context, long maxTokens) {
        int available = (stream.length - 1) / context;
        if (available < 1) {
            throw new IllegalArgumentException("evaluation text shorter than one context window (" + context + ")");
        }
        int count = (int) Math.max(1, Math.min(available, maxTokens / context));
        int[][] w = new int[count][];
        for (int i = 0; i < count; i++) {
            int slot = (int) ((long) i * available / count);
            w[i] = java.util.Arrays.copyOfRange(stream, slot * context, slot * context + context + 1);
        }
        return new EvalWindows(w);
    }

    /** Number of predicted tokens. */
    public long tokens() {
        return windows.length == 0 ? 0 : (long) windows.length * (windows[0].length - 1);
    }
}
