package org.collapselab.problem;

import java.util.Locale;
import org.collapselab.validation.ParameterException;

/**
 * Where the synthetic labels come from. {@link #NONE}: the random shift of the paper, w2 = w1 + Δ with
 * ‖Δ‖²_Σ1 = c². Otherwise a <i>trained</i> teacher: ridge on {@code rows} fresh real rows (x ~ N(0, Σ1), noise σ)
 * with penalty {@code lambda} (kind {@code ridge}), or ridge on {@code width} random projections of them (kind
 * {@code rp}); the synthetic rows are labelled by it plus fresh noise, so Δ = ŵ_teacher − w1 has a shrinkage bias
 * aligned with w1 and a fluctuation part (Ildiz, Gozeten, Taga, Mondelli, Oymak, <i>High-dimensional Analysis of
 * Knowledge Distillation</i>, ICLR 2025). One fresh teacher per simulation run. Flag forms {@code ridge:NS:LAMS} and
 * {@code rp:NS:MS:LAMS}.
 *
 * @param kind none, ridge or rp
 * @param rows NS, the teacher's training rows (0 for none)
 * @param width MS, the rp teacher's width (0 otherwise)
 * @param lambda LAMS, the teacher's ridge penalty (0 for none)
 */
public record SyntheticTeacher(Kind kind, long rows, long width, double lambda) implements java.io.Serializable {
    /** The random shift of the paper (no trained teacher). */
    public static final SyntheticTeacher NONE = new SyntheticTeacher(Kind.NONE, 0, 0, 0);

    /** The teacher's model. */
    public enum Kind {
        NONE,
        RIDGE,
        RP
    }

    private static final String FORM = "ridge:NS:LAMS or rp:NS:MS:LAMS (NS, MS integers >= 1, LAMS >= 0)";

    public SyntheticTeacher {
        if (kind == null) {
            throw new ParameterException("syntheticTeacher", null, FORM);
        }
        if (kind == Kind.NONE) {
            rows = 0;
            width = 0;
            lambda = 0;
        } else {
            if (rows < 1 || rows > Problem.MAX_SIZE) {
                throw new ParameterException(
                        "syntheticTeacher",
                        "NS = " + rows,
                        "NS an integer in [1, " + Problem.MAX_SIZE + "] in " + FORM);
            }
            if (kind == Kind.RP && (width < 1 || width > Problem.MAX_SIZE)) {
                throw new ParameterException(
                        "syntheticTeacher",
                        "MS = " + width,
                        "MS an integer in [1, " + Problem.MAX_SIZE + "] in " + FORM);
            }
            if (kind == Kind.RIDGE) {
                width = 0;
            }
            if (!(lambda >= 0 && lambda <= Double.MAX_VALUE)) {
                throw new ParameterException("syntheticTeacher", "LAMS = " + lambda, "LAMS finite and >= 0 in " + FORM);
            }
        }
    }

    /** A ridge teacher on NS rows with penalty LAMS. */
    public static SyntheticTeacher ridge(long rows, double lambda) {
        return new SyntheticTeacher(Kind.RIDGE, rows, 0, lambda);
    }

    /** A width-MS random-projection teacher on NS rows with penalty LAMS. */
    public static SyntheticTeacher randomProjection(long rows, long width, double lambda) {
        return new SyntheticTeacher(Kind.RP, rows, width, lambda);
    }

    /** True for the paper's random shift. */
    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** The flag form, e.g. {@code ridge:150:1.0}; {@code none} for {@link #NONE}. */
    public String key() {
        return switch (kind) {
            case NONE -> "none";
            case RIDGE -> "ridge:" + rows + ":" + lambda;
            case RP -> "rp:" + rows + ":" + width + ":" + lambda;
        };
    }

    /** Parses {@code none}, {@code ridge:NS:LAMS} or {@code rp:NS:MS:LAMS}; errors name {@code syntheticTeacher}. */
    public static SyntheticTeacher parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        String[] parts = t.split(":", -1);
        try {
            if (parts.length == 3 && parts[0].equals("ridge")) {
                return ridge(integer(parts[1]), real(parts[2]));
            }
            if (parts.length == 4 && parts[0].equals("rp")) {
                return randomProjection(integer(parts[1]), integer(parts[2]), real(parts[3]));
            }
        } catch (NumberFormatException e) {
            throw new ParameterException("syntheticTeacher", text, FORM);
        }
        throw new ParameterException("syntheticTeacher", text, FORM);
    }

    private static long integer(String s) {
        double v = Double.parseDouble(s); // accepts 1e3
        if (v != Math.rint(v) || v < 1 || v > Problem.MAX_SIZE) {
            throw new NumberFormatException(s);
        }
        return (long) v;
    }

    private static double real(String s) {
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(s);
        }
        return v;
    }
}
