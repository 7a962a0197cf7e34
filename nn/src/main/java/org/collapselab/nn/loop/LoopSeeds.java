package org.collapselab.nn.loop;

import java.util.SplittableRandom;
import org.collapselab.estimation.Rows;
import org.collapselab.nn.common.DerivedSeeds;

/**
 * Seeds of the neural loops. A loop's seed depends on the base seed and the seed index only, never on the arm, so
 * generation 0 (and the real rows) are the same in every arm of one seed: arms are paired comparisons. Sub-seeds
 * come from {@link DerivedSeeds#derive}.
 */
public final class LoopSeeds {
    private LoopSeeds() {}

    /** The seed of loop {@code seed} (0-based). */
    public static long loop(long baseSeed, int seed) {
        return derive(baseSeed, 1_000 + seed);
    }

    /** A well-mixed sub-seed of {@code seed} for stream {@code stream}. */
    public static long derive(long seed, long stream) {
        return DerivedSeeds.derive(seed, stream);
    }

    /** A uniformly random permutation of 0..n−1. */
    public static int[] permutation(int n, long seed) {
        return Rows.permutation(n, new SplittableRandom(seed));
    }
}
