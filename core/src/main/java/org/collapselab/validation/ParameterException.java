package org.collapselab.validation;

/**
 * Bad input: names the offending field, the value given and the allowed range, so that every layer
 * (CLI flag, experiment file field) can report it in one line without a stack trace.
 */
public class ParameterException extends IllegalArgumentException {
    private final String field;
    private final String value;
    private final String allowed;

    public ParameterException(String field, Object value, String allowed) {
        super(field + " must be " + allowed + ", got " + value);
        this.field = field;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** The parameter's name as used in the problem records (e.g. {@code p2}). */
    public String field() {
        return field;
    }

    /** The rejected value, as text. */
    public String value() {
        return value;
    }

    /** The allowed range or form, e.g. {@code "in [0, 1]"}. */
    public String allowed() {
        return allowed;
    }
}
