package org.collapselab.nn.text.study;

import java.util.List;
import org.collapselab.nn.text.model.TrainingCurve;

/**
 * One finished student run of the language-model study.
 *
 * @param arm what it trained on besides real text
 * @param budget the budget T of its row (a diluted arm trained on (1 − p2)·T tokens)
 * @param seed student seed index (0-based)
 * @param replicate the generator replicate whose text it trained on (−1: none)
 * @param threads PyTorch threads it ran with
 * @param parameters trainable parameters
 * @param curve real-test loss along training
 * @param finalTestLoss real-test loss at the end on the larger final evaluation set (nats/token)
 * @param positionLoss the final real-test loss at each position of the context window
 * @param entropy mean entropy of its next-token distribution on the real test windows (nats)
 * @param rareLoss its real-test loss on the rare tokens (nats/token)
 * @param syntheticTestLoss loss on held-out text of its generator replicate (NaN: not a generated arm)
 * @param otherHash SHA-256 of the synthetic or shifted text it trained on ("" for real-only arms)
 * @param tokensPerSecond training throughput
 * @param samples text sampled from the model (seed 0 at the largest budget; empty otherwise)
 * @param seconds wall time of the run including evaluations
 */
public record LmRunResult(
        LmArm arm,
        long budget,
        int seed,
        int replicate,
        int threads,
        long parameters,
        TrainingCurve curve,
        double finalTestLoss,
        double[] positionLoss,
        double entropy,
        double rareLoss,
        double syntheticTestLoss,
        String otherHash,
        double tokensPerSecond,
        List<String> samples,
        double seconds) {
    public LmRunResult {
        samples = List.copyOf(samples);
    }
}
