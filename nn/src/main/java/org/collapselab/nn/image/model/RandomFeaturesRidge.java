package org.collapselab.nn.image.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The random-features variant of the two-layer network, fitted exactly: the first layer is frozen at random
 * Gaussian weights {@code S ~ N(0, 1/d)} (the paper's random projection, followed by a ReLU), and the output layer
 * (plus an intercept) is the ridge solution
 * {@code v = argmin (1/n) Σ ‖vᵀφ(x_i) − y_i‖² + λ‖v‖²}, i.e. the limit of training the output layer to convergence
 * with weight decay λ. Solved in double precision on PyTorch, in the primal ({@code (FᵀF + nλI)⁻¹FᵀY}) when the width
 * is below the sample count and in the dual ({@code Fᵀ(FFᵀ + nλI)⁻¹Y}) otherwise, so widths far beyond the
 * interpolation threshold (width = n) stay cheap; the dual builds FFᵀ from blocks of feature columns, so its memory is
 * the n × n kernel plus one block (n = 8000 at width 80,000: ≈ 1.5 GB instead of ≈ 15 GB for all features at once).
 */
public final class RandomFeaturesRidge implements Regressor {
    private static final int EVAL_BATCH = 1000;

    private final NDManager manager;
    private final int inputDim;
    private final int width;
    private final int classes;
    private final NDArray projection;
    private final NDArray readout;
    private final double trainMse;

    private RandomFeaturesRidge(
            NDManager manager,
            int inputDim,
            int width,
            int classes,
            NDArray projection,
            NDArray readout,
            double trainMse) {
        this.manager = manager;
        this.inputDim = inputDim;
        this.width = width;
        this.classes = classes;
        this.projection = projection;
        this.readout = readout;
        this.trainMse = trainMse;
    }

    /**
     * Draws the random first layer from {@code seed} and fits the readout on {@code n} inputs (row-major
     * {@code n × inputDim}) and targets (row-major {@code n × classes}) with ridge penalty {@code lambda > 0}.
     */
    public static RandomFeaturesRidge fit(
            Engine engine,
            float[] inputs,
            float[] targets,
            int n,
            int inputDim,
            int classes,
            int width,
            double lambda,
            long seed) {
        return fit(engine, inputs, targets, n, inputDim, classes, width, lambda, seed, dualBlock(n));
    }

    /** As {@link #fit}, building the dual kernel from blocks of {@code blockColumns} features (for tests). */
    static RandomFeaturesRidge fit(
            Engine engine,
            float[] inputs,
            float[] targets,
            int n,
            int inputDim,
            int classes,
            int width,
            double lambda,
            long seed,
            int blockColumns) {
        if (width < 1 || n < 1) {
            throw new IllegalArgumentException("width and n must be >= 1, got " + width + " and " + n);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge lambda must be a positive finite number, got " + lambda);
        }
        if (inputs.length != (long) n * inputDim || targets.length != (long) n * classes) {
            throw new IllegalArgumentException(
                    "expected " + n + "x" + inputDim + " inputs and " + n + "x" + classes + " targets");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] s = new float[Math.multiplyExact(inputDim, width)];
        double sd = 1.0 / Math.sqrt(inputDim);
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (sd * rng.nextGaussian());
        }
        NDManager manager = engine.newBaseManager();
        try {
            NDArray projection = manager.create(s, new Shape(inputDim, width));
            NDArray readout;
            double trainMse;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(FloatBuffer.wrap(inputs), new Shape(n, inputDim));
                NDArray y = manager.create(FloatBuffer.wrap(targets), new Shape(n, classes))
                        .toType(DataType.FLOAT64, false);
                int k = width + 1;
                if (k <= n) {
                    NDArray f = features(manager, projection, x);
                    NDArray ft = f.transpose();
                    NDArray gram = ft.matMul(f)
                            .addi(manager.eye(k, k, 0, DataType.FLOAT64).muli(n * lambda));
                    readout = gram.inverse().matMul(ft.matMul(y));
                    trainMse = f.matMul(readout).subi(y).square().sum().getDouble() / n;
                } else {
                    // dual, with the features made block by block so that the n × width matrix is never held at once
                    NDArray kernel = manager.ones(new Shape(n, n), DataType.FLOAT64); // the intercept column's part
                    for (int a = 0; a < width; a += blockColumns) {
                        try (NDArray h = block(projection, x, a, Math.min(width, a + blockColumns));
                                NDArray ht = h.transpose();
                                NDArray hh = h.matMul(ht)) {
                            kernel.addi(hh);
                        }
                    }
                    kernel.addi(manager.eye(n, n, 0, DataType.FLOAT64).muli(n * lambda));
                    NDArray alpha = kernel.inverse().matMul(y);
                    kernel.close();
                    ai.djl.ndarray.NDList parts = new ai.djl.ndarray.NDList();
                    for (int a = 0; a < width; a += blockColumns) {
                        try (NDArray h = block(projection, x, a, Math.min(width, a + blockColumns));
                                NDArray ht = h.transpose()) {
                            parts.add(ht.matMul(alpha));
                        }
                    }
                    parts.add(alpha.sum(new int[] {0}, true)); // intercept row: onesᵀα
                    readout = NDArrays.concat(parts, 0);
                    // (FFᵀ + nλI)α = Y, so the training residual Fv − Y = FFᵀα − Y is −nλα
                    trainMse = alpha.square().sum().getDouble() * (n * lambda) * (n * lambda) / n;
                }
                NDScope.unregister(readout);
            }
            return new RandomFeaturesRidge(manager, inputDim, width, classes, projection, readout, trainMse);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Feature columns per block of the dual solve: about 256 MB of doubles for n rows. */
    private static int dualBlock(int n) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (256L << 20) / (8L * n)));
    }

    /** relu(x S[:, from:to]) in double precision (features from..to−1, no constant column). */
    private static NDArray block(NDArray projection, NDArray x, int from, int to) {
        try (NDArray s = projection.get(":, " + from + ":" + to);
                NDArray z = x.matMul(s);
                NDArray r = z.maximum(0f)) {
            return r.toType(DataType.FLOAT64, false);
        }
    }

    /** relu(xS) with a trailing constant column, in double precision. */
    private static NDArray features(NDManager manager, NDArray projection, NDArray x) {
        NDArray h = x.matMul(projection).maximum(0f).toType(DataType.FLOAT64, false);
        NDArray ones = manager.ones(new Shape(h.getShape().get(0), 1), DataType.FLOAT64);
        return NDArrays.concat(new ai.djl.ndarray.NDList(h, ones), 1);
    }

    /** Hidden width (number of random features). */
    public int width() {
        return width;
    }

    /** Mean per-image squared error on the training set. */
    public double trainMse() {
        return trainMse;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public float[] predict(float[] inputs, int n) {
        return BatchedPrediction.predict(
                manager, inputs, n, inputDim, classes, EVAL_BATCH, x -> features(manager, projection, x)
                        .matMul(readout));
    }

    @Override
    public void close() {
        manager.close();
    }
}
