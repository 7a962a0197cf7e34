package org.collapselab.nn.image.synthetic;

/**
 * Measured quality of synthetic targets against the true labels: the empirical counterpart of the paper's c².
 *
 * @param mse mean over images of ‖synthetic target − one-hot true label‖² (the empirical c²)
 * @param labelError fraction of images whose synthetic arg-max class is not the true class
 * @param count images measured
 */
public record SyntheticQuality(double mse, double labelError, int count) {}
