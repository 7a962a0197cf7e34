package org.collapselab.nn.text.corpus;

import java.util.SplittableRandom;
import org.collapselab.nn.common.Checks;

/**
 * Draws training windows from a mixture of a real and a synthetic token stream: each sequence of a batch comes from
 * the synthetic stream with probability {@code p2} and from the real stream otherwise, at a uniformly random offset
 * (random crops, as in nanoGPT-style training). Only the two given streams are ever read, so passing the training
 * split here is what keeps the test split out of training.
 *
 * <p>Common random numbers: the coin, the real offset and the synthetic offset of every sequence come from three
 * separate streams of the seed, and all three are drawn for every sequence whichever source it takes. So two runs
 * with the same seed and different p2 see the same real crop at every sequence that is real in both: raising p2
 * replaces exactly the sequences whose coin falls below it (the synthetic sequences of p2 = 0.01 are a subset of
 * those of p2 = 0.1) and leaves the rest identical; two synthetic sources of the same length are cut at the same
 * offsets, and a real-only run with fewer steps sees a prefix of the same real crops.
 */
public final class MixtureSampler {
    private final int[] real;
    private final int[] synthetic;
    private final double p2;
    private final SplittableRandom coin;
    private final SplittableRandom realOffsets;
    private final SplittableRandom syntheticOffsets;
    private final boolean legacy;
    private long realTokens;
    private long syntheticTokens;

    /**
     * @param real encoded real training stream
     * @param synthetic encoded synthetic stream (may be null when {@code p2 = 0})
     * @param p2 synthetic share in [0, 1]
     * @param seed seed of the coin and offset streams
     */
    public MixtureSampler(int[] real, int[] synthetic, double p2, long seed) {
        this(real, synthetic, p2, seed, false);
    }

    private MixtureSampler(int[] real, int[] synthetic, double p2, long seed, boolean legacy) {
        Checks.doubleIn("p2", p2, 0.0, 1.0);
        if (p2 > 0 && (synthetic == null || synthetic.length < 2)) {
            throw new IllegalArgumentException("p2 > 0 needs a synthetic stream");
        }
        if (p2 < 1 && (real == null || real.length < 2)) {
            throw new IllegalArgumentException("p2 < 1 needs a real stream");
        }
        this.real = real;
        this.synthetic = synthetic;
        this.p2 = p2;
        this.legacy = legacy;
        this.coin = new SplittableRandom(seed);
        this.realOffsets = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        this.syntheticOffsets = new SplittableRandom(seed ^ 0xBB67AE8584CAA73BL);
    }

    /**
     * Random crops of one stream, drawn as the first version of this sampler did (one random stream, an integer
     * offset per sequence), so that the loop studies, whose keys predate common random numbers, keep their numbers.
     */
    public static MixtureSampler realOnly(int[] stream, long seed) {
        return new MixtureSampler(stream, null, 0.0, seed, true);
    }

    /** Fills inputs x and next-token targets y (both batch × context, row-major). */
    public void next(int batch, int context, int[] x, int[] y) {
        for (int b = 0; b < batch; b++) {
            boolean synth;
            int[] src;
            int o;
            if (legacy) {
                synth = false;
                src = real;
                o = coin.nextInt(src.length - Math.min(context, src.length - 1));
            } else {
                double u = coin.nextDouble();
                double vr = realOffsets.nextDouble();
                double vs = syntheticOffsets.nextDouble();
                synth = u < p2;
                src = synth ? synthetic : real;
                o = (int) ((synth ? vs : vr) * (src.length - Math.min(context, src.length - 1)));
            }
            int span = Math.min(context, src.length - 1);
            for (int t = 0; t < context; t++) {
                int i = o + Math.min(t, span - 1);
                x[b * context + t] = src[i];
                y[b * context + t] = src[i + 1];
            }
            if (synth) {
                syntheticTokens += context;
            } else {
                realTokens += context;
            }
        }
    }

    /** Real tokens drawn so far. */
    public long realTokens() {
        return realTokens;
    }

    /** Synthetic tokens drawn so far. */
    public long syntheticTokens() {
        return syntheticTokens;
    }
}
