package org.collapselab.experiments.reproduce;

import java.io.PrintStream;
import java.nio.file.Path;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.study.Study;

/**
 * How to run a {@link Reproduction}.
 *
 * @param outDir folder for figures, the result database ({@code results.db}) and the report
 * @param quick a reduced version (fewer points, runs, steps) for a first look
 * @param threads worker threads (≥ 1)
 * @param log progress and status lines (stderr in the CLI)
 */
public record ReproductionOptions(Path outDir, boolean quick, int threads, PrintStream log) {
    public ReproductionOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Runs a study for a reproduction: the whole study, local engine, results in {@code OUT/results.db}. */
    public StudyRuns.Outcome run(Study study) throws Exception {
        return StudyRuns.run(
                study, new RunOptions(outDir, null, threads, Shard.ALL, null, true, log), StudyRuns.DEFAULT_ROWS);
    }
}
