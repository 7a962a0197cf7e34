package org.collapselab.problem;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * One point of the setting: a model (ridge or random projections of width m) fitted on n rows of which a share p2
 * come from a synthetic source, with shift quality c² = ‖Δ‖²_Σ1, label noise σ and ridge penalty λ. The synthetic
 * source may differ from the real one in covariance (Σ2), noise (σ2) and weight (A per row in the loss), may be used
 * as a prior instead of as data ({@link Estimator}), and the fit may be repeated over generations
 * ({@link Generations}); the synthetic rows may pass a {@link Verifier} first, and their labels may come from a trained
 * {@link SyntheticTeacher} instead of a random shift. Theory and simulation both take this value; every field is validated here, with messages
 * naming the field. Sizes are {@code long} because theory is O(d) and answers for n, m up to {@link #MAX_SIZE};
 * what allocates memory (simulation) checks its own, smaller limits.
 *
 * @param model ridge or random projections
 * @param spectrum eigenvalues of the real covariance Σ1 (its length is d)
 * @param syntheticSpectrum eigenvalues of the synthetic covariance Σ2 (diagonal in Σ1's basis), or null for Σ2 = Σ1
 * @param n training-set size n = n1 + n2 (n2 = round(p2·n) synthetic rows)
 * @param m width for random projections (ignored, and 0, for ridge)
 * @param p2 synthetic share in [0, 1]
 * @param c2 synthetic quality c² = ‖Δ‖²_Σ1 ≥ 0 (0 = perfect synthetic data)
 * @param sigma real label-noise standard deviation σ1 ≥ 0
 * @param lambda ridge penalty ≥ 0 (0 = minimum-norm least squares)
 * @param syntheticSigma synthetic label-noise standard deviation σ2 ≥ 0 (σ1 unless given)
 * @param syntheticWeight weight A ≥ 0 of each synthetic row: ŵ = argmin (1/n)[Σ_real r² + A·Σ_syn r²] + λ‖w‖²
 * @param estimator how the synthetic source is used (mix = as rows; prior = shrink the real fit toward w2)
 * @param generations the retraining loop ({@link Generations#NONE} = a single fit)
 * @param verifier the verifier on the synthetic pool ({@link Verifier#NONE} = every pool row shifted and kept)
 * @param teacher where synthetic labels come from ({@link SyntheticTeacher#NONE} = the random shift of norm c²;
 *     otherwise c² must be 0: the teacher's own error sets the shift)
 */
public record Problem(
        ModelKind model,
        Spectrum spectrum,
        Spectrum syntheticSpectrum,
        long n,
        long m,
        double p2,
        double c2,
        double sigma,
        double lambda,
        double syntheticSigma,
        double syntheticWeight,
        Estimator estimator,
        Generations generations,
        Verifier verifier,
        SyntheticTeacher teacher)
        implements java.io.Serializable {

    /** Largest n or m accepted by theory (10¹⁵: the strong-collapse question is about n → ∞). */
    public static final long MAX_SIZE = 1_000_000_000_000_000L;
    /** Largest σ, σ2 and λ: σ² and λ-scaled sums stay far from double overflow (about 1.8e308). */
    public static final double MAX_SCALE = 1e100;
    /** Largest c²: the error it adds (≈ p2²c²) stays finite. */
    public static final double MAX_C2 = 1e200;
    /** Largest synthetic weight A: beyond it the real rows vanish below double precision (use p2 = 1 instead). */
    public static final double MAX_WEIGHT = 1e12;

    public Problem {
        if (model == null) {
            throw new ParameterException("model", null, "one of ridge, rp");
        }
        if (spectrum == null) {
            throw new ParameterException("spectrum", null, "iso, power:A or file:PATH");
        }
        if (syntheticSpectrum != null && syntheticSpectrum.dimension() != spectrum.dimension()) {
            throw new ParameterException(
                    "syntheticSpectrum",
                    "dimension " + syntheticSpectrum.dimension(),
                    "of the same dimension as spectrum (d = " + spectrum.dimension() + ")");
        }
        if (n < 1 || n > MAX_SIZE) {
            throw new ParameterException("n", n, "an integer in [1, " + MAX_SIZE + "]");
        }
        if (model == ModelKind.RANDOM_PROJECTION) {
            if (m < 1 || m > MAX_SIZE) {
                throw new ParameterException("m", m, "an integer in [1, " + MAX_SIZE + "] (required for model rp)");
            }
        } else {
            m = 0;
        }
        requireRange("p2", p2, 0, 1, "in [0, 1]");
        requireRange("c2", c2, 0, Double.MAX_VALUE, "finite and >= 0");
        requireRange("sigma", sigma, 0, Double.MAX_VALUE, "finite and >= 0");
        requireRange("lambda", lambda, 0, Double.MAX_VALUE, "finite and >= 0");
        requireRange("syntheticSigma", syntheticSigma, 0, Double.MAX_VALUE, "finite and >= 0");
        requireRange("syntheticWeight", syntheticWeight, 0, Double.MAX_VALUE, "finite and >= 0");
        requireAtMost("c2", c2, MAX_C2);
        requireAtMost("sigma", sigma, MAX_SCALE);
        requireAtMost("lambda", lambda, MAX_SCALE);
        requireAtMost("syntheticSigma", syntheticSigma, MAX_SCALE);
        requireAtMost("syntheticWeight", syntheticWeight, MAX_WEIGHT);
        if (estimator == null) {
            throw new ParameterException("estimator", null, "one of mix, prior");
        }
        if (generations == null) {
            generations = Generations.NONE;
        }
        if (syntheticSpectrum != null && syntheticSpectrum.equals(spectrum)) {
            syntheticSpectrum = null;
        }
        if (generations.looping() && generations.growth() != 1) {
            long last = generations.rows(n, generations.count());
            if (last < 1 || last > MAX_SIZE) {
                throw new ParameterException(
                        "growth",
                        generations.growth(),
                        "such that generation " + generations.count() + " draws between 1 and " + MAX_SIZE
                                + " rows (round(n*g^K) = " + last + ")");
            }
        }
        verifier = verifier == null ? Verifier.NONE : verifier;
        teacher = teacher == null ? SyntheticTeacher.NONE : teacher;
        if (!teacher.isNone() && c2 != 0) {
            throw new ParameterException(
                    "c2", c2, "0 with a synthetic teacher (the teacher's own error sets the shift)");
        }
        if (!verifier.isNone() && estimator != Estimator.MIX) {
            throw new ParameterException(
                    "estimator", estimator.key(), "mix with a verifier (a prior has no synthetic rows)");
        }
    }

    /** A problem without verifier and with the random shift (the constructor of the earlier releases). */
    public Problem(
            ModelKind model,
            Spectrum spectrum,
            Spectrum syntheticSpectrum,
            long n,
            long m,
            double p2,
            double c2,
            double sigma,
            double lambda,
            double syntheticSigma,
            double syntheticWeight,
            Estimator estimator,
            Generations generations) {
        this(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                lambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                generations,
                Verifier.NONE,
                SyntheticTeacher.NONE);
    }

    /** Today's setting: one synthetic source differing from the real one only in its labels, weight 1, one fit. */
    public Problem(
            ModelKind model,
            Spectrum spectrum,
            Spectrum syntheticSpectrum,
            long n,
            long m,
            double p2,
            double c2,
            double sigma,
            double lambda) {
        this(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                lambda,
                sigma,
                1.0,
                Estimator.MIX,
                Generations.NONE);
    }

    /** Refuses a value whose squares or sums would overflow the theory's and simulation's double arithmetic. */
    public static void requireAtMost(String field, double v, double max) {
        if (v > max) {
            throw new ParameterException(
                    field,
                    v,
                    String.format(
                            java.util.Locale.ROOT,
                            "at most %.0e (larger values " + "overflow double-precision arithmetic)",
                            max));
        }
    }

    private static void requireRange(String field, double v, double lo, double hi, String allowed) {
        if (!(v >= lo && v <= hi)) { // also rejects NaN
            throw new ParameterException(field, v, allowed);
        }
    }

    /** Ridge problem with Σ2 = Σ. */
    public static Problem ridge(Spectrum spectrum, long n, double p2, double c2, double sigma, double lambda) {
        return new Problem(ModelKind.RIDGE, spectrum, null, n, 0, p2, c2, sigma, lambda);
    }

    /** Random-projection problem of width m with Σ2 = Σ. */
    public static Problem randomProjection(
            Spectrum spectrum, long n, long m, double p2, double c2, double sigma, double lambda) {
        return new Problem(ModelKind.RANDOM_PROJECTION, spectrum, null, n, m, p2, c2, sigma, lambda);
    }

    /** Dimension d. */
    public int d() {
        return spectrum.dimension();
    }

    /** Number of synthetic rows n2 = round(p2·n). */
    public long syntheticCount() {
        return Math.round(p2 * n);
    }

    /** Number of real rows n1 = n − n2. */
    public long realCount() {
        return n - syntheticCount();
    }

    /** The synthetic covariance's spectrum (Σ itself unless a different Σ2 was given). */
    public Spectrum effectiveSyntheticSpectrum() {
        return syntheticSpectrum == null ? spectrum : syntheticSpectrum;
    }

    /**
     * True for today's single-source setting (Σ2 = Σ1, σ2 = σ1, A = 1, mixing, no generations), whose formulas are
     * the paper's.
     */
    public boolean isBaseline() {
        return syntheticSpectrum == null
                && syntheticSigma == sigma
                && syntheticWeight == 1.0
                && estimator == Estimator.MIX
                && !generations.looping()
                && verifier.isNone()
                && teacher.isNone();
    }

    /** A copy with another ridge penalty. */
    public Problem withLambda(double newLambda) {
        return new Problem(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                newLambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                generations,
                verifier,
                teacher);
    }

    /** A copy with two-source settings: Σ2 (null = Σ1), σ2, weight A and estimator. */
    public Problem withSources(
            Spectrum newSyntheticSpectrum,
            double newSyntheticSigma,
            double newSyntheticWeight,
            Estimator newEstimator) {
        return new Problem(
                model,
                spectrum,
                newSyntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                lambda,
                newSyntheticSigma,
                newSyntheticWeight,
                newEstimator,
                generations,
                verifier,
                teacher);
    }

    /** A copy with a retraining loop. */
    public Problem withGenerations(Generations newGenerations) {
        return new Problem(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                lambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                newGenerations,
                verifier,
                teacher);
    }

    /** A copy with another training-set size n (the synthetic share p2 kept). */
    public Problem withRows(long newN) {
        return new Problem(
                model,
                spectrum,
                syntheticSpectrum,
                newN,
                m,
                p2,
                c2,
                sigma,
                lambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                generations,
                verifier,
                teacher);
    }

    /** A copy with a verifier on the synthetic pool. */
    public Problem withVerifier(Verifier newVerifier) {
        return new Problem(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                c2,
                sigma,
                lambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                generations,
                newVerifier,
                teacher);
    }

    /** A copy whose synthetic labels come from a trained teacher (c² set to 0, which the teacher replaces). */
    public Problem withTeacher(SyntheticTeacher newTeacher) {
        return new Problem(
                model,
                spectrum,
                syntheticSpectrum,
                n,
                m,
                p2,
                newTeacher == null || newTeacher.isNone() ? c2 : 0,
                sigma,
                lambda,
                syntheticSigma,
                syntheticWeight,
                estimator,
                generations,
                verifier,
                newTeacher);
    }

    /** True when neither a verifier nor a trained teacher is set (the synthetic pool of the earlier releases). */
    public boolean plainPool() {
        return verifier.isNone() && teacher.isNone();
    }
}
