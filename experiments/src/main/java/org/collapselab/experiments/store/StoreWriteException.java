package org.collapselab.experiments.store;

/**
 * A write to the result database failed (disk full, read-only file, I/O error). Typed so a runner can stop cleanly:
 * everything committed before it is intact, and a resume continues from there.
 */
public class StoreWriteException extends StoreException {
    public StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
