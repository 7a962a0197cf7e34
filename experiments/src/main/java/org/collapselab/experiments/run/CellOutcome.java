package org.collapselab.experiments.run;

import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;

/**
 * What came back for one job: the stored cell, or the failure that prevented computing it.
 *
 * @param job the job
 * @param cell the computed cell (null on failure)
 * @param failure the exception (null on success)
 */
public record CellOutcome(CellJob job, StoredCell cell, Throwable failure) {
    public boolean ok() {
        return failure == null;
    }
}
