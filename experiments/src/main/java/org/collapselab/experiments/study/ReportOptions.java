package org.collapselab.experiments.study;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How a study draws its report.
 *
 * @param outDir folder for figures (families write under it)
 * @param figures draw figures (false: claims and text only)
 * @param maxRows rows of console tables
 * @param log status lines (null: silent)
 */
public record ReportOptions(Path outDir, boolean figures, int maxRows, PrintStream log) {}
