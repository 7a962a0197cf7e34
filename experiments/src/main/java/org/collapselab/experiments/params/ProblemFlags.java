package org.collapselab.experiments.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Generations;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
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
 * @param syntheticSigma null = sigma
 */
public record ProblemFlags(String model, int d, long n, Long m, double p2, double c2, double sigma, double lambda,
                           String spectrum, String syntheticSpectrum, Double syntheticSigma, double syntheticWeight,
                           String estimator, int generations, String schedule, double freshReal) {

  /** The flag names (without dashes), in the order the help lists them. */
  public static final List<String> NAMES = List.of("model", "d", "n", "m", "p2", "c2", "sigma", "lambda", "spectrum",
      "synthetic-spectrum", "synthetic-sigma", "synthetic-weight", "estimator", "generations", "schedule",
      "fresh-real");

  /** Defaults of the optional flags (the CLI's picocli defaults are the same strings). */
  public static final Map<String, String> DEFAULTS = Map.of("model", "ridge", "p2", "0", "c2", "1", "sigma", "0",
      "lambda", "0", "spectrum", "iso", "synthetic-weight", "1", "estimator", "mix", "generations", "0",
      "schedule", "replace");

  /** Builds and validates the problem; errors name the field. */
  public Problem toProblem() {
    ModelKind kind = ModelKind.parse(model);
    if (kind == ModelKind.RANDOM_PROJECTION && m == null) {
      throw new ParameterException("m", "nothing", "an integer in [1, " + Problem.MAX_SIZE + "] (required for model rp)");
    }
    Spectrum s = SpectrumSpecs.parse(spectrum, d);
    Spectrum s2 = parseSynthetic(syntheticSpectrum, s);
    Generations loop = new Generations(generations, Schedule.parse(schedule), freshReal);
    return new Problem(kind, s, s2, n, m == null ? 0 : m, p2, c2, sigma, lambda,
        syntheticSigma == null ? sigma : syntheticSigma, syntheticWeight, Estimator.parse(estimator), loop);
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
    return new ProblemFlags(v.get("model"), (int) integer(v, "d", true, 0, Integer.MAX_VALUE),
        integer(v, "n", true, 1, Problem.MAX_SIZE),
        v.containsKey("m") ? integer(v, "m", true, 1, Problem.MAX_SIZE) : null,
        real(v, "p2"), real(v, "c2"), real(v, "sigma"), real(v, "lambda"), v.get("spectrum"),
        v.get("synthetic-spectrum"), v.containsKey("synthetic-sigma") ? real(v, "synthetic-sigma") : null,
        real(v, "synthetic-weight"), v.get("estimator"), (int) integer(v, "generations", true, 0, 1000),
        v.get("schedule"), v.containsKey("fresh-real") ? real(v, "fresh-real") : 0.0);
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
