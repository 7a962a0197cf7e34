package org.collapselab.nn.text.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.nn.text.corpus.EvalWindows;
import org.collapselab.nn.text.corpus.MixtureSampler;

/**
 * A GPT-style character language model ({@link GptBlock}) with its DJL trainer: training on a {@link MixtureSampler}
 * under a {@link TrainingPlan}, evaluation on fixed {@link EvalWindows}, and sampling at a temperature.
 *
 * <p>Weights start from N(0, 0.02²) (GPT-2's initialisation); the optimiser is DJL's AdamW (β = 0.9, 0.99) with a
 * warm-up + cosine learning-rate schedule; DJL's {@link Trainer} clears gradients after every update. Parameter
 * initialisation is seeded through the engine, and data order through the sampler's seed, so a run is repeatable
 * with the same thread count.
 */
public final class LanguageModel implements AutoCloseable {
    private static final Object INIT_LOCK = new Object();

    private final GptConfig config;
    private final int vocab;
    private final Model model;
    private final GptBlock block;
    private final Trainer trainer;
    private final int steps;
    private final TrainingPlan plan;

    private LanguageModel(GptConfig config, int vocab, TrainingPlan plan, long seed) {
        this.config = config;
        this.vocab = vocab;
        this.plan = plan;
        this.steps = plan.steps(config.context());
        this.block = new GptBlock(config, vocab);
        this.model = Model.newInstance("gpt-" + config.name());
        model.setBlock(block);
        int warm = (int) Math.round(steps * plan.warmupFraction());
        float lr = (float) plan.learningRate();
        Tracker cosine = CosineTracker.builder()
                .setBaseValue(lr)
                .optFinalValue((float) (lr * plan.finalLrFraction()))
                .setMaxUpdates(Math.max(1, steps - warm))
                .build();
        Tracker schedule = warm == 0
                ? cosine
                : WarmUpTracker.builder()
                        .setMainTracker(cosine)
                        .optWarmUpSteps(warm)
                        .optWarmUpBeginValue(0f)
                        .build();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT)
                .optOptimizer(Optimizer.adamW()
                        .optLearningRateTracker(schedule)
                        .optBeta1(0.9f)
                        .optBeta2(0.99f)
                        .optWeightDecays((float) plan.weightDecay())
                        .build());
        Trainer t = null;
        try {
            t = model.newTrainer(tc);
            synchronized (INIT_LOCK) {
                Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
                t.initialize(new Shape(plan.batch(), config.context()));
            }
        } catch (RuntimeException e) {
            if (t != null) {
                t.close();
            }
            model.close();
            throw e;
        }
        this.trainer = t;
    }

    /** A freshly initialised model ready to be trained with {@code plan}; {@code seed} fixes the initial weights. */
    public static LanguageModel create(GptConfig config, int vocab, TrainingPlan plan, long seed) {
        return new LanguageModel(config, vocab, plan, seed);
    }

    /** The model's shape. */
    public GptConfig config() {
        return config;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return config.parameterCount(vocab);
    }

    /** Optimisation steps of the plan. */
    public int steps() {
        return steps;
    }

    /**
     * Trains for the whole plan, evaluating the real-test loss on {@code curveWindows} at {@code plan.evalPoints()}
     * evenly spaced steps.
     */
    public TrainingCurve train(MixtureSampler sampler, EvalWindows curveWindows, PrintStream log, String label) {
        int b = plan.batch();
        int t = config.context();
        int[] x = new int[b * t];
        int[] y = new int[b * t];
        List<TrainingCurve.Point> points = new ArrayList<>();
        int nextEval = 0;
        int[] evalSteps = new int[plan.evalPoints()];
        for (int i = 0; i < evalSteps.length; i++) {
            evalSteps[i] = (int) Math.max(1, Math.round((double) steps * (i + 1) / evalSteps.length));
        }
        double trainNanos = 0;
        double lossSum = 0;
        int lossCount = 0;
        for (int step = 1; step <= steps; step++) {
            long t0 = System.nanoTime();
            sampler.next(b, t, x, y);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray xa = m.create(x, new Shape(b, t)).toType(DataType.INT64, false);
                NDArray ya = m.create(y, new Shape(b, t)).toType(DataType.INT64, false);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(xa)).head();
                    NDArray loss = nll(logits, ya);
                    gc.backward(loss);
                    lossSum += loss.getFloat();
                    lossCount++;
                }
                trainer.step();
            }
            trainNanos += System.nanoTime() - t0;
            if (!Double.isFinite(lossSum)) {
                throw new IllegalStateException(
                        label + ": training loss is not finite at step " + step + " (lower the learning rate)");
            }
            while (nextEval < evalSteps.length && step >= evalSteps[nextEval]) {
                double test = loss(curveWindows);
                long tokens = (long) step * b * t;
                points.add(new TrainingCurve.Point(
                        tokens, sampler.realTokens(), sampler.syntheticTokens(), lossSum / lossCount, test));
                if (log != null) {
                    log.printf(
                            "  %s step %d/%d tokens %d train %.4f real-test %.4f nats/token (%.0f tok/s)%n",
                            label, step, steps, tokens, lossSum / lossCount, test, tokens / (trainNanos / 1e9));
                }
                lossSum = 0;
                lossCount = 0;
                nextEval++;
            }
        }
        long tokens = (long) steps * b * t;
        return new TrainingCurve(points, tokens, trainNanos / 1e9);
    }

    /** Mean next-token negative log-likelihood (nats/token) over the windows, without gradients. */
    public double loss(EvalWindows windows) {
        int[][] w = windows.windows();
        if (w.length == 0) {
            return Double.NaN;
        }
        int t = w[0].length - 1;
        int chunk = Math.max(1, 8192 / t);
        double sum = 0;
        long n = 0;
        for (int start = 0; start < w.length; start += chunk) {
            int rows = Math.min(chunk, w.length - start);
            int[] x = new int[rows * t];
            int[] y = new int[rows * t];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(w[start + r], 0, x, r * t, t);
                System.arraycopy(w[start + r], 1, y, r * t, t);
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray xa = m.create(x, new Shape(rows, t)).toType(DataType.INT64, false);
                NDArray ya = m.create(y, new Shape(rows, t)).toType(DataType.INT64, false);
                NDArray logits = trainer.evaluate(new NDList(xa)).head();
                sum += nll(logits, ya).getFloat() * (double) rows * t;
                n += (long) rows * t;
            }
        }
        return sum / n;
    }

    /** Logits of the full (non-cached) forward pass, shape (rows, T, vocab), flattened; for tests. */
    float[] logits(int[][] rows) {
        int t = rows[0].length;
        int[] x = new int[rows.length * t];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, x, r * t, t);
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray xa = m.create(x, new Shape(rows.length, t)).toType(DataType.INT64, false);
            return trainer.evaluate(new NDList(xa)).head().toFloatArray();
        }
    }

    /**
     * Samples {@code length} new tokens after each prompt at the given temperature ({@link TextSampler}).
     *
     * @return the generated tokens of each stream (prompts excluded)
     */
    public int[][] generate(int[][] prompts, int length, double temperature, long seed) {
        return new TextSampler(this).generate(prompts, length, temperature, 1.0, seed);
    }

    /** As {@link #generate(int[][], int, double, long)}, with nucleus (top-p) sampling ({@link TextSampler}). */
    public int[][] generate(int[][] prompts, int length, double temperature, double topP, long seed) {
        return new TextSampler(this).generate(prompts, length, temperature, topP, seed);
    }

    /** Logits of the cached forward pass ({@link TextSampler#cachedLogits}); for tests. */
    float[] cachedLogits(int[][] rows, int prefix) {
        return new TextSampler(this).cachedLogits(rows, prefix);
    }

    GptBlock block() {
        return block;
    }

    /** The full forward pass without gradients: logits (rows, T, vocab) of token ids (rows, T). */
    NDArray forward(NDArray ids) {
        return trainer.evaluate(new NDList(ids)).head();
    }

    /**
     * SHA-256 of the trained weights (every parameter's values in block order, as little-endian floats): identifies
     * a generator in the results of the cells trained on its text.
     */
    public String weightsHash() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (var p : block.getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                java.nio.ByteBuffer b =
                        java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                md.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(b.array());
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    NDManager manager() {
        return trainer.getManager();
    }

    int vocab() {
        return vocab;
    }

    /**
     * The loss (negative log-likelihood, nats) of every token of {@code stream} given the tokens before it; entry 0 is
     * NaN. Scored in windows of the context length advanced by half a context, so every token after the first window
     * is predicted from at least context/2 tokens of history (as in {@link #generate}).
     */
    public float[] tokenLosses(int[] stream) {
        float[] out = new float[stream.length];
        java.util.Arrays.fill(out, Float.NaN);
        int t = config.context();
        int half = Math.max(1, t / 2);
        List<Integer> starts = new ArrayList<>();
        if (stream.length > 1) {
            for (int s = 0; ; s += half) {
                starts.add(s);
                if (s + t >= stream.length - 1) {
                    break;
                }
            }
        }
        int chunk = Math.max(1, 8192 / t);
        for (int from = 0; from < starts.size(); from += chunk) {
            int rows = Math.min(chunk, starts.size() - from);
            int[] x = new int[rows * t];
            int[] y = new int[rows * t];
            for (int r = 0; r < rows; r++) {
                int s = starts.get(from + r);
                for (int j = 0; j < t; j++) {
                    int i = Math.min(s + j, stream.length - 2); // past the end: padding, not scored
                    x[r * t + j] = stream[i];
                    y[r * t + j] = stream[i + 1];
                }
            }
            float[] nll;
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray xa = m.create(x, new Shape(rows, t)).toType(DataType.INT64, false);
                NDArray ya = m.create(y, new Shape(rows, t)).toType(DataType.INT64, false);
                NDArray logits = trainer.evaluate(new NDList(xa)).head();
                nll = tokenNll(logits, ya).toFloatArray();
            }
            for (int r = 0; r < rows; r++) {
                int s = starts.get(from + r);
                for (int j = s == 0 ? 0 : t - half; j < t && s + j + 1 < stream.length; j++) {
                    out[s + j + 1] = nll[r * t + j];
                }
            }
        }
        return out;
    }

    /** Mean next-token negative log-likelihood of (rows, T, vocab) logits against (rows, T) labels. */
    private static NDArray nll(NDArray logits, NDArray labels) {
        return tokenNll(logits, labels).mean();
    }

    /** Per-token negative log-likelihood, shape (rows, T). */
    private static NDArray tokenNll(NDArray logits, NDArray labels) {
        return pickNll(logits.logSoftmax(-1), labels);
    }

    /**
     * −log p(label) read from log-probabilities (rows, T, vocab) at each label (rows, T): a gather, not a product
     * with one-hot rows (the same numbers and gradient, without a (rows, T, vocab) tensor per step; it was 60% of the
     * language-model loop's CPU).
     */
    static NDArray pickNll(NDArray logp, NDArray labels) {
        return logp.gather(labels.expandDims(-1), -1).squeeze(-1).neg();
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
