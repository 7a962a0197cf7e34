package org.collapselab.experiments.run;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a sweep.
 *
 * @param outDir folder for the database (unless {@code dbFile} is given) and the figures
 * @param dbFile result database, or null for {@code outDir/results.db}
 * @param threads worker threads on this machine (≥ 1)
 * @param shard the part of the grid this process computes ({@link Shard#ALL} for everything)
 * @param executor engine, or null for a {@link LocalSweepExecutor} with {@code threads}
 * @param drawFigures draw the study's figures and report after the run
 * @param log progress and status lines (null: silent)
 */
public record RunOptions(
        Path outDir,
        Path dbFile,
        int threads,
        Shard shard,
        SweepExecutor executor,
        boolean drawFigures,
        PrintStream log) {
    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (shard == null) {
            shard = Shard.ALL;
        }
    }

    /** The database file in use. */
    public Path database() {
        return dbFile != null ? dbFile : outDir.resolve("results.db");
    }
}
