package org.collapselab.experiments.run;

import java.util.List;
import org.collapselab.experiments.study.CellJob;

/**
 * Where an executor takes its jobs from while a sweep runs: a job is handed out only once every cell it needs is
 * stored, already claimed for this run, with its inputs attached and its thread count set. Pull executors (a local
 * pool) call {@link #take()} from each worker; batch executors (a cluster) call {@link #takeBatch()} and run each batch
 * to its end. Both block while no job is runnable yet but some may become so.
 */
public interface JobSource {
    /** The next runnable job, or null when no job is left to run. */
    CellJob take() throws InterruptedException;

    /** Every runnable job (up to a few per thread), or an empty list when no job is left to run. */
    List<CellJob> takeBatch() throws InterruptedException;
}
