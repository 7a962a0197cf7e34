package org.collapselab.nn.text.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Common random numbers: raising p2 replaces exactly the sequences whose coin flips, and nothing else. */
class MixtureSamplerTest {
    static final int CONTEXT = 8;
    static final int BATCH = 50;

    /** A stream whose tokens name their source and offset: real 0..9999, synthetic 100000 + offset. */
    static int[] stream(int base, int length) {
        int[] s = new int[length];
        Arrays.setAll(s, i -> base + i);
        return s;
    }

    static int[][] draw(double p2, int[] synthetic, int batches) {
        MixtureSampler m = new MixtureSampler(stream(0, 10_000), synthetic, p2, 42);
        int[][] out = new int[batches * BATCH][];
        int[] x = new int[BATCH * CONTEXT];
        int[] y = new int[BATCH * CONTEXT];
        for (int b = 0; b < batches; b++) {
            m.next(BATCH, CONTEXT, x, y);
            for (int i = 0; i < BATCH; i++) {
                out[b * BATCH + i] = Arrays.copyOfRange(x, i * CONTEXT, i * CONTEXT + CONTEXT);
            }
        }
        return out;
    }

    static boolean synthetic(int[] seq) {
        return seq[0] >= 100_000;
    }

    @Test
    void raisingTheShareReplacesOnlyTheSequencesWhoseCoinFlips() {
        int[] syn = stream(100_000, 3000);
        int[][] clean = draw(0, syn, 20);
        int[][] small = draw(0.01, syn, 20);
        int[][] large = draw(0.1, syn, 20);
        int flippedSmall = 0;
        int flippedLarge = 0;
        for (int i = 0; i < clean.length; i++) {
            assertThat(synthetic(clean[i])).isFalse();
            if (synthetic(small[i])) {
                flippedSmall++;
                assertThat(synthetic(large[i]))
                        .as("the synthetic sequences of 0.01 are among those of 0.1")
                        .isTrue();
                assertThat(large[i]).isEqualTo(small[i]); // the same synthetic crop
            } else {
                assertThat(small[i]).isEqualTo(clean[i]); // every other sequence is the real-only run's
            }
            if (synthetic(large[i])) {
                flippedLarge++;
            } else {
                assertThat(large[i]).isEqualTo(clean[i]);
            }
        }
        // 1000 sequences: about 10 and 100 flip
        assertThat(flippedSmall).isBetween(3, 25);
        assertThat(flippedLarge).isBetween(70, 130);
    }

    @Test
    void twoSourcesOfOneLengthReplaceTheSameSequencesAtTheSameOffsets() {
        int[][] a = draw(0.5, stream(100_000, 3000), 4);
        int[][] b = draw(0.5, stream(200_000, 3000), 4);
        for (int i = 0; i < a.length; i++) {
            assertThat(synthetic(a[i])).isEqualTo(synthetic(b[i]));
            if (synthetic(a[i])) {
                assertThat(a[i][0] - 100_000).isEqualTo(b[i][0] - 200_000);
            } else {
                assertThat(a[i]).isEqualTo(b[i]);
            }
        }
    }

    @Test
    void theRealOnlySamplerKeepsTheFirstVersionsDraws() {
        // the loops' keys predate common random numbers: one stream, an integer offset per sequence
        int[] real = stream(0, 1000);
        MixtureSampler m = MixtureSampler.realOnly(real, 7);
        int[] x = new int[4 * CONTEXT];
        int[] y = new int[4 * CONTEXT];
        m.next(4, CONTEXT, x, y);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 4; i++) {
            assertThat(x[i * CONTEXT]).isEqualTo(r.nextInt(1000 - CONTEXT));
        }
        assertThat(y[0]).isEqualTo(x[0] + 1);
    }
}
