package org.collapselab.experiments.run;

import org.collapselab.validation.ParameterException;

/**
 * Static sharding of a sweep over N processes or machines: shard k of N takes the cells whose key, read as a number,
 * is k modulo N. It depends on the cell's content only, so adding grid points never moves other cells between
 * shards. Each shard writes its results to a database (the same file, or its own; then merge them).
 *
 * @param index k in [0, count)
 * @param count N ≥ 1
 */
public record Shard(int index, int count) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new ParameterException("shard", index + "/" + count, "k/N with N >= 1 and 0 <= k < N");
        }
    }

    /** Parses {@code k/N}. */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        if (parts.length != 2) {
            throw new ParameterException("shard", text, "k/N with N >= 1 and 0 <= k < N, e.g. 0/4");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new ParameterException("shard", text, "k/N with N >= 1 and 0 <= k < N, e.g. 0/4");
        }
    }

    /** True when the cell with this (hex) key belongs to this shard. */
    public boolean owns(String key) {
        if (count == 1) {
            return true;
        }
        long v = Long.parseUnsignedLong(key.substring(0, 15), 16); // 60 bits, non-negative
        return v % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
