package org.collapselab.experiments.gaussian;

import java.util.Locale;

/** What an experiment computes for each cell. */
public enum Compute {
    THEORY,
    SIMULATION,
    BOTH;

    public boolean theory() {
        return this != SIMULATION;
    }

    public boolean simulation() {
        return this != THEORY;
    }

    /** Parses {@code theory}, {@code simulation} or {@code both}; null when none matches. */
    public static Compute parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "theory" -> THEORY;
            case "simulation", "sim" -> SIMULATION;
            case "both" -> BOTH;
            default -> null;
        };
    }
}
