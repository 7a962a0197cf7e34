package org.collapselab.nn.image.model;

/** Whether the first (hidden) layer of a two-layer network is trained or frozen at its random initialisation. */
public enum FirstLayer {
    /** Trained end to end (the usual two-layer network; PyTorch's default uniform initialisation). */
    TRAINED,
    /**
     * Frozen at random Gaussian weights {@code N(0, 1/d)} with zero bias: a random-features model, the paper's random
     * projection {@code S} followed by a ReLU; only the output layer is fitted.
     */
    FROZEN_RANDOM
}
