package org.collapselab.nn.image.model;

/**
 * What happened while training: the mean training loss of every epoch (averaged over its mini-batches), the number
 * of optimiser steps and the wall time.
 *
 * @param epochLoss mean mini-batch loss per epoch
 * @param steps optimiser steps taken
 * @param seconds wall time of the training loop
 * @param samplesPerSecond images processed (forward + backward) per second
 * @param bestEpoch epoch (0-based) whose weights were kept by early stopping, or the last epoch without it
 * @param validationLoss validation error of the kept weights (NaN without early stopping)
 */
public record TrainingTrace(
        double[] epochLoss, long steps, double seconds, double samplesPerSecond, int bestEpoch, double validationLoss) {
    /** Loss of the first epoch. */
    public double firstLoss() {
        return epochLoss.length == 0 ? Double.NaN : epochLoss[0];
    }

    /** Loss of the last epoch. */
    public double lastLoss() {
        return epochLoss.length == 0 ? Double.NaN : epochLoss[epochLoss.length - 1];
    }
}
