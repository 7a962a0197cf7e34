package org.collapselab.experiments.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Schedule;
import org.collapselab.validation.ParameterException;

/**
 * The parameters of one {@link ClassificationProblem} as the user gives them: the CLI flags of {@code theory},
 * {@code simulate} with {@code --task classification} and the web API's query parameters (the same names without
 * dashes). One place turns them into a validated problem, so every front end accepts and rejects the same input.
 *
 * @param d dimension (0 with a file: spectrum = the file's length)
 * @param n rows before verification
 * @param loss square or logistic
 */
public record ClassificationFlags(
        int d,
        long n,
        double p2,
        double mu2,
        double flipRate,
        String loss,
        double lambda,
        String spectrum,
        double syntheticWeight,
        double keepGood,
        double keepBad,
        int generations,
        String schedule,
        double freshReal) {

    /** The flag names (without dashes). */
    public static final List<String> NAMES = List.of(
            "task",
            "d",
            "n",
            "p2",
            "mu2",
            "flip-rate",
            "loss",
            "lambda",
            "spectrum",
            "synthetic-weight",
            "keep-good",
            "keep-bad",
            "generations",
            "schedule",
            "fresh-real");

    /** Defaults of the optional flags (the CLI's defaults are the same strings). */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("p2", "0"),
            Map.entry("mu2", "1"),
            Map.entry("flip-rate", "0"),
            Map.entry("loss", "square"),
            Map.entry("lambda", "0"),
            Map.entry("spectrum", "iso"),
            Map.entry("synthetic-weight", "1"),
            Map.entry("keep-good", "1"),
            Map.entry("keep-bad", "1"),
            Map.entry("generations", "0"),
            Map.entry("schedule", "replace"),
            Map.entry("fresh-real", "0"));

    /** The regression flags that have no meaning for classification (refused with {@code --task classification}). */
    public static final List<String> REGRESSION_ONLY = List.of(
            "model",
            "m",
            "c2",
            "sigma",
            "synthetic-spectrum",
            "synthetic-sigma",
            "estimator",
            "bad-share",
            "synthetic-teacher",
            "growth",
            "correction",
            "accept-band",
            "accept-model");

    /** The classification flags that have no meaning for regression. */
    public static final List<String> CLASSIFICATION_ONLY = List.of("mu2", "flip-rate", "loss");

    /** Builds and validates the problem; errors name the field. */
    public ClassificationProblem toProblem() {
        return new ClassificationProblem(
                SpectrumSpecs.parse(spectrum, d),
                n,
                p2,
                mu2,
                flipRate,
                Loss.parse(loss),
                lambda,
                syntheticWeight,
                keepGood,
                keepBad,
                new Generations(generations, Schedule.parse(schedule), freshReal));
    }

    /**
     * Parses text values keyed by flag name; missing optional flags take {@link #DEFAULTS}. Unknown names, missing
     * required values and malformed numbers are {@link ParameterException}s naming the flag.
     */
    public static ClassificationFlags parse(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!NAMES.contains(k)) {
                throw new ParameterException(
                        "parameter", k, "one of " + String.join(", ", NAMES) + " with task classification");
            }
        }
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        values.forEach((k, x) -> {
            if (x != null) {
                v.put(k, x.trim());
            }
        });
        return new ClassificationFlags(
                (int) integer(v, "d", 0, Integer.MAX_VALUE),
                integer(v, "n", 1, ClassificationProblem.MAX_SIZE),
                real(v, "p2"),
                real(v, "mu2"),
                real(v, "flip-rate"),
                v.get("loss"),
                real(v, "lambda"),
                v.get("spectrum"),
                real(v, "synthetic-weight"),
                real(v, "keep-good"),
                real(v, "keep-bad"),
                (int) integer(v, "generations", 0, Generations.MAX_COUNT),
                v.get("schedule"),
                real(v, "fresh-real"));
    }

    private static long integer(Map<String, String> v, String name, long lo, long hi) {
        String x = v.get(name);
        String allowed = "an integer in [" + lo + ", " + hi + "]";
        if (x == null || x.isEmpty()) {
            throw new ParameterException(name, "nothing", allowed + " (required)");
        }
        try {
            double asDouble = Double.parseDouble(x);
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
