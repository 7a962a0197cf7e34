package org.collapselab.nn.image.model;

/**
 * A fitted model mapping standardised images to one real output per class (regression on one-hot targets). The
 * predicted class is the arg-max output.
 */
public interface Regressor extends AutoCloseable {
    /** Outputs for {@code n} inputs given row-major ({@code n × inputDimension}), row-major {@code n × classes}. */
    float[] predict(float[] inputs, int n);

    /** Number of outputs (classes). */
    int classes();

    /** Releases native memory. */
    @Override
    void close();
}
