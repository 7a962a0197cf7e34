package org.collapselab.nn.image.model;

/**
 * Training schedule of the Adam-trained networks: at least {@code epochs} passes and at least {@code minSteps}
 * optimiser steps, so the step budget grows with the training-set size (small training sets get more passes so every
 * model is trained close to convergence); with {@code patience > 0} training stops early on a real validation split.
 *
 * @param epochs minimum passes over the training set (≥ 1)
 * @param minSteps minimum optimiser steps (≥ 0)
 * @param batchSize images per step (≥ 1)
 * @param learningRate Adam step size (&gt; 0)
 * @param weightDecay L2 penalty on the weights (≥ 0)
 * @param patience early stopping: stop after this many epochs without a lower validation error and keep the best
 *     epoch's weights (0 = off; then {@code epochs} is the exact schedule, otherwise the most epochs)
 * @param validation real validation images (from the reserved slice, never trained on) early stopping is judged on
 */
public record TrainingPlan(
        int epochs, int minSteps, int batchSize, double learningRate, double weightDecay, int patience, int validation)
        implements java.io.Serializable {
    public TrainingPlan {
        if (minSteps < 0 || minSteps > 10_000_000) {
            throw new IllegalArgumentException("minSteps must be in [0, 10000000], got " + minSteps);
        }
        if (patience < 0 || patience > 1000 || validation < 0 || (patience > 0 && validation < 1)) {
            throw new IllegalArgumentException("patience must be in [0, 1000] with validation images >= 1 when on, got "
                    + patience + " and " + validation);
        }
        new TrainingConfig(epochs, batchSize, learningRate, weightDecay); // validates the rest
    }

    /** A plan without early stopping. */
    public TrainingPlan(int epochs, int minSteps, int batchSize, double learningRate, double weightDecay) {
        this(epochs, minSteps, batchSize, learningRate, weightDecay, 0, 0);
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
