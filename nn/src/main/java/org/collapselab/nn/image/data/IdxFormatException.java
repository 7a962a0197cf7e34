package org.collapselab.nn.image.data;

import java.io.IOException;

/**
 * A data file is missing, unreadable, truncated or not in the expected IDX format. The message names the file and
 * states what was expected (magic number, counts, sizes), so that it can be shown to the user as is.
 */
public final class IdxFormatException extends IOException implements org.collapselab.validation.InputProblem {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
