package org.collapselab.experiments.store;

/** The result database could not be opened, read or written (message names the file). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
