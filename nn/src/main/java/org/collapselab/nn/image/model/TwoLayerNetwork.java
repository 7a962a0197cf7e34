package org.collapselab.nn.image.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A two-layer (one hidden ReLU layer) feed-forward network {@code f(x) = W2ᵀ relu(W1ᵀ x + b1) + b2} on DJL + PyTorch,
 * trained by Adam on the squared error against real-valued targets (one-hot labels or synthetic outputs).
 *
 * <p>Written on raw NDArrays (no DJL {@code Trainer}): parameters are initialised from a Java {@link SplittableRandom}
 * so runs are reproducible from the seed, gradients are written out in closed form (see {@link #fit}), and every
 * step's temporaries live in an {@link NDScope}. Instances are not thread-safe; different instances may train on
 * different threads at once.
 */
public final class TwoLayerNetwork implements Regressor {
    private static final int EVAL_BATCH = 2000;

    private final NDManager manager;
    private final int inputDim;
    private final int width;
    private final int classes;
    private final FirstLayer firstLayer;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;

    private TwoLayerNetwork(
            NDManager manager,
            int inputDim,
            int width,
            int classes,
            FirstLayer firstLayer,
            NDArray w1,
            NDArray b1,
            NDArray w2,
            NDArray b2) {
        this.manager = manager;
        this.inputDim = inputDim;
        this.width = width;
        this.classes = classes;
        this.firstLayer = firstLayer;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /**
     * A freshly initialised network. Trained first layers and both output layers use PyTorch's default
     * {@code U(±1/√fan_in)}; a frozen first layer uses {@code N(0, 1/d)} weights and zero bias.
     */
    public static TwoLayerNetwork create(
            Engine engine, int inputDim, int width, int classes, FirstLayer firstLayer, long seed) {
        if (inputDim < 1 || width < 1 || classes < 1) {
            throw new IllegalArgumentException(
                    "inputDim, width and classes must be >= 1, got " + inputDim + ", " + width + ", " + classes);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        NDManager manager = engine.newBaseManager();
        float[] w1 = new float[Math.multiplyExact(inputDim, width)];
        float[] b1 = new float[width];
        if (firstLayer == FirstLayer.TRAINED) {
            fillUniform(w1, 1.0 / Math.sqrt(inputDim), rng);
            fillUniform(b1, 1.0 / Math.sqrt(inputDim), rng);
        } else {
            double sd = 1.0 / Math.sqrt(inputDim);
            for (int i = 0; i < w1.length; i++) {
                w1[i] = (float) (sd * rng.nextGaussian());
            }
        }
        float[] w2 = new float[Math.multiplyExact(width, classes)];
        float[] b2 = new float[classes];
        fillUniform(w2, 1.0 / Math.sqrt(width), rng);
        fillUniform(b2, 1.0 / Math.sqrt(width), rng);
        NDArray aw1 = manager.create(w1, new Shape(inputDim, width));
        NDArray ab1 = manager.create(b1, new Shape(width));
        NDArray aw2 = manager.create(w2, new Shape(width, classes));
        NDArray ab2 = manager.create(b2, new Shape(classes));
        return new TwoLayerNetwork(manager, inputDim, width, classes, firstLayer, aw1, ab1, aw2, ab2);
    }

    private static void fillUniform(float[] a, double bound, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }

    /** Hidden width. */
    public int width() {
        return width;
    }

    @Override
    public int classes() {
        return classes;
    }

    /** Trainable parameter count (first layer excluded when frozen). */
    public long trainableParameters() {
        long out = (long) width * classes + classes;
        return firstLayer == FirstLayer.TRAINED ? out + (long) inputDim * width + width : out;
    }

    private NDArray forward(NDArray x) {
        NDArray h = x.matMul(w1).add(b1).maximum(0f);
        return h.matMul(w2).add(b2);
    }

    /**
     * Trains on {@code n} inputs (row-major {@code n × inputDim}) with real-valued targets (row-major
     * {@code n × classes}) for {@code config.epochs()} epochs, or fewer when {@code stop} (may be null) ends training
     * early on its validation images, keeping the best epoch's weights.
     *
     * <p>Gradients are computed in closed form (back-propagation through the two layers written out as four
     * matrix products) rather than with DJL's {@code GradientCollector}: PyTorch's DJL binding allows only one
     * collector per process, and the closed form lets several networks train at once on different threads (one per
     * core), which is how the experiment uses both cores. The unit tests check these gradients against autograd.
     */
    public TrainingTrace fit(
            float[] inputs, float[] targets, int n, TrainingConfig config, long seed, EarlyStopping stop) {
        if (inputs.length != (long) n * inputDim || targets.length != (long) n * classes) {
            throw new IllegalArgumentException("expected " + n + "x" + inputDim + " inputs and " + n + "x" + classes
                    + " targets, got " + inputs.length + " and " + targets.length + " values");
        }
        if (n < 1) {
            throw new IllegalArgumentException("cannot train on an empty training set");
        }
        Adam adam = new Adam(manager, trainedParameters(), config.learningRate());
        int batch = Math.min(config.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        float[] xb = new float[batch * inputDim];
        float[] yb = new float[batch * classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] epochLoss = new double[config.epochs()];
        long steps = 0;
        long t0 = System.nanoTime();
        int ran = 0;
        int bestEpoch = -1;
        double best = Double.POSITIVE_INFINITY;
        float[][] bestWeights = null;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, rng);
            double lossSum = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                int from = s * batch;
                int m = Math.min(batch, n - from);
                for (int r = 0; r < m; r++) {
                    int src = order[from + r];
                    System.arraycopy(inputs, src * inputDim, xb, r * inputDim, inputDim);
                    System.arraycopy(targets, src * classes, yb, r * classes, classes);
                }
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray x = manager.create(FloatBuffer.wrap(xb, 0, m * inputDim), new Shape(m, inputDim));
                    NDArray y = manager.create(FloatBuffer.wrap(yb, 0, m * classes), new Shape(m, classes));
                    NDList grads = lossAndGradients(x, y, (float) config.weightDecay());
                    lossSum += grads.get(0).getFloat();
                    adam.step(grads.subNDList(1));
                }
                steps++;
            }
            epochLoss[epoch] = lossSum / stepsPerEpoch;
            if (!Double.isFinite(epochLoss[epoch])) {
                throw new ArithmeticException("training diverged at epoch " + (epoch + 1) + " (loss " + epochLoss[epoch]
                        + "); lower the learning rate");
            }
            ran = epoch + 1;
            if (stop != null) {
                double v = loss(stop.inputs(), stop.targets(), stop.n());
                if (v < best) {
                    best = v;
                    bestEpoch = epoch;
                    bestWeights = trainedParameters().stream()
                            .map(NDArray::toFloatArray)
                            .toArray(float[][]::new);
                } else if (epoch - bestEpoch >= stop.patience()) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        adam.close();
        if (bestWeights != null && bestEpoch < ran - 1) {
            List<NDArray> ps = trainedParameters();
            for (int i = 0; i < ps.size(); i++) {
                ps.get(i).set(FloatBuffer.wrap(bestWeights[i]));
            }
        }
        return new TrainingTrace(
                java.util.Arrays.copyOf(epochLoss, ran),
                steps,
                seconds,
                (double) n * ran / Math.max(seconds, 1e-9),
                stop == null ? ran - 1 : bestEpoch,
                stop == null ? Double.NaN : best);
    }

    private List<NDArray> trainedParameters() {
        return firstLayer == FirstLayer.TRAINED ? List.of(w1, b1, w2, b2) : List.of(w2, b2);
    }

    /**
     * The mini-batch loss {@code (1/m) Σ_i ‖f(x_i) − y_i‖² + wd·(‖W1‖² + ‖W2‖²)} (W1 only when trained) followed by its
     * gradients with respect to the trained parameters, in the order W1, b1, W2, b2 (W1, b1 omitted when frozen).
     */
    NDList lossAndGradients(NDArray x, NDArray y, float weightDecay) {
        long m = x.getShape().get(0);
        NDArray z1 = x.matMul(w1).addi(b1);
        NDArray h = z1.maximum(0f);
        NDArray residual = h.matMul(w2).addi(b2).subi(y);
        NDArray loss = residual.square().sum().divi((float) m);
        NDArray dOut = residual.mul(2f / m);
        NDArray gW2 = h.transpose().matMul(dOut);
        NDArray gb2 = dOut.sum(new int[] {0});
        NDList out = new NDList();
        if (weightDecay > 0) {
            loss = loss.add(w2.square().sum().muli(weightDecay));
            gW2.addi(w2.mul(2 * weightDecay));
        }
        out.add(loss);
        if (firstLayer == FirstLayer.TRAINED) {
            NDArray dz1 = dOut.matMul(w2.transpose()).muli(h.sign());
            NDArray gW1 = x.transpose().matMul(dz1);
            NDArray gb1 = dz1.sum(new int[] {0});
            if (weightDecay > 0) {
                out.set(0, loss.add(w1.square().sum().muli(weightDecay)));
                gW1.addi(w1.mul(2 * weightDecay));
            }
            out.add(gW1);
            out.add(gb1);
        }
        out.add(gW2);
        out.add(gb2);
        return out;
    }

    /** Current values of the trained parameters, in the order of {@link #lossAndGradients}. */
    List<NDArray> parametersForTest() {
        return trainedParameters();
    }

    /** Mean per-image squared error on the given data (no gradient). */
    public double loss(float[] inputs, float[] targets, int n) {
        float[] out = predict(inputs, n);
        return Evaluation.meanSquaredDistance(out, targets, classes);
    }

    @Override
    public float[] predict(float[] inputs, int n) {
        return BatchedPrediction.predict(manager, inputs, n, inputDim, classes, EVAL_BATCH, this::forward);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Adam (Kingma and Ba) with bias correction, state kept outside the per-step scopes, gradients zeroed after use. */
    private static final class Adam implements AutoCloseable {
        private static final float BETA1 = 0.9f;
        private static final float BETA2 = 0.999f;
        private static final float EPS = 1e-8f;
        private final List<NDArray> params;
        private final List<NDArray> m = new ArrayList<>();
        private final List<NDArray> v = new ArrayList<>();
        private final double lr;
        private int t;

        Adam(NDManager manager, List<NDArray> params, double lr) {
            this.params = params;
            this.lr = lr;
            for (NDArray p : params) {
                m.add(manager.zeros(p.getShape()));
                v.add(manager.zeros(p.getShape()));
            }
        }

        void step(NDList grads) {
            t++;
            float c1 = (float) (1 - Math.pow(BETA1, t));
            float c2 = (float) (1 - Math.pow(BETA2, t));
            float stepSize = (float) (lr / c1);
            float sqrtC2 = (float) Math.sqrt(c2);
            for (int i = 0; i < params.size(); i++) {
                NDArray p = params.get(i);
                NDArray g = grads.get(i);
                m.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
                v.get(i).muli(BETA2).addi(g.square().muli(1 - BETA2));
                NDArray denom = v.get(i).sqrt().divi(sqrtC2).addi(EPS);
                p.subi(m.get(i).div(denom).muli(stepSize));
            }
        }

        @Override
        public void close() {
            for (NDArray a : m) {
                a.close();
            }
            for (NDArray a : v) {
                a.close();
            }
        }
    }
}
