package org.collapselab.experiments.reproduce;

import org.collapselab.experiments.report.ReportSection;

/**
 * One of the paper's experiments that {@code collapselab reproduce NAME} regenerates: it runs (resuming from the
 * result database in the output folder), writes its figures there, and returns its section of {@code report.html}.
 * Implementations: the Gaussian figures (experiments module), MNIST and the language models (nn module).
 */
public interface Reproduction {
  /** Short name used on the command line: {@code gaussian}, {@code mnist}, {@code lm}. */
  String name();

  /** One-line description for {@code --help}. */
  String description();

  /** Runs the experiment and returns its report section. */
  ReportSection run(ReproductionOptions options) throws Exception;
}
