package org.collapselab.nn.image.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.function.UnaryOperator;

/** Evaluates a model's forward pass over many inputs in fixed-size batches, freeing each batch's native memory. */
final class BatchedPrediction {
    private BatchedPrediction() {}

    /**
     * Outputs of {@code forward} for {@code n} row-major inputs of width {@code inputDim}, as a row-major
     * {@code n × classes} array, computed {@code batch} rows at a time.
     */
    static float[] predict(
            NDManager manager,
            float[] inputs,
            int n,
            int inputDim,
            int classes,
            int batch,
            UnaryOperator<NDArray> forward) {
        if (inputs.length != (long) n * inputDim) {
            throw new IllegalArgumentException("expected " + n + "x" + inputDim + " inputs, got " + inputs.length);
        }
        float[] out = new float[Math.multiplyExact(n, classes)];
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x =
                        manager.create(FloatBuffer.wrap(inputs, from * inputDim, m * inputDim), new Shape(m, inputDim));
                float[] part = forward.apply(x).toType(DataType.FLOAT32, false).toFloatArray();
                System.arraycopy(part, 0, out, from * classes, part.length);
            }
        }
        return out;
    }
}
