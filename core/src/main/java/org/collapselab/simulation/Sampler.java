package org.collapselab.simulation;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * How a simulation run draws its data. {@code DIRECT}: the n×d rows and labels, then the fit. {@code EXACT}: only
 * the sufficient statistics XᵀX and Xᵀy of each Gaussian source, from their exact laws (Wishart by Bartlett and a
 * conditional Gaussian; see {@link ExactSampling}) — the same distribution of fits, at a cost independent of n.
 * {@code AUTO} picks the cheaper of the two for the cell ({@link SamplerCost}).
 */
public enum Sampler {
    AUTO,
    EXACT,
    DIRECT;

    /** The flag value, e.g. {@code exact}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto}, {@code exact} or {@code direct}; errors name the field {@code sampler}. */
    public static Sampler parse(String text) {
        for (Sampler s : values()) {
            if (s.key().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new ParameterException("sampler", text, "one of auto, exact, direct");
    }
}
