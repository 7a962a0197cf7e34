package org.collapselab.experiments.study;

import java.util.Locale;

/**
 * One field of a study file, declared once in its family's {@link Schema}: the reader validates against it (its range
 * and default), {@code collapselab run --describe KIND} prints it and {@code docs/studies.md} is generated from it.
 *
 * @param key the YAML key
 * @param type what the value is
 * @param min smallest allowed value (numbers, counts and list items; NaN when not numeric)
 * @param max largest allowed value (+∞ for no bound)
 * @param minOpen true when {@code min} itself is not allowed (a number in (min, max])
 * @param dflt the default as written in a file ("" when the field is required, "-" when it has none)
 * @param syntax the allowed values in words when a range cannot say it: the words of a choice ("theory, simulation,
 *     both"), the forms of a text ("iso, power:A (A &gt;= 0) or file:PATH"), or a note after a number's range
 * @param description one line
 */
public record Field(
        String key,
        Type type,
        double min,
        double max,
        boolean minOpen,
        String dflt,
        String syntax,
        String description) {
    /** What a field's value is. */
    public enum Type {
        TEXT,
        INTEGER,
        NUMBER,
        INTEGER_LIST,
        NUMBER_LIST,
        CHOICE,
        MAPPING,
        LIST;

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
        return new Field(key, Type.TEXT, Double.NaN, Double.NaN, false, dflt, "", description);
    }

    /** A text field whose forms {@code syntax} names (e.g. {@code iso, power:A (A >= 0) or file:PATH}). */
    public static Field text(String key, String syntax, String dflt, String description) {
        return new Field(key, Type.TEXT, Double.NaN, Double.NaN, false, dflt, syntax, description);
    }

    /** An integer in [min, max]. */
    public static Field integer(String key, long min, long max, String dflt, String description) {
        return new Field(key, Type.INTEGER, min, max, false, dflt, "", description);
    }

    /** A number in [min, max] (max may be +∞). */
    public static Field number(String key, double min, double max, String dflt, String description) {
        return new Field(key, Type.NUMBER, min, max, false, dflt, "", description);
    }

    /** A number in (min, max]. */
    public static Field above(String key, double min, double max, String dflt, String description) {
        return new Field(key, Type.NUMBER, min, max, true, dflt, "", description);
    }

    /** A list of distinct integers in [min, max]. */
    public static Field integers(String key, long min, long max, String dflt, String description) {
        return new Field(key, Type.INTEGER_LIST, min, max, false, dflt, "", description);
    }

    /** A list of distinct numbers in [min, max]. */
    public static Field numbers(String key, double min, double max, String dflt, String description) {
        return new Field(key, Type.NUMBER_LIST, min, max, false, dflt, "", description);
    }

    /** One of the words in {@code choices} ("ridge, rp"). */
    public static Field choice(String key, String choices, String dflt, String description) {
        return new Field(key, Type.CHOICE, Double.NaN, Double.NaN, false, dflt, choices, description);
    }

    /** A nested mapping or list whose own keys the description (or a {@link Schema.Group}) names. */
    public static Field nested(String key, Type type, String dflt, String description) {
        return new Field(key, type, Double.NaN, Double.NaN, false, dflt, "", description);
    }

    /** The same field with a note after its range in messages and tables (e.g. where larger values go instead). */
    public Field withNote(String note) {
        return new Field(key, type, min, max, minOpen, dflt, note, description);
    }

    /** True when the file must give the field. */
    public boolean required() {
        return dflt.isEmpty();
    }

    /** The declared default as a number (NaN when the default is not a number, e.g. "sigma" or "-"). */
    public double defaultNumber() {
        try {
            return Double.parseDouble(dflt);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The allowed values in words for the tables, e.g. {@code integer in [1, 100000]}. */
    public String allowed() {
        if (type == Type.CHOICE) {
            return "one of " + syntax;
        }
        if (Double.isNaN(min)) {
            return syntax.isEmpty() ? type.word() : type.word() + ": " + syntax;
        }
        if (min <= Long.MIN_VALUE && max >= Long.MAX_VALUE) {
            return type.word();
        }
        String range = (minOpen ? "(" : "[") + num(min) + ", " + num(max) + (max >= 9.2e18 ? ")" : "]");
        return type.word() + " in " + range + (syntax.isEmpty() ? "" : " " + syntax);
    }

    /**
     * The allowed values as a reader's message says them ({@code FILE: FIELD: got V; allowed: THIS}): {@code an integer
     * in [1, 10000]}, {@code a number in (0, 1]}, {@code a finite number >= 0}, {@code ridge or rp}.
     */
    public String phrase() {
        String note = syntax.isEmpty() ? "" : " " + syntax;
        return switch (type) {
            case INTEGER ->
                (min <= Long.MIN_VALUE && max >= Long.MAX_VALUE
                                ? "an integer"
                                : "an integer in [" + num(min) + ", " + num(max) + "]")
                        + note;
            case NUMBER ->
                (max == Double.POSITIVE_INFINITY
                                ? "a finite number " + (minOpen ? "> " : ">= ") + num(min)
                                : "a number in " + (minOpen ? "(" : "[") + num(min) + ", " + num(max) + "]")
                        + note;
            case INTEGER_LIST -> "a non-empty list of integers in [" + num(min) + ", " + num(max) + "]";
            case NUMBER_LIST -> "a non-empty list of numbers in [" + num(min) + ", " + num(max) + "]";
            case CHOICE -> or(syntax);
            case TEXT -> syntax.isEmpty() ? "a non-empty text" : syntax;
            case MAPPING -> "a mapping";
            case LIST -> "a list";
        };
    }

    /** "a, b, c" as "a, b or c". */
    static String or(String words) {
        int last = words.lastIndexOf(", ");
        return last < 0 ? words : words.substring(0, last) + " or " + words.substring(last + 2);
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
