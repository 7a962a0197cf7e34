package org.collapselab.nn.text.study;

import java.io.Serializable;
import java.util.Locale;

/**
 * What a student trains on besides real text, at a budget of T tokens: nothing (real text only), a share p2 of a
 * generator's text, a share p2 of real text from another domain (the shifted control), or nothing at a reduced
 * budget of (1 − p2)·T real tokens with its own schedule (the dilution control: the real part of a mixture alone).
 *
 * @param source the kind of arm
 * @param generator the generator's name (GENERATED only, else empty)
 * @param p2 the share: of synthetic or shifted sequences, or the share of the budget left out (DILUTED)
 */
public record LmArm(Source source, String generator, double p2) implements Serializable {
    /** Kinds of arms. */
    public enum Source {
        REAL,
        GENERATED,
        SHIFTED,
        DILUTED
    }

    public LmArm {
        generator = generator == null ? "" : generator;
        boolean ok =
                switch (source) {
                    case REAL -> p2 == 0;
                    case GENERATED -> p2 > 0 && p2 <= 1;
                    case SHIFTED, DILUTED -> p2 > 0 && p2 < 1;
                };
        if (!ok) {
            throw new IllegalArgumentException("arm " + source + " cannot have p2 = " + p2);
        }
        if (source == Source.GENERATED == generator.isEmpty()) {
            throw new IllegalArgumentException("a generated arm (and only it) names its generator");
        }
    }

    /** Real text only. */
    public static final LmArm REAL_ONLY = new LmArm(Source.REAL, "", 0);

    /** A file-name-safe key, e.g. {@code real}, {@code weak-0.01}, {@code shifted-0.1}, {@code diluted-0.5}. */
    public String key() {
        return switch (source) {
            case REAL -> "real";
            case GENERATED -> generator + "-" + fmt(p2);
            case SHIFTED -> "shifted-" + fmt(p2);
            case DILUTED -> "diluted-" + fmt(p2);
        };
    }

    /** A label for tables, e.g. {@code weak generator, p2 = 0.01}. */
    public String label() {
        return switch (source) {
            case REAL -> "real text only";
            case GENERATED -> generator + " generator, p2 = " + fmt(p2);
            case SHIFTED -> "shifted real text, p2 = " + fmt(p2);
            case DILUTED -> "real only at (1 − " + fmt(p2) + ")·T";
        };
    }

    /** Training tokens of this arm at budget {@code budget}: (1 − p2)·T for DILUTED, T otherwise. */
    public long tokens(long budget) {
        return source == Source.DILUTED ? Math.round((1 - p2) * budget) : budget;
    }

    /** A share as written in study files: 0.01, 0.5, 1. */
    public static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
