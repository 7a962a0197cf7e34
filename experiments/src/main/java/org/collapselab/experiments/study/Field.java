package org.collapselab.experiments.study;

import java.util.Locale;

/**
 * One field of a study file, declared once in its family's {@link Schema}: the reader validates against it,
 * {@code collapselab run --describe KIND} prints it and {@code docs/studies.md} is generated from it.
 *
 * @param key the YAML key
 * @param type what the value is
 * @param min smallest allowed value (numbers, counts and list items; NaN when not numeric)
 * @param max largest allowed value
 * @param dflt the default as written in a file ("" when the field is required, "-" when it has none)
 * @param description one line
 */
public record Field(String key, Type type, double min, double max, String dflt, String description) {
  /** What a field's value is. */
  public enum Type {
    TEXT, INTEGER, NUMBER, INTEGER_LIST, NUMBER_LIST, CHOICE, MAPPING, LIST;

    String word() {
      return switch (this) {
        case TEXT -> "text";
        case INTEGER -> "integer";
        case NUMBER -> "number";
        case INTEGER_LIST -> "list of integers";
        case NUMBER_LIST -> "list of numbers";
        case CHOICE -> "one of";
        case MAPPING -> "mapping";
        case LIST -> "list";
      };
    }
  }

  /** A text field. */
  public static Field text(String key, String dflt, String description) {
    return new Field(key, Type.TEXT, Double.NaN, Double.NaN, dflt, description);
  }

  /** An integer in [min, max]. */
  public static Field integer(String key, long min, long max, String dflt, String description) {
    return new Field(key, Type.INTEGER, min, max, dflt, description);
  }

  /** A number in [min, max]. */
  public static Field number(String key, double min, double max, String dflt, String description) {
    return new Field(key, Type.NUMBER, min, max, dflt, description);
  }

  /** A list of distinct integers in [min, max]. */
  public static Field integers(String key, long min, long max, String dflt, String description) {
    return new Field(key, Type.INTEGER_LIST, min, max, dflt, description);
  }

  /** A list of distinct numbers in [min, max]. */
  public static Field numbers(String key, double min, double max, String dflt, String description) {
    return new Field(key, Type.NUMBER_LIST, min, max, dflt, description);
  }

  /** One of the words in {@code choices} (written in the description's range column). */
  public static Field choice(String key, String choices, String dflt, String description) {
    return new Field(key, Type.CHOICE, Double.NaN, Double.NaN, dflt, choices + ": " + description);
  }

  /** A nested mapping or list whose own keys the description names. */
  public static Field nested(String key, Type type, String dflt, String description) {
    return new Field(key, type, Double.NaN, Double.NaN, dflt, description);
  }

  /** The allowed values in words, e.g. {@code integer in [1, 100000]}. */
  public String allowed() {
    if (Double.isNaN(min)) {
      return type.word();
    }
    return type.word() + " in [" + num(min) + ", " + num(max) + "]";
  }

  static String num(double v) {
    if (Math.abs(v) >= 9.2e18) {
      return v > 0 ? "∞" : "−∞";
    }
    if (Math.abs(v) >= 1e15) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
