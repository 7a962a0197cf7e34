package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * What generation k ≥ 1 of a retraining loop trains on. {@code REPLACE}: its own n fresh rows. {@code ACCUMULATE}:
 * all rows of generations 0..k with the labels they were given then. {@code ACCUMULATE_SUBSAMPLE}: n rows drawn
 * uniformly without replacement from all rows so far.
 */
public enum Schedule {
    REPLACE,
    ACCUMULATE,
    ACCUMULATE_SUBSAMPLE;

    /**
     * The rows generation k ≥ 0 trains on, as indices into the pool of all rows drawn so far in generation-major order
     * (generation j's rows are j·n .. j·n + n − 1): replace → generation k's n rows; accumulate → all (k+1)·n;
     * accumulate-subsample → n drawn uniformly without replacement from all (partial Fisher–Yates with rng). Generation 0
     * trains on its own rows under every schedule. Shared by every loop (Gaussian or neural) so they mean the same.
     */
    public int[] trainingRows(int generation, int rowsPerGeneration, java.util.random.RandomGenerator rng) {
        return poolRows(Math.multiplyExact(generation + 1, rowsPerGeneration), rowsPerGeneration, rng);
    }

    /**
     * The same when generations bring different numbers of rows (growth, verified rows): the pool holds {@code pool}
     * rows, the newest {@code own} of them this generation's; replace → those; accumulate → all; accumulate-subsample →
     * {@code own} drawn uniformly without replacement from all (own = pool, generation 0: its own rows).
     */
    public int[] poolRows(int pool, int own, java.util.random.RandomGenerator rng) {
        int n = own;
        if (this == REPLACE || pool == own) {
            return java.util.stream.IntStream.range(pool - n, pool).toArray();
        }
        int[] all = java.util.stream.IntStream.range(0, pool).toArray();
        if (this == ACCUMULATE) {
            return all;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(pool - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /** The flag value, e.g. {@code accumulate-subsample}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a flag value; errors name the field {@code schedule}. */
    public static Schedule parse(String s) {
        for (Schedule e : values()) {
            if (e.key().equals(s)) {
                return e;
            }
        }
        throw new ParameterException("schedule", s, "one of replace, accumulate, accumulate-subsample");
    }
}
