package org.collapselab.experiments.diagnose;

/**
 * A data file for {@code diagnose} is unusable. The message is one line, {@code FILE: WHERE: got WHAT; allowed: WHAT},
 * naming the file, line and column; it never contains a cell's text.
 */
public final class DataFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataFileException(String file, String where, String got, String allowed) {
        super(file + ": " + where + ": got " + got + "; allowed: " + allowed);
    }
}
