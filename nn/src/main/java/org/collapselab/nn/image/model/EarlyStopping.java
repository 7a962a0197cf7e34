package org.collapselab.nn.image.model;

/**
 * Early stopping on a real validation split (never the test split): after every epoch the mean per-image squared
 * error on the validation images is measured; training stops after {@code patience} epochs without a new lowest
 * value, and the weights of the best epoch are restored.
 *
 * @param inputs validation inputs (row-major {@code n × inputDim}, standardised like the training inputs)
 * @param targets validation targets (row-major {@code n × classes}; the true one-hot labels)
 * @param n number of validation images (≥ 1)
 * @param patience epochs without improvement before stopping (≥ 1)
 */
public record EarlyStopping(float[] inputs, float[] targets, int n, int patience) {
    public EarlyStopping {
        if (n < 1 || patience < 1) {
            throw new IllegalArgumentException(
                    "early stopping needs n >= 1 and patience >= 1, got " + n + " and " + patience);
        }
    }
}
