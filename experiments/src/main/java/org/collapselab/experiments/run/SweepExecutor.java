package org.collapselab.experiments.run;

import java.util.List;
import java.util.function.Consumer;
import org.collapselab.experiments.study.CellJob;

/**
 * An execution engine for the cells of a sweep. The default is {@link LocalSweepExecutor} (a thread pool on this
 * machine); a cluster engine (e.g. Hazelcast's {@code IExecutorService}) implements the same contract by shipping the
 * serializable {@link CellJob}s to members and calling {@code onDone} on the driver, which stores each cell as it
 * arrives. Jobs are idempotent (keyed by content and seed), so an engine may retry a job whose worker was lost.
 */
public interface SweepExecutor {
    /** Short name for logs, e.g. {@code local(2)}. */
    String name();

    /**
     * Runs every job and calls {@code onDone} once per job as it finishes (possibly from several threads). Returns
     * when all jobs are done.
     */
    void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException;

    /**
     * Runs every job {@code source} hands out, calling {@code onDone} once per job as it finishes; returns when the
     * source has no job left. By default in batches ({@link JobSource#takeBatch()}), each run to its end; a pool on
     * this machine overrides it to start each job the moment a worker is free and the job is runnable.
     */
    default void execute(JobSource source, Consumer<CellOutcome> onDone) throws InterruptedException {
        for (List<CellJob> batch = source.takeBatch(); !batch.isEmpty(); batch = source.takeBatch()) {
            execute(batch, onDone);
        }
    }
}
