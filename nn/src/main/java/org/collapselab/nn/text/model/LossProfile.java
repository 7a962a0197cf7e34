package org.collapselab.nn.text.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.collapselab.nn.text.corpus.EvalWindows;

/**
 * A model's next-token loss on fixed windows, broken down: by position in the context window (does the model need
 * context to tell real text from synthetic?), on rare tokens (the tails that collapse removes first), and the
 * entropy of its predictive distribution (a collapsing model grows over-confident).
 *
 * @param loss mean negative log-likelihood over every predicted token (nats/token)
 * @param byPosition mean loss at each position 0..context−1 of the windows
 * @param entropy mean entropy of the predicted next-token distribution (nats)
 * @param rareLoss mean loss on the target tokens marked rare (NaN when none is)
 * @param rareTokens number of predicted tokens marked rare
 */
public record LossProfile(double loss, double[] byPosition, double entropy, double rareLoss, long rareTokens) {
    /** Evaluates {@code lm} on {@code windows}; {@code rare[v]} marks vocabulary entries as rare (null: none). */
    public static LossProfile of(LanguageModel lm, EvalWindows windows, boolean[] rare) {
        int[][] w = windows.windows();
        if (w.length == 0) {
            throw new IllegalArgumentException("no evaluation windows");
        }
        int t = w[0].length - 1;
        int chunk = Math.max(1, 8192 / t);
        double[] pos = new double[t];
        double sum = 0;
        double ent = 0;
        double rareSum = 0;
        long rareCount = 0;
        for (int start = 0; start < w.length; start += chunk) {
            int rows = Math.min(chunk, w.length - start);
            int[] x = new int[rows * t];
            int[] y = new int[rows * t];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(w[start + r], 0, x, r * t, t);
                System.arraycopy(w[start + r], 1, y, r * t, t);
            }
            float[] nll;
            float[] h;
            try (NDManager m = lm.manager().newSubManager()) {
                NDArray logp = lm.forward(m.create(x, new Shape(rows, t)).toType(DataType.INT64, false))
                        .logSoftmax(-1);
                NDArray labels = m.create(y, new Shape(rows, t)).toType(DataType.INT64, false);
                nll = LanguageModel.pickNll(logp, labels).toFloatArray();
                h = logp.exp().mul(logp).sum(new int[] {-1}).neg().toFloatArray();
            }
            for (int i = 0; i < nll.length; i++) {
                pos[i % t] += nll[i];
                sum += nll[i];
                ent += h[i];
                if (rare != null && rare[y[i]]) {
                    rareSum += nll[i];
                    rareCount++;
                }
            }
        }
        long n = (long) w.length * t;
        for (int i = 0; i < t; i++) {
            pos[i] /= w.length;
        }
        return new LossProfile(sum / n, pos, ent / n, rareCount == 0 ? Double.NaN : rareSum / rareCount, rareCount);
    }

    /** Mean loss over positions [from, to). */
    public double meanLoss(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += byPosition[i];
        }
        return s / (to - from);
    }

    /**
     * Rare tokens of a training stream: the least frequent vocabulary entries that together make up at most
     * {@code share} of its tokens (entries that never occur are rare too).
     */
    public static boolean[] rareTokens(int[] stream, int vocab, double share) {
        long[] count = new long[vocab];
        for (int tok : stream) {
            count[tok]++;
        }
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, (a, b) -> count[a] != count[b] ? Long.compare(count[a], count[b]) : Integer.compare(a, b));
        boolean[] rare = new boolean[vocab];
        long budget = (long) (share * stream.length);
        long used = 0;
        for (int i : order) {
            if (used + count[i] > budget) {
                break;
            }
            used += count[i];
            rare[i] = true;
        }
        return rare;
    }
}
