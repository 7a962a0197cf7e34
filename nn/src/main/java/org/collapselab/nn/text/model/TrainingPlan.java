package org.collapselab.nn.text.model;

import org.collapselab.nn.common.Checks;

/**
 * How one language model is trained: a fixed budget of training tokens (predicted positions), AdamW with a linear
 * warm-up and a cosine decay of the learning rate, and a number of evenly spaced evaluations on the real test split.
 *
 * @param tokens training-token budget (the run takes ⌈tokens / (batch·context)⌉ steps)
 * @param batch sequences per step
 * @param learningRate peak learning rate
 * @param warmupFraction fraction of the steps spent warming up linearly from 0
 * @param finalLrFraction learning rate at the end, as a fraction of the peak
 * @param weightDecay AdamW decoupled weight decay
 * @param evalPoints evaluations of the real-test loss along training (the last is at the end)
 */
public record TrainingPlan(
        long tokens,
        int batch,
        double learningRate,
        double warmupFraction,
        double finalLrFraction,
        double weightDecay,
        int evalPoints)
        implements java.io.Serializable {
    public TrainingPlan {
        Checks.longIn("lm.tokens", tokens, 1, 10_000_000_000L);
        Checks.intIn("lm.batch", batch, 1, 4096);
        Checks.doubleIn("lm.learningRate", learningRate, 1e-6, 1.0);
        Checks.doubleIn("lm.warmupFraction", warmupFraction, 0.0, 0.5);
        Checks.doubleIn("lm.finalLrFraction", finalLrFraction, 0.0, 1.0);
        Checks.doubleIn("lm.weightDecay", weightDecay, 0.0, 1.0);
        Checks.intIn("lm.evalPoints", evalPoints, 1, 1000);
    }

    /** Optimisation steps for a model with the given context length. */
    public int steps(int context) {
        return (int) Math.max(1, (tokens + (long) batch * context - 1) / ((long) batch * context));
    }
}
