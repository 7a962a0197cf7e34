package org.collapselab.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Parametric bootstrap over the pilots (Efron &amp; Tibshirani 1993, §6.5): replicate pilot means
 * ȳ*_g = E_fit(g) + √φ·se_g·z_g, z ~ N(0, 1), are refitted, the choice of law ({@link LawSelection}) included, and an
 * interval for any quantity is the percentile interval of its replicate values. φ, the variance inflation of the
 * chosen fit, widens the replicates when the pilots scatter around the law more than their errors say, so that a law
 * that only approximately holds gets wider intervals. Replicate b draws from its own generator seeded by (seed, b),
 * so results do not depend on the thread count.
 */
public final class LawBootstrap {
    private LawBootstrap() {}

    /** The replicates' chosen laws (null where a refit failed), in replicate order. */
    public static List<LawParameters> replicates(LawSelection.Selection selection, int count, long seed, int threads) {
        LawFit chosen = selection.best();
        List<PilotGroup> groups = chosen.pilots().groups();
        double scale = Math.sqrt(chosen.inflation());
        LawParameters[] out = new LawParameters[count];
        Runnable work = () -> IntStream.range(0, count).parallel().forEach(b -> {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + b);
            double[] y = new double[groups.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = chosen.fitted()[i] + scale * groups.get(i).stderr() * rng.nextGaussian();
            }
            try {
                out[b] = LawSelection.reselect(chosen.pilots().withMeans(y), selection)
                        .best()
                        .parameters();
            } catch (RuntimeException e) {
                out[b] = null; // a replicate the law cannot fit counts as missing
            }
        });
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(work).join();
        } finally {
            pool.shutdown();
        }
        List<LawParameters> list = new ArrayList<>();
        for (LawParameters p : out) {
            list.add(p);
        }
        return list;
    }
}
