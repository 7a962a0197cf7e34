package org.collapselab.nn.loop.image;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapselab.nn.image.data.ImageSet;
import org.collapselab.nn.image.model.Evaluation;
import org.collapselab.nn.image.model.FirstLayer;
import org.collapselab.nn.image.model.TwoLayerNetwork;
import org.collapselab.nn.image.synthetic.ImageContexts;
import org.collapselab.nn.image.synthetic.ImageExperimentContext;
import org.collapselab.nn.loop.LoopArm;
import org.collapselab.nn.loop.LoopResult;
import org.collapselab.nn.loop.LoopSeeds;
import org.collapselab.nn.loop.RetrainingLoop;
import org.collapselab.stats.Seeds;

/**
 * The image loop's data and models (see {@link ImageLoopConfig}): a row is a training image with its target. The
 * training steps already grow with the rows (at least {@code epochs} passes), so a growing budget changes nothing.
 */
final class ImageLoopWorld implements RetrainingLoop.World<ImageLoopWorld.Labelled, TwoLayerNetwork> {
    /**
     * A training image and the target it was given.
     *
     * @param image index in the training split
     * @param target {@code classes} values (one-hot or a network's outputs)
     */
    record Labelled(int image, float[] target) {}

    private final ImageLoopConfig c;
    private final ImageExperimentContext ctx;
    private final ImageSet train;
    private final int[] order;
    private final long loopSeed;
    private final float[] testInputs;
    private int next;

    private ImageLoopWorld(ImageLoopConfig c, ImageExperimentContext ctx, int seed) {
        this.c = c;
        this.ctx = ctx;
        this.train = ctx.dataset().train();
        this.loopSeed = LoopSeeds.loop(c.baseSeed(), seed);
        this.order = LoopSeeds.permutation(train.count(), Seeds.derive(loopSeed, 1));
        ImageSet test = ctx.dataset().test();
        int[] all = new int[test.count()];
        Arrays.setAll(all, i -> i);
        this.testInputs = test.features(all, ctx.mean(), ctx.std());
    }

    /** One whole loop. */
    static LoopResult run(ImageLoopConfig c, LoopArm arm, int seed, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        ImageLoopWorld w = new ImageLoopWorld(c, ImageContexts.get(c.dataset(), c.folder()), seed);
        long need = (long) (c.generations() + 1) * c.rows();
        if (need > w.train.count()) {
            throw new IllegalArgumentException("the loop needs (generations + 1)·rows = " + need + " training images, "
                    + c.dataset() + " has " + w.train.count());
        }
        var gens = RetrainingLoop.run(w, arm, c.generations(), c.rows(), Seeds.derive(w.loopSeed, 2));
        if (log != null) {
            for (var g : gens) {
                log.printf(
                        java.util.Locale.ROOT,
                        "  %s seed=%d gen %d: test MSE %.4f, error %.4f%n",
                        arm.label(),
                        seed,
                        g.generation(),
                        g.loss(),
                        g.error());
            }
        }
        return new LoopResult(
                arm.schedule().key(),
                arm.freshReal(),
                arm.variant().key(),
                seed,
                gens,
                null,
                (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public List<Labelled> rows(int generation, int realCount, int n, TwoLayerNetwork teacher) {
        int[] idx = Arrays.copyOfRange(order, next, next + n);
        next += n;
        int classes = train.classes();
        float[] real = Evaluation.oneHot(train.labelsOf(Arrays.copyOf(idx, realCount)), classes);
        int[] synth = Arrays.copyOfRange(idx, realCount, n);
        float[] out = synth.length == 0
                ? new float[0]
                : teacher.predict(train.features(synth, ctx.mean(), ctx.std()), synth.length);
        List<Labelled> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] src = i < realCount ? real : out;
            int at = (i < realCount ? i : i - realCount) * classes;
            rows.add(new Labelled(idx[i], Arrays.copyOfRange(src, at, at + classes)));
        }
        return rows;
    }

    @Override
    public TwoLayerNetwork train(List<RetrainingLoop.Row<Labelled>> rows, int generation, double budgetScale) {
        int n = rows.size();
        int classes = train.classes();
        int[] idx = new int[n];
        float[] y = new float[n * classes];
        for (int i = 0; i < n; i++) {
            idx[i] = rows.get(i).value().image();
            System.arraycopy(rows.get(i).value().target(), 0, y, i * classes, classes);
        }
        TwoLayerNetwork net = TwoLayerNetwork.create(
                ctx.engine(),
                train.dimension(),
                c.width(),
                classes,
                FirstLayer.TRAINED,
                Seeds.derive(loopSeed, 100 + generation));
        try {
            net.fit(
                    train.features(idx, ctx.mean(), ctx.std()),
                    y,
                    n,
                    c.training().forSize(n),
                    Seeds.derive(loopSeed, 300 + generation),
                    null);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    @Override
    public RetrainingLoop.Measurement measure(TwoLayerNetwork net, int generation, TwoLayerNetwork first) {
        ImageSet test = ctx.dataset().test();
        Evaluation ev = Evaluation.of(net.predict(testInputs, test.count()), test.labels(), train.classes());
        return new RetrainingLoop.Measurement(ev.mse(), ev.error(), null, "", null);
    }
}
