package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * How the synthetic source enters the fit. {@code MIX}: its rows are added to the training set (with weight A per
 * row; the paper's setting). {@code PRIOR}: only the real rows are fitted, shrunk toward the synthetic teacher w2
 * instead of toward 0: ŵ = argmin (1/n1)‖y1 − X1w‖² + λ‖w − w2‖² (derived here, docs/two-sources.md); for random projections
 * v̂ = argmin (1/n1)‖y1 − Z1v‖² + λ‖v − v2‖² with Sv2 = Pw2, w2's best width-m representation
 * ({@link org.collapselab.theory.PriorRandomProjectionTheory}).
 */
public enum Estimator {
    MIX,
    PRIOR;

    /** The flag value, e.g. {@code mix}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a flag value; errors name the field {@code estimator}. */
    public static Estimator parse(String s) {
        for (Estimator e : values()) {
            if (e.key().equals(s)) {
                return e;
            }
        }
        throw new ParameterException("estimator", s, "one of mix, prior");
    }
}
