package org.collapselab.experiments.reproduce;

import java.io.PrintStream;
import java.nio.file.Path;

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
}
