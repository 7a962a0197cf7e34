package org.collapselab.nn.image.model;

/**
 * How a two-layer network is trained: Adam on the mean (over images) squared error summed over the class outputs,
 * with mini-batches drawn by reshuffling every epoch.
 *
 * @param epochs passes over the training set (≥ 1)
 * @param batchSize images per step (≥ 1; capped at the training-set size)
 * @param learningRate Adam step size (&gt; 0)
 * @param weightDecay L2 penalty {@code weightDecay·‖θ‖²} added to the loss (≥ 0; 0 = none, as in the paper's
 *     ridgeless regime)
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double weightDecay)
        implements java.io.Serializable {
    public TrainingConfig {
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("epochs must be in [1, 100000], got " + epochs);
        }
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("batchSize must be in [1, 1000000], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay <= 10)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 10], got " + weightDecay);
        }
    }
}
