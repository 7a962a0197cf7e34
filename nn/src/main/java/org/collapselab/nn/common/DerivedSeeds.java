package org.collapselab.nn.common;

import java.util.SplittableRandom;

/**
 * Sub-seeds of the neural studies: a well-mixed seed for each (seed, stream) pair, so that the streams of one run
 * (sample draw, initialisation, data order) are independent and each depends only on its own seed and stream. The
 * formula is the one the image study's keys have always used; the neural loops use it too.
 */
public final class DerivedSeeds {
    private DerivedSeeds() {}

    /** A well-mixed sub-seed of {@code seed} for stream {@code stream}. */
    public static long derive(long seed, long stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L).nextLong();
    }
}
