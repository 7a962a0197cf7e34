package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/** The two model families of the paper: ridge on the raw features, ridge on m random projections. */
public enum ModelKind {
    /** Ridge regression on x (the paper's Section 3). */
    RIDGE("ridge"),
    /** Ridge on z = Sᵀx with S ∈ R^{d×m}, iid N(0, 1/d) (the paper's model of a width-m network). */
    RANDOM_PROJECTION("rp");

    private final String key;

    ModelKind(String key) {
        this.key = key;
    }

    /** Short name used on the command line and in files: {@code ridge} or {@code rp}. */
    public String key() {
        return key;
    }

    /** Parses {@code ridge} or {@code rp} (case-insensitive). */
    public static ModelKind parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (ModelKind k : values()) {
                if (k.key.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)) {
                    return k;
                }
            }
        }
        throw new ParameterException("model", text, "one of ridge, rp");
    }
}
