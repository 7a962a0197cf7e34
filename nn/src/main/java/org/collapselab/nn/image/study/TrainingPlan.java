package org.collapselab.nn.image.study;

import org.collapselab.nn.image.model.TrainingConfig;

/**
 * Training schedule of the Adam-trained networks, independent of the training-set size: at least {@code epochs}
 * passes and at least {@code minSteps} optimiser steps (small training sets get more passes so every model is
 * trained close to convergence).
 *
 * @param epochs minimum passes over the training set (≥ 1)
 * @param minSteps minimum optimiser steps (≥ 0)
 * @param batchSize images per step (≥ 1)
 * @param learningRate Adam step size (&gt; 0)
 * @param weightDecay L2 penalty on the weights (≥ 0)
 */
public record TrainingPlan(int epochs, int minSteps, int batchSize, double learningRate, double weightDecay) {
  public TrainingPlan {
    if (minSteps < 0 || minSteps > 10_000_000) {
      throw new IllegalArgumentException("minSteps must be in [0, 10000000], got " + minSteps);
    }
    new TrainingConfig(epochs, batchSize, learningRate, weightDecay); // validates the rest
  }

  /** The concrete schedule for a training set of {@code n} images. */
  public TrainingConfig forSize(int n) {
    int batch = Math.min(batchSize, Math.max(1, n));
    long stepsPerEpoch = (n + batch - 1) / batch;
    long needed = stepsPerEpoch == 0 ? epochs : (minSteps + stepsPerEpoch - 1) / stepsPerEpoch;
    int e = (int) Math.min(100_000, Math.max(epochs, needed));
    return new TrainingConfig(e, batchSize, learningRate, weightDecay);
  }
}
