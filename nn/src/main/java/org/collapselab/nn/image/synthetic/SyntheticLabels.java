package org.collapselab.nn.image.synthetic;

import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.collapselab.nn.common.DerivedSeeds;
import org.collapselab.nn.image.data.ImageSet;
import org.collapselab.nn.image.model.Evaluation;
import org.collapselab.nn.image.model.FirstLayer;
import org.collapselab.nn.image.model.TrainingTrace;
import org.collapselab.nn.image.model.TwoLayerNetwork;

/**
 * Synthetic targets for every image of a training pool, produced by a generator network trained on a reserved slice
 * of real images, with the generator's measured quality.
 *
 * <p>The reserved slice is the last {@code reserved} images of a fixed permutation of the training split (drawn from
 * {@link GeneratorSpec#seed()}); the generator trains on the first {@link GeneratorSpec#samples()} of them. The
 * remaining images form the pool that real and synthetic training samples are drawn from, so the studied models never
 * see the generator's own training images.
 */
public final class SyntheticLabels {
    private final GeneratorSpec spec;
    private final int classes;
    private final int[] pool;
    private final float[] targets;
    private final SyntheticQuality poolQuality;
    private final SyntheticQuality generatorTest;
    private final TrainingTrace generatorTrace;

    private SyntheticLabels(
            GeneratorSpec spec,
            int classes,
            int[] pool,
            float[] targets,
            SyntheticQuality poolQuality,
            SyntheticQuality generatorTest,
            TrainingTrace generatorTrace) {
        this.spec = spec;
        this.classes = classes;
        this.pool = pool;
        this.targets = targets;
        this.poolQuality = poolQuality;
        this.generatorTest = generatorTest;
        this.generatorTrace = generatorTrace;
    }

    /**
     * Trains the generator and labels the pool.
     *
     * @param train training split
     * @param test test split (only to report the generator's own test quality)
     * @param reserved size of the reserved generator slice (≥ spec.samples())
     * @param mean input standardisation mean
     * @param std input standardisation standard deviation
     */
    public static SyntheticLabels generate(
            Engine engine, ImageSet train, ImageSet test, GeneratorSpec spec, int reserved, double mean, double std) {
        if (reserved < spec.samples()) {
            throw new IllegalArgumentException(
                    "generator samples (" + spec.samples() + ") exceed the reserved slice (" + reserved + ")");
        }
        if (reserved >= train.count()) {
            throw new IllegalArgumentException("reserved generator slice (" + reserved + ") must be smaller than the "
                    + "training split (" + train.count() + " images)");
        }
        int[] perm = permutation(train.count(), spec.seed());
        int[] genIdx = generatorImages(perm, train.count() - reserved, reserved, spec);
        int[] pool = Arrays.copyOfRange(perm, 0, train.count() - reserved);
        long initSeed =
                spec.replicate() == 0 ? spec.seed() + 1 : DerivedSeeds.derive(spec.seed(), 100 + spec.replicate());
        long orderSeed =
                spec.replicate() == 0 ? spec.seed() + 2 : DerivedSeeds.derive(spec.seed(), 200 + spec.replicate());
        long noiseSeed =
                spec.replicate() == 0 ? spec.seed() + 3 : DerivedSeeds.derive(spec.seed(), 300 + spec.replicate());
        int classes = train.classes();
        int d = train.dimension();
        float[] gx = train.features(genIdx, mean, std);
        float[] gy = Evaluation.oneHot(train.labelsOf(genIdx), classes);
        try (TwoLayerNetwork gen =
                TwoLayerNetwork.create(engine, d, spec.width(), classes, FirstLayer.TRAINED, initSeed)) {
            TrainingTrace trace = gen.fit(gx, gy, genIdx.length, spec.training(), orderSeed, null);
            float[] out = predictInChunks(gen, train, pool, mean, std);
            if (spec.labels() == LabelKind.HARD) {
                int[] cls = Evaluation.argMax(out, classes);
                out = Evaluation.oneHot(cls, classes);
            }
            if (spec.noise() > 0) {
                SplittableRandom rng = new SplittableRandom(noiseSeed);
                for (int i = 0; i < out.length; i++) {
                    out[i] += (float) (spec.noise() * rng.nextGaussian());
                }
            }
            SyntheticQuality q = quality(out, train.labelsOf(pool), classes);
            int[] all = new int[test.count()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            float[] testOut = predictInChunks(gen, test, all, mean, std);
            Evaluation ev = Evaluation.of(testOut, test.labels(), classes);
            return new SyntheticLabels(
                    spec, classes, pool, out, q, new SyntheticQuality(ev.mse(), ev.error(), ev.count()), trace);
        }
    }

    /**
     * The generator's training images: replicate 0 takes the first {@code samples} of the reserved slice (which starts
     * at {@code start} in {@code perm}); replicate r &gt; 0 a random subset of the slice without its last
     * {@code holdout} images.
     */
    static int[] generatorImages(int[] perm, int start, int reserved, GeneratorSpec spec) {
        if (spec.replicate() == 0) {
            return Arrays.copyOfRange(perm, start, start + spec.samples());
        }
        int usable = reserved - spec.holdout();
        if (usable < spec.samples()) {
            throw new IllegalArgumentException(
                    "generator replicates need " + spec.samples() + " reserved images besides the " + spec.holdout()
                            + " held out, the reserved slice has " + reserved);
        }
        int[] pick = permutation(usable, DerivedSeeds.derive(spec.seed(), 400 + spec.replicate()));
        int[] out = new int[spec.samples()];
        for (int i = 0; i < out.length; i++) {
            out[i] = perm[start + pick[i]];
        }
        return out;
    }

    private static float[] predictInChunks(TwoLayerNetwork gen, ImageSet set, int[] idx, double mean, double std) {
        int classes = gen.classes();
        float[] out = new float[idx.length * classes];
        int chunk = 5000;
        for (int from = 0; from < idx.length; from += chunk) {
            int[] part = Arrays.copyOfRange(idx, from, Math.min(idx.length, from + chunk));
            float[] p = gen.predict(set.features(part, mean, std), part.length);
            System.arraycopy(p, 0, out, from * classes, p.length);
        }
        return out;
    }

    /** Quality of targets (row-major {@code labels.length × classes}) against true labels. */
    public static SyntheticQuality quality(float[] targets, int[] labels, int classes) {
        Evaluation ev = Evaluation.of(targets, labels, classes);
        return new SyntheticQuality(ev.mse(), ev.error(), ev.count());
    }

    /** A fixed pseudo-random permutation of {@code 0..n-1}. */
    /**
     * The last {@code count} images of the reserved slice (training-split indices): the real validation images of early
     * stopping. Generators train on the first images of the slice, studied models never see the slice.
     */
    public static int[] reservedTail(int trainCount, long generatorSeed, int count) {
        int[] perm = permutation(trainCount, generatorSeed);
        return Arrays.copyOfRange(perm, trainCount - count, trainCount);
    }

    public static int[] permutation(int n, long seed) {
        return org.collapselab.estimation.Rows.permutation(n, new SplittableRandom(seed));
    }

    /** The generator's recipe. */
    public GeneratorSpec spec() {
        return spec;
    }

    /** Training-split indices of the pool that real and synthetic samples are drawn from (generator slice excluded). */
    public int[] pool() {
        return pool.clone();
    }

    /** Size of the pool. */
    public int poolSize() {
        return pool.length;
    }

    /** Training-split index of the {@code k}-th pool image. */
    public int poolImage(int k) {
        return pool[k];
    }

    /** Synthetic targets of the given pool positions (not image indices), row-major. */
    public float[] targetsAt(int[] poolPositions) {
        float[] out = new float[poolPositions.length * classes];
        for (int i = 0; i < poolPositions.length; i++) {
            System.arraycopy(targets, poolPositions[i] * classes, out, i * classes, classes);
        }
        return out;
    }

    /** Quality of the synthetic targets over the whole pool (the reported c²). */
    public SyntheticQuality poolQuality() {
        return poolQuality;
    }

    /** The generator's own test MSE and error on the real test split. */
    public SyntheticQuality generatorTestQuality() {
        return generatorTest;
    }

    /** How the generator trained. */
    public TrainingTrace generatorTrace() {
        return generatorTrace;
    }
}
