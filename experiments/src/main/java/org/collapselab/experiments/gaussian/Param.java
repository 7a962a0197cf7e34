package org.collapselab.experiments.gaussian;

import java.util.Locale;
import org.collapselab.data.FeatureLaw;
import org.collapselab.problem.Problem;
import org.collapselab.validation.ParameterException;
import org.collapselab.spectrum.Spectrum;

/**
 * The parameters an experiment file may fix or sweep, with their type and allowed values. Names are those of
 * {@link Problem} plus {@code d} and {@code seed} (a sweep over base seeds gives independent replicate cells).
 */
public enum Param {
  MODEL("model", Type.TEXT, "ridge or rp"),
  SPECTRUM("spectrum", Type.TEXT, "iso, power:A (A >= 0) or file:PATH"),
  D("d", Type.INT, "an integer in [1, " + Spectrum.MAX_DIMENSION + "]"),
  // A Gaussian cell holds n and m as int (its keys are unchanged that way): larger values were silently wrapped, so
  // they are refused here; theory for n, m up to Problem.MAX_SIZE is the theory command.
  N("n", Type.INT, "an integer in [1, " + Integer.MAX_VALUE + "] (larger n: collapselab theory)"),
  M("m", Type.INT, "an integer in [1, " + Integer.MAX_VALUE + "] (larger m: collapselab theory)"),
  P2("p2", Type.REAL, "a number in [0, 1]"),
  C2("c2", Type.REAL, "a finite number >= 0"),
  SIGMA("sigma", Type.REAL, "a finite number >= 0"),
  LAMBDA("lambda", Type.REAL, "a finite number >= 0"),
  SEED("seed", Type.INT, "an integer"),
  /** The law of the whitened feature coordinates (universality; non-Gaussian laws use the direct sampler). */
  FEATURES("features", Type.TEXT, "gaussian, rademacher, uniform or student:NU with NU > 2");

  /** Value kinds. */
  public enum Type { TEXT, INT, REAL }

  private final String key;
  private final Type type;
  private final String allowed;

  Param(String key, Type type, String allowed) {
    this.key = key;
    this.type = type;
    this.allowed = allowed;
  }

  /** Name in files and on the command line. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** Human description of the allowed values. */
  public String allowed() {
    return allowed;
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
      if (p.key.equals(k)) {
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
      b.append(p.key);
    }
    return b.toString();
  }

  /**
   * Checks one value (already converted to Long/Double/String); returns null when fine or the reason otherwise.
   */
  public boolean accepts(Object v) {
    return switch (this) {
      case MODEL -> v instanceof String s && (s.equals("ridge") || s.equals("rp"));
      case SPECTRUM -> v instanceof String s && !s.isBlank();
      case D -> v instanceof Long l && l >= 1 && l <= Spectrum.MAX_DIMENSION;
      case N, M -> v instanceof Long l && l >= 1 && l <= Integer.MAX_VALUE;
      case P2 -> v instanceof Double x && x >= 0 && x <= 1;
      case C2, SIGMA, LAMBDA -> v instanceof Double x && Double.isFinite(x) && x >= 0;
      case SEED -> v instanceof Long;
      case FEATURES -> v instanceof String s && law(s) != null;
    };
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
