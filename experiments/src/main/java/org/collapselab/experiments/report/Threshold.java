package org.collapselab.experiments.report;

import java.util.Locale;

/**
 * A named threshold a claim's verdict is judged against. Families declare them as constants, so that the rule is in
 * one place and the report prints it beside the verdict.
 *
 * @param name constant name, e.g. {@code PLATEAU_TOLERANCE}
 * @param value its value
 * @param meaning what it bounds, in words
 */
public record Threshold(String name, double value, String meaning) {
    /** {@code NAME = VALUE (meaning)}. */
    public String describe() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
        return name + " = " + v + " (" + meaning + ")";
    }
}
