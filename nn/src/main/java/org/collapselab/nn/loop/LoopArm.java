package org.collapselab.nn.loop;

import java.io.Serializable;
import java.util.Locale;
import org.collapselab.problem.Schedule;

/**
 * One arm of a neural retraining loop: which rows generation k ≥ 1 trains on ({@link Schedule}, the same definition
 * as the Gaussian loop), the share r of every new generation's rows that is fresh real data (generation k draws n
 * new rows, round(r·n) of them real, the rest produced by a teacher), and a variant that makes it a control.
 *
 * @param schedule replace, accumulate or accumulate-subsample
 * @param freshReal r in [0, 1]; r = 1 is the all-real control (true labels, real text)
 * @param variant the arm itself, or a control
 */
public record LoopArm(Schedule schedule, double freshReal, Variant variant) implements Serializable {
    /** What an arm changes in the loop. */
    public enum Variant {
        /** The loop as defined: the synthetic rows come from generation k − 1. */
        STANDARD("standard"),
        /** Control: every generation trains on its real rows alone (the synthetic rows are left out). */
        REAL_ONLY("real_only"),
        /** Control: the synthetic rows of every generation come from generation 0 (no recursion). */
        FIRST_TEACHER("first_teacher"),
        /** Training budget proportional to the rows trained on (Gerstgrasser et al. 2024's accumulate). */
        GROWING_BUDGET("growing_budget");

        private final String key;

        Variant(String key) {
            this.key = key;
        }

        /** The study-file spelling. */
        public String key() {
            return key;
        }
    }

    public LoopArm {
        if (schedule == null || variant == null || !(freshReal >= 0 && freshReal <= 1)) {
            throw new IllegalArgumentException("a loop arm needs a schedule, a variant and fresh_real in [0, 1], got "
                    + schedule + ", " + variant + ", " + freshReal);
        }
        if (variant == Variant.REAL_ONLY && freshReal == 0) {
            throw new IllegalArgumentException("a real_only control needs fresh_real > 0");
        }
    }

    /** The standard arm. */
    public LoopArm(Schedule schedule, double freshReal) {
        this(schedule, freshReal, Variant.STANDARD);
    }

    /** Real rows among the n new rows of a generation k ≥ 1: round(r·n). */
    public int realRows(int n) {
        return (int) Math.round(freshReal * n);
    }

    /** A file-name-safe key, e.g. {@code replace}, {@code replace-r0.5}, {@code replace-r0.5-real_only}. */
    public String key() {
        return schedule.key()
                + (freshReal > 0 ? "-r" + fmt(freshReal) : "")
                + (variant == Variant.STANDARD ? "" : "-" + variant.key());
    }

    /** A label for figures and tables, e.g. {@code replace, r = 0.5, real rows only}. */
    public String label() {
        return schedule.key()
                + (freshReal > 0 ? ", r = " + fmt(freshReal) : "")
                + switch (variant) {
                    case STANDARD -> "";
                    case REAL_ONLY -> ", real rows only";
                    case FIRST_TEACHER -> ", teacher = generation 0";
                    case GROWING_BUDGET -> ", budget ∝ rows";
                };
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
