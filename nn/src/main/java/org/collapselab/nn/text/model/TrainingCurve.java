package org.collapselab.nn.text.model;

import java.util.List;

/**
 * The record of one training run: the real-test loss (nats/token) at evenly spaced points of training.
 *
 * @param points evaluations in training order
 * @param tokens training tokens processed (steps × batch × context)
 * @param trainSeconds wall time spent in training steps (evaluations excluded)
 */
public record TrainingCurve(List<Point> points, long tokens, double trainSeconds) {
    public TrainingCurve {
        points = List.copyOf(points);
    }

    /**
     * One evaluation.
     *
     * @param tokens training tokens seen so far
     * @param realTokens real tokens among them
     * @param syntheticTokens synthetic tokens among them
     * @param trainLoss mean training loss since the previous evaluation (on the mixture)
     * @param testLoss loss on the real test windows
     */
    public record Point(long tokens, long realTokens, long syntheticTokens, double trainLoss, double testLoss) {}

    /** Training throughput in tokens per second. */
    public double tokensPerSecond() {
        return trainSeconds > 0 ? tokens / trainSeconds : Double.NaN;
    }
}
