package org.collapselab.theory;

/** A theory point that cannot be evaluated (divergent error at an interpolation threshold, unsupported case, solver failure). */
public class TheoryException extends IllegalArgumentException {
    public TheoryException(String message) {
        super(message);
    }
}
