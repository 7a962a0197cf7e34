package org.collapselab.nn.image.study;

import java.util.Arrays;
import org.collapselab.nn.common.DerivedSeeds;
import org.collapselab.nn.image.data.ImageSet;
import org.collapselab.nn.image.model.EarlyStopping;
import org.collapselab.nn.image.model.Evaluation;
import org.collapselab.nn.image.model.FirstLayer;
import org.collapselab.nn.image.model.RandomFeaturesRidge;
import org.collapselab.nn.image.model.Regressor;
import org.collapselab.nn.image.model.TrainingConfig;
import org.collapselab.nn.image.model.TrainingTrace;
import org.collapselab.nn.image.model.TwoLayerNetwork;
import org.collapselab.nn.image.synthetic.ImageExperimentContext;
import org.collapselab.nn.image.synthetic.SyntheticLabels;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/**
 * Runs one {@link CellSpec}: draws the mixture, trains the network, evaluates it on the real test split.
 *
 * <p>Sampling: the pool (training split minus the generator's slice) is permuted with the cell's seed; the
 * {@code n1} real images are a prefix of that permutation and the {@code n2} synthetic images a suffix, so they
 * never overlap, and for one seed the real (and the synthetic) sets are nested as {@code n} grows. The draw and the
 * network's initialisation depend only on the seed (and the width), not on {@code p2}: curves for different
 * synthetic shares are paired comparisons (common random numbers).
 */
public final class CellRunner {
    private CellRunner() {}

    /** Trains and evaluates one cell. */
    public static CellResult run(ImageExperimentContext ctx, CellSpec spec) {
        ImageSet train = ctx.dataset().train();
        ImageSet test = ctx.dataset().test();
        SyntheticLabels syn = ctx.synthetic(spec.generator(), spec.reserved());
        int pool = syn.poolSize();
        if (spec.n() > pool) {
            throw new IllegalArgumentException("n = " + spec.n() + " exceeds the pool of " + pool + " training images ("
                    + train.count() + " minus the reserved generator slice of " + spec.reserved() + ")");
        }
        int n1 = spec.realCount();
        int n2 = spec.syntheticCount();
        int[] perm = SyntheticLabels.permutation(pool, derive(spec.seed(), 1));
        int[] realIdx = new int[n1];
        for (int i = 0; i < n1; i++) {
            realIdx[i] = syn.poolImage(perm[i]);
        }
        int[] synPos = Arrays.copyOfRange(perm, pool - n2, pool);
        int[] synIdx = new int[n2];
        for (int i = 0; i < n2; i++) {
            synIdx[i] = syn.poolImage(synPos[i]);
        }
        int classes = train.classes();
        int d = train.dimension();
        int[] allIdx = new int[n1 + n2];
        System.arraycopy(realIdx, 0, allIdx, 0, n1);
        System.arraycopy(synIdx, 0, allIdx, n1, n2);
        float[] x = train.features(allIdx, ctx.mean(), ctx.std());
        float[] y = new float[(n1 + n2) * classes];
        System.arraycopy(Evaluation.oneHot(train.labelsOf(realIdx), classes), 0, y, 0, n1 * classes);
        float[] synTargets = syn.targetsAt(synPos);
        System.arraycopy(synTargets, 0, y, n1 * classes, n2 * classes);
        SyntheticQuality q = n2 == 0
                ? new SyntheticQuality(Double.NaN, Double.NaN, 0)
                : SyntheticLabels.quality(synTargets, train.labelsOf(synIdx), classes);

        int n = n1 + n2;
        long initSeed = derive(spec.seed(), 1000 + spec.width());
        double trainLoss;
        int epochs = 0;
        long steps = 0;
        double seconds;
        double rate = Double.NaN;
        double validationMse = Double.NaN;
        long params;
        Regressor model;
        switch (spec.network()) {
            case RANDOM_FEATURES -> {
                long t0 = System.nanoTime();
                RandomFeaturesRidge rf = RandomFeaturesRidge.fit(
                        ctx.engine(), x, y, n, d, classes, spec.width(), spec.ridge(), initSeed);
                seconds = (System.nanoTime() - t0) / 1e9;
                trainLoss = rf.trainMse();
                params = (long) (spec.width() + 1) * classes;
                model = rf;
            }
            case TWO_LAYER, RANDOM_FEATURES_ADAM -> {
                FirstLayer first =
                        spec.network() == NetworkKind.TWO_LAYER ? FirstLayer.TRAINED : FirstLayer.FROZEN_RANDOM;
                TwoLayerNetwork net = TwoLayerNetwork.create(ctx.engine(), d, spec.width(), classes, first, initSeed);
                try {
                    TrainingConfig cfg = spec.training().forSize(n);
                    TrainingTrace trace = net.fit(x, y, n, cfg, derive(spec.seed(), 2), earlyStopping(ctx, spec));
                    trainLoss = net.loss(x, y, n);
                    epochs = trace.epochLoss().length;
                    validationMse = trace.validationLoss();
                    steps = trace.steps();
                    seconds = trace.seconds();
                    rate = trace.samplesPerSecond();
                    params = net.trainableParameters();
                } catch (RuntimeException e) {
                    net.close();
                    throw e;
                }
                model = net;
            }
            default -> throw new IllegalStateException("unknown network " + spec.network());
        }
        try (model) {
            Evaluation ev = Evaluation.of(model.predict(ctx.testInputs(), test.count()), test.labels(), classes);
            return new CellResult(
                    ev.mse(),
                    ev.error(),
                    trainLoss,
                    q.mse(),
                    q.labelError(),
                    n1,
                    n2,
                    epochs,
                    steps,
                    seconds,
                    rate,
                    params,
                    validationMse);
        }
    }

    /** Early stopping on the real validation images of the reserved slice, or null when the plan has none. */
    private static EarlyStopping earlyStopping(ImageExperimentContext ctx, CellSpec spec) {
        if (spec.training().patience() == 0) {
            return null;
        }
        ImageSet train = ctx.dataset().train();
        int[] v = SyntheticLabels.reservedTail(
                train.count(), spec.generator().seed(), spec.training().validation());
        return new EarlyStopping(
                train.features(v, ctx.mean(), ctx.std()),
                Evaluation.oneHot(train.labelsOf(v), train.classes()),
                v.length,
                spec.training().patience());
    }

    /** A well-mixed sub-seed of {@code seed} for stream {@code stream} ({@link DerivedSeeds}). */
    public static long derive(long seed, long stream) {
        return DerivedSeeds.derive(seed, stream);
    }
}
