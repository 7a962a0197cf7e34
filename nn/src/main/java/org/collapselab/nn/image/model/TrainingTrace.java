package org.collapselab.nn.image.model;

/**
 * What happened while training: the mean training loss of every epoch (averaged over its mini-batches), the number
 * of optimiser steps and the wall time.
 *
 * @param epochLoss mean mini-batch loss per epoch
 * @param steps optimiser steps taken
 * @param seconds wall time of the training loop
 * @param samplesPerSecond images processed (forward + backward) per second
 */
public record TrainingTrace(double[] epochLoss, long steps, double seconds, double samplesPerSecond) {
  /** Loss of the first epoch. */
  public double firstLoss() {
    return epochLoss.length == 0 ? Double.NaN : epochLoss[0];
  }

  /** Loss of the last epoch. */
  public double lastLoss() {
    return epochLoss.length == 0 ? Double.NaN : epochLoss[epochLoss.length - 1];
  }
}
