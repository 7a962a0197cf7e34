package org.collapselab.experiments.gaussian;

import java.util.List;
import java.util.Locale;
import org.collapselab.data.FeatureLaw;
import org.collapselab.experiments.study.Field;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * The parameters an experiment file may fix or sweep. Each is declared once as a {@link Field} (key, range, default,
 * meaning): the reader checks values against it ({@link #accepts}), its messages say {@link #allowed()}, and the
 * Gaussian family's table ({@link GaussianFamily#SCHEMA}) lists it. Names are those of {@link Problem} plus {@code d}
 * and {@code seed} (a sweep over base seeds gives independent replicate cells).
 */
public enum Param {
    MODEL(Type.TEXT, Field.choice("model", "ridge, rp", "ridge", "ridge regression, or random projections of width m")),
    SPECTRUM(
            Type.TEXT,
            Field.text(
                    "spectrum",
                    "iso, power:A (A >= 0) or file:PATH",
                    "iso",
                    "eigenvalues of the covariance: all 1, ∝ i^−A, or one per line of a file")),
    D(
            Type.INT,
            Field.integer(
                    "d",
                    1,
                    Spectrum.MAX_DIMENSION,
                    "",
                    "dimension (required unless every spectrum is " + "file:PATH)")),
    // A Gaussian cell holds n and m as int (its keys are unchanged that way): larger values are refused here; theory
    // for
    // n, m up to Problem.MAX_SIZE is the theory command.
    N(Type.INT, Field.integer("n", 1, Integer.MAX_VALUE, "", "rows").withNote("(larger n: collapselab theory)")),
    M(
            Type.INT,
            Field.integer("m", 1, Integer.MAX_VALUE, "-", "width of the random projections (required for model rp)")
                    .withNote("(larger m: collapselab theory)")),
    P2(Type.REAL, Field.number("p2", 0, 1, "", "synthetic share of the rows")),
    C2(
            Type.REAL,
            Field.number("c2", 0, Double.POSITIVE_INFINITY, "", "quality: ‖Δ‖²_Σ of the synthetic teacher's shift")),
    SIGMA(Type.REAL, Field.number("sigma", 0, Double.POSITIVE_INFINITY, "1", "label noise")),
    LAMBDA(Type.REAL, Field.number("lambda", 0, Double.POSITIVE_INFINITY, "0", "ridge penalty")),
    SEED(
            Type.INT,
            Field.integer(
                    "seed",
                    Long.MIN_VALUE,
                    Long.MAX_VALUE,
                    "0",
                    "base seed; each cell's seed derives from "
                            + "it and the cell's parameters (a swept seed gives replicate cells)")),
    /** The law of the whitened feature coordinates (universality; non-Gaussian laws use the direct sampler). */
    FEATURES(
            Type.TEXT,
            Field.text(
                    "features",
                    "gaussian, rademacher, uniform or student:NU with NU > 2",
                    "gaussian",
                    "law of the whitened feature coordinates"));

    /** Value kinds. */
    public enum Type {
        TEXT,
        INT,
        REAL
    }

    private final Type type;
    private final Field field;

    Param(Type type, Field field) {
        this.type = type;
        this.field = field;
    }

    /** Name in files and on the command line. */
    public String key() {
        return field.key();
    }

    public Type type() {
        return type;
    }

    /** The declaration: range, default and meaning. */
    public Field field() {
        return field;
    }

    /** The allowed values in words, as messages say them. */
    public String allowed() {
        return field.phrase();
    }

    /** True for parameters whose ranges may be generated (linspace, logspace). */
    public boolean numeric() {
        return type != Type.TEXT;
    }

    /** The parameter with this key, or null. */
    public static Param of(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        if (k.equals("c²")) {
            k = "c2";
        }
        for (Param p : values()) {
            if (p.key().equals(k)) {
                return p;
            }
        }
        return null;
    }

    /** Comma-separated list of all keys (for error messages). */
    public static String allKeys() {
        StringBuilder b = new StringBuilder();
        for (Param p : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.key());
        }
        return b.toString();
    }

    /** True when {@code v} (already converted to Long, Double or String) lies in the declared range. */
    public boolean accepts(Object v) {
        return switch (type) {
            case INT -> v instanceof Long l && l >= field.min() && l <= field.max();
            case REAL ->
                v instanceof Double x
                        && Double.isFinite(x)
                        && x <= field.max()
                        && (field.minOpen() ? x > field.min() : x >= field.min());
            case TEXT ->
                v instanceof String s
                        && switch (this) {
                            case MODEL -> List.of(field.syntax().split(", ")).contains(s);
                            case FEATURES -> law(s) != null;
                            default -> !s.isBlank();
                        };
        };
    }

    /** Every parameter's declaration, in order (the Gaussian table's group). */
    public static List<Field> fields() {
        return java.util.Arrays.stream(values()).map(Param::field).toList();
    }

    /** The feature law named by {@code text}, or null when it names none. */
    public static FeatureLaw law(String text) {
        try {
            return FeatureLaw.parse(text);
        } catch (ParameterException e) {
            return null;
        }
    }
}
