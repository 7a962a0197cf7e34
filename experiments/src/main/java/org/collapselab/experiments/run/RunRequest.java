package org.collapselab.experiments.run;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.validation.ParameterException;

/**
 * What {@code collapselab run FILE} asks for, as one value for the library call {@link StudyRuns#run(RunRequest,
 * java.io.PrintStream)} (which neither prints nor exits). Start from {@link #of(Path)} and change what differs.
 *
 * @param file study file
 * @param outDir output folder, or null for {@code out/NAME}
 * @param threads worker threads (or cells in flight on a cluster), ≥ 1
 * @param quick apply the file's {@code quick:} overrides
 * @param shard the part of the grid this process computes ({@link Shard#ALL} for everything)
 * @param db result database, or null for {@code OUT/results.db}
 * @param merge databases whose cells are merged into the result database first (shards' results)
 * @param figures draw the figures and the report
 * @param maxRows rows of console tables, ≥ 0
 * @param executor engine, or null for a local pool of {@code threads} threads
 */
public record RunRequest(
        Path file,
        Path outDir,
        int threads,
        boolean quick,
        Shard shard,
        Path db,
        List<Path> merge,
        boolean figures,
        int maxRows,
        SweepExecutor executor) {
    /** Rows of console tables by default. */
    public static final int DEFAULT_ROWS = 40;

    public RunRequest {
        if (threads < 1) {
            throw new ParameterException("--threads", threads, "an integer >= 1");
        }
        if (maxRows < 0) {
            throw new ParameterException("rows", maxRows, "an integer >= 0");
        }
        shard = shard == null ? Shard.ALL : shard;
        merge = merge == null ? List.of() : List.copyOf(merge);
    }

    /** The whole study on one thread, into {@code out/NAME}, with figures. */
    public static RunRequest of(Path file) {
        return new RunRequest(file, null, 1, false, Shard.ALL, null, List.of(), true, DEFAULT_ROWS, null);
    }

    public RunRequest withOut(Path dir) {
        return new RunRequest(file, dir, threads, quick, shard, db, merge, figures, maxRows, executor);
    }

    public RunRequest withThreads(int n) {
        return new RunRequest(file, outDir, n, quick, shard, db, merge, figures, maxRows, executor);
    }

    public RunRequest withQuick(boolean q) {
        return new RunRequest(file, outDir, threads, q, shard, db, merge, figures, maxRows, executor);
    }

    public RunRequest withShard(Shard s) {
        return new RunRequest(file, outDir, threads, quick, s, db, merge, figures, maxRows, executor);
    }

    public RunRequest withDb(Path database) {
        return new RunRequest(file, outDir, threads, quick, shard, database, merge, figures, maxRows, executor);
    }

    public RunRequest withMerge(List<Path> databases) {
        return new RunRequest(file, outDir, threads, quick, shard, db, databases, figures, maxRows, executor);
    }

    public RunRequest withFigures(boolean draw) {
        return new RunRequest(file, outDir, threads, quick, shard, db, merge, draw, maxRows, executor);
    }

    public RunRequest withRows(int rows) {
        return new RunRequest(file, outDir, threads, quick, shard, db, merge, figures, rows, executor);
    }

    public RunRequest withExecutor(SweepExecutor e) {
        return new RunRequest(file, outDir, threads, quick, shard, db, merge, figures, maxRows, e);
    }
}
