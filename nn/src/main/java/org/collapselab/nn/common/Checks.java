package org.collapselab.nn.common;

import org.collapselab.validation.ParameterException;

/** Range checks that raise a {@link ParameterException} naming the field, value and allowed range. */
public final class Checks {
    private Checks() {}

    public static int intIn(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(field, value, "in [" + min + ", " + max + "]");
        }
        return value;
    }

    public static long longIn(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(field, value, "in [" + min + ", " + max + "]");
        }
        return value;
    }

    public static double doubleIn(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(field, value, "in [" + min + ", " + max + "]");
        }
        return value;
    }
}
