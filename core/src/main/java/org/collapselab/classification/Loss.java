package org.collapselab.classification;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * The training loss of a linear classifier on labels y ∈ {−1, +1}: {@code SQUARE} (y − xᵀw)² (least squares on the
 * ±1 labels, closed form) or {@code LOGISTIC} log(1 + e^{−y xᵀw}) (needs λ &gt; 0 so that the minimiser exists on
 * separable data).
 */
public enum Loss {
    SQUARE,
    LOGISTIC;

    /** The flag value, e.g. {@code logistic}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a flag value; errors name the field {@code loss}. */
    public static Loss parse(String s) {
        for (Loss l : values()) {
            if (l.key().equals(s)) {
                return l;
            }
        }
        throw new ParameterException("loss", s, "one of square, logistic");
    }
}
