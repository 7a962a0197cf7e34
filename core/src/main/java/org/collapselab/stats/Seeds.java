package org.collapselab.stats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The one seed derivation: {@link #derive} gives each (base seed, stream, sub-stream, ...) its own well-mixed seed,
 * so that the random streams of one run (data draw, initialisation, order) are independent and each depends only on
 * its own path. New code derives every seed with it. {@link Legacy} keeps the older formulas that stored cell keys
 * or stored results depend on: changing them would orphan existing result databases.
 */
public final class Seeds {
    private Seeds() {}

    /**
     * The seed of {@code streams} under {@code base}: each level maps (seed, stream) to
     * {@code SplittableRandom(seed·φ + stream·C).nextLong()} (φ = 0x9E3779B97F4A7C15, C = 0xBF58476D1CE4E5B9, the
     * SplitMix64 constants), so {@code derive(b, s, t) = derive(derive(b, s), t)}. With no stream it is {@code base}.
     */
    public static long derive(long base, long... streams) {
        long s = base;
        for (long t : streams) {
            s = new SplittableRandom(s * 0x9E3779B97F4A7C15L + t * 0xBF58476D1CE4E5B9L).nextLong();
        }
        return s;
    }

    /** Formulas that stored keys or results depend on; new code uses {@link Seeds#derive}. */
    public static final class Legacy {
        private Legacy() {}

        /**
         * The seeds of runs 0..runs−1 of one simulation: {@code SplittableRandom(seed).longs(runs)}. Every stored
         * simulation result (Gaussian, two-source and generations cells, the explorer's points) was drawn with these.
         */
        public static long[] runs(long seed, int runs) {
            return new SplittableRandom(seed).longs(runs).toArray();
        }

        /** {@code base + index}: repetition r of a coverage cell, replicate r of an image cell (in their keys). */
        public static long offset(long base, long index) {
            return base + index;
        }

        /** {@code base · 1000003 + index}: run {@code index} of a language-model or neural-loop study (in their keys). */
        public static long scaled(long base, long index) {
            return base * 1_000_003L + index;
        }

        /** {@code base XOR (n · 1000003 + round(α · 10⁶))}: a two-source point's seed (in its key). */
        public static long pair(long base, long n, double alpha) {
            return base ^ (n * 1_000_003L + Math.round(alpha * 1e6));
        }

        /**
         * The first 8 bytes (big-endian) of SHA-256 of {@code base + "|" + text}: a Gaussian cell's seed from its base
         * seed and canonical problem JSON (in its key).
         */
        public static long hashed(long base, String text) {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256")
                        .digest((base + "|" + text).getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(h, 0, 8).getLong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
            }
        }
    }
}
