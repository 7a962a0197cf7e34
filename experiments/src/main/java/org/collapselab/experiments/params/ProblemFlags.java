package org.collapselab.experiments.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.problem.AcceptBand;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Generations;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

/**
 * The parameters of one {@link Problem} as the user gives them (the CLI flags of {@code theory}/{@code simulate}
 * and the query parameters of {@code serve}'s API, which use the same names without the dashes). One place turns
 * them into a validated problem, so both front ends accept and reject exactly the same input.
 *
 * @param model ridge or rp
 * @param d dimension (0 with a file: spectrum = the file's length)
 * @param n training-set size
 * @param m width (null unless model rp)
 * @param syntheticSpectrum null = the real spectrum
 * @param c2 null = not given: 1, or 0 with a synthetic teacher (given together with a teacher it is refused)
 * @param syntheticSigma null = sigma
 * @param badShare π, share of bad rows in the synthetic pool
 * @param keepGood ϕ, probability that the verifier keeps a good row
 * @param keepBad ψ, probability that the verifier keeps a bad row
 * @param syntheticTeacher none, ridge:NS:LAMS or rp:NS:MS:LAMS
 * @param growth g: generation k of a loop draws round(n·g^k) rows
 * @param correction γ: a loop's synthetic labels come from w1 + (1 − γ)(ŵ_{k−1} − w1)
 * @param acceptBand null, or R:SIGMA_C: the verifier keeps a pool row iff |y − xᵀθ_c| ≤ R‖x‖ + SIGMA_C
 * @param acceptModel θ_c of the band: truth (null), ridge:NC:LAMC or rp:NC:MC:LAMC
 */
public record ProblemFlags(
        String model,
        int d,
        long n,
        Long m,
        double p2,
        Double c2,
        double sigma,
        double lambda,
        String spectrum,
        String syntheticSpectrum,
        Double syntheticSigma,
        double syntheticWeight,
        String estimator,
        int generations,
        String schedule,
        double freshReal,
        double badShare,
        double keepGood,
        double keepBad,
        String syntheticTeacher,
        double growth,
        double correction,
        String acceptBand,
        String acceptModel) {

    /** The flag names (without dashes), in the order the help lists them. */
    public static final List<String> NAMES = List.of(
            "model",
            "d",
            "n",
            "m",
            "p2",
            "c2",
            "sigma",
            "lambda",
            "spectrum",
            "synthetic-spectrum",
            "synthetic-sigma",
            "synthetic-weight",
            "estimator",
            "generations",
            "schedule",
            "fresh-real",
            "bad-share",
            "keep-good",
            "keep-bad",
            "synthetic-teacher",
            "growth",
            "correction",
            "accept-band",
            "accept-model");

    /** Defaults of the optional flags (the CLI's picocli defaults are the same strings). */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("model", "ridge"),
            Map.entry("p2", "0"),
            Map.entry("sigma", "0"),
            Map.entry("lambda", "0"),
            Map.entry("spectrum", "iso"),
            Map.entry("synthetic-weight", "1"),
            Map.entry("estimator", "mix"),
            Map.entry("generations", "0"),
            Map.entry("schedule", "replace"),
            Map.entry("bad-share", "1"),
            Map.entry("keep-good", "1"),
            Map.entry("keep-bad", "1"),
            Map.entry("synthetic-teacher", "none"),
            Map.entry("growth", "1"),
            Map.entry("correction", "0"));

    /** c² when {@code --c2} is not given and there is no trained teacher. */
    public static final double DEFAULT_C2 = 1;

    /** Builds and validates the problem; errors name the field. */
    public Problem toProblem() {
        ModelKind kind = ModelKind.parse(model);
        if (kind == ModelKind.RANDOM_PROJECTION && m == null) {
            throw new ParameterException(
                    "m", "nothing", "an integer in [1, " + Problem.MAX_SIZE + "] (required for model rp)");
        }
        Spectrum s = SpectrumSpecs.parse(spectrum, d);
        Spectrum s2 = parseSynthetic(syntheticSpectrum, s);
        if (generations == 0 && (growth != 1 || correction != 0)) {
            throw new ParameterException(
                    growth != 1 ? "growth" : "correction",
                    growth != 1 ? growth : correction,
                    (growth != 1 ? "1" : "0") + " without generations (it shapes a retraining loop)");
        }
        Generations loop = new Generations(generations, Schedule.parse(schedule), freshReal, growth, correction);
        SyntheticTeacher teacher = SyntheticTeacher.parse(syntheticTeacher == null ? "none" : syntheticTeacher);
        if (!teacher.isNone() && c2 != null) {
            throw new ParameterException(
                    "c2",
                    c2,
                    "absent with a synthetic teacher (the teacher's own error sets the " + "shift: contradictory)");
        }
        if (acceptBand == null && acceptModel != null) {
            throw new ParameterException("acceptModel", acceptModel, "given only with an accept band");
        }
        Verifier verifier = new Verifier(
                badShare, keepGood, keepBad, acceptBand == null ? null : AcceptBand.parse(acceptBand, acceptModel));
        return new Problem(
                kind,
                s,
                s2,
                n,
                m == null ? 0 : m,
                p2,
                c2 != null ? c2 : teacher.isNone() ? DEFAULT_C2 : 0,
                sigma,
                lambda,
                syntheticSigma == null ? sigma : syntheticSigma,
                syntheticWeight,
                Estimator.parse(estimator),
                loop,
                verifier,
                teacher);
    }

    /** A synthetic-spectrum value (null when absent) at Σ1's dimension; errors name {@code syntheticSpectrum}. */
    public static Spectrum parseSynthetic(String text, Spectrum real) {
        if (text == null) {
            return null;
        }
        try {
            return SpectrumSpecs.parse(text, real.dimension());
        } catch (ParameterException e) {
            throw new ParameterException("syntheticSpectrum", e.value(), e.allowed());
        }
    }

    /**
     * Parses text values keyed by flag name (e.g. {@code synthetic-weight}); missing optional flags take
     * {@link #DEFAULTS}. Unknown names, missing required values and malformed numbers are {@link ParameterException}s
     * naming the flag.
     */
    public static ProblemFlags parse(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!NAMES.contains(k)) {
                throw new ParameterException("parameter", k, "one of " + String.join(", ", NAMES));
            }
        }
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        values.forEach((k, x) -> {
            if (x != null) {
                v.put(k, x.trim());
            }
        });
        return new ProblemFlags(
                v.get("model"),
                (int) integer(v, "d", true, 0, Integer.MAX_VALUE),
                integer(v, "n", true, 1, Problem.MAX_SIZE),
                v.containsKey("m") ? integer(v, "m", true, 1, Problem.MAX_SIZE) : null,
                real(v, "p2"),
                v.containsKey("c2") ? real(v, "c2") : null,
                real(v, "sigma"),
                real(v, "lambda"),
                v.get("spectrum"),
                v.get("synthetic-spectrum"),
                v.containsKey("synthetic-sigma") ? real(v, "synthetic-sigma") : null,
                real(v, "synthetic-weight"),
                v.get("estimator"),
                (int) integer(v, "generations", true, 0, 1000),
                v.get("schedule"),
                v.containsKey("fresh-real") ? real(v, "fresh-real") : 0.0,
                real(v, "bad-share"),
                real(v, "keep-good"),
                real(v, "keep-bad"),
                v.get("synthetic-teacher"),
                real(v, "growth"),
                real(v, "correction"),
                v.get("accept-band"),
                v.get("accept-model"));
    }

    /** A {@link ParameterException} field name (camelCase, as in {@link Problem}) in flag form: {@code freshReal} → {@code fresh-real}. */
    public static String flagName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static long integer(Map<String, String> v, String name, boolean required, long lo, long hi) {
        String x = v.get(name);
        String allowed = "an integer in [" + lo + ", " + hi + "]";
        if (x == null || x.isEmpty()) {
            throw new ParameterException(name, "nothing", allowed + (required ? " (required)" : ""));
        }
        try {
            double asDouble = Double.parseDouble(x); // accepts 1e6
            if (asDouble != Math.rint(asDouble) || asDouble < lo || asDouble > hi) {
                throw new ParameterException(name, x, allowed);
            }
            return (long) asDouble;
        } catch (NumberFormatException e) {
            throw new ParameterException(name, x, allowed);
        }
    }

    private static double real(Map<String, String> v, String name) {
        String x = v.get(name);
        try {
            return Double.parseDouble(x);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ParameterException(name, x, "a number");
        }
    }
}
