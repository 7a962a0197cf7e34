package org.collapselab.data;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;
import org.collapselab.validation.ParameterException;

/**
 * The law of the whitened features u in x = Σ^{1/2}u: iid coordinates of mean 0 and variance 1, so Cov x = Σ for every
 * law. Gaussian is the theory's setting; the others test universality (the deterministic equivalents are derived for
 * Gaussian rows and are expected to carry over to iid coordinates with enough moments):
 * Rademacher ±1, uniform on [−√3, √3], and Student t with ν &gt; 2 degrees of freedom scaled by √((ν−2)/ν)
 * (finite fourth moment only for ν &gt; 4).
 *
 * @param kind the family
 * @param nu degrees of freedom for {@link Kind#STUDENT} (NaN otherwise)
 */
public record FeatureLaw(Kind kind, double nu) implements java.io.Serializable {
    /** The families. */
    public enum Kind {
        GAUSSIAN,
        RADEMACHER,
        UNIFORM,
        STUDENT
    }

    /** Standard Gaussian coordinates (the default). */
    public static final FeatureLaw GAUSSIAN = new FeatureLaw(Kind.GAUSSIAN, Double.NaN);

    private static final String ALLOWED = "one of gaussian, rademacher, uniform, student:NU with NU > 2";
    private static final double SQRT3 = Math.sqrt(3);

    public FeatureLaw {
        if (kind == null) {
            throw new ParameterException("features", null, ALLOWED);
        }
        if (kind == Kind.STUDENT && !(nu > 2 && Double.isFinite(nu))) {
            throw new ParameterException("features", "student:" + nu, ALLOWED + " (finite variance)");
        }
        if (kind != Kind.STUDENT) {
            nu = Double.NaN;
        }
    }

    /** Parses {@code gaussian}, {@code rademacher}, {@code uniform} or {@code student:NU}. */
    public static FeatureLaw parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "gaussian":
                return GAUSSIAN;
            case "rademacher":
                return new FeatureLaw(Kind.RADEMACHER, Double.NaN);
            case "uniform":
                return new FeatureLaw(Kind.UNIFORM, Double.NaN);
            default:
                if (t.startsWith("student:")) {
                    double nu;
                    try {
                        nu = Double.parseDouble(t.substring("student:".length()));
                    } catch (NumberFormatException e) {
                        throw new ParameterException("features", text, ALLOWED);
                    }
                    return new FeatureLaw(Kind.STUDENT, nu);
                }
                throw new ParameterException("features", text, ALLOWED);
        }
    }

    /** True for Gaussian coordinates (what exact sufficient-statistic sampling needs). */
    public boolean isGaussian() {
        return kind == Kind.GAUSSIAN;
    }

    /** The text form accepted by {@link #parse}. */
    public String key() {
        return kind == Kind.STUDENT
                ? "student:" + (nu == Math.rint(nu) ? String.valueOf((long) nu) : String.valueOf(nu))
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A source of unit-variance coordinates of this law drawing from {@code rng}. */
    public Coordinates coordinates(RandomGenerator rng) {
        return switch (kind) {
            case GAUSSIAN -> rng::nextGaussian;
            case RADEMACHER -> () -> rng.nextBoolean() ? 1.0 : -1.0;
            case UNIFORM -> () -> SQRT3 * (2 * rng.nextDouble() - 1);
            case STUDENT -> {
                UniformRandomProvider urp = rng::nextLong;
                TSampler t = TSampler.of(urp, nu);
                double scale = Math.sqrt((nu - 2) / nu);
                yield () -> scale * t.sample();
            }
        };
    }

    /** A stream of iid unit-variance coordinates. */
    @FunctionalInterface
    public interface Coordinates {
        /** The next coordinate. */
        double next();
    }
}
