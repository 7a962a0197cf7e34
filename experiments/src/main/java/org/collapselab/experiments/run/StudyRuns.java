package org.collapselab.experiments.run;

import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyReport;

/**
 * The one path from a study to its report, shared by {@code run FILE} and {@code reproduce NAME}: the
 * {@link SweepRunner}, then the study's report from the stored results.
 */
public final class StudyRuns {
  /** Rows of console tables by default. */
  public static final int DEFAULT_ROWS = 40;

  /**
   * A finished run.
   *
   * @param study the study
   * @param summary what the runner did
   * @param report figures, HTML, claims and console text (null when not drawn)
   */
  public record Outcome(Study study, RunSummary summary, StudyReport report) {}

  private StudyRuns() {}

  /** A bundled study ({@code studies/NAME.yaml}). */
  public static Study bundled(String name, boolean quick) {
    return StudyFamilies.bundled(name, quick);
  }

  /** Runs a study for a reproduction: the whole study, local engine, results in {@code OUT/results.db}. */
  public static Outcome run(Study study, ReproductionOptions o) throws Exception {
    return run(study, new RunOptions(o.outDir(), null, o.threads(), Shard.ALL, null, true, o.log()), DEFAULT_ROWS);
  }

  /** Runs (or resumes) a study and draws its report when the options ask for figures. */
  public static Outcome run(Study study, RunOptions o, int maxRows) throws Exception {
    RunSummary s = SweepRunner.run(study, o);
    StudyReport report = study.report(s.results(), new ReportOptions(o.outDir(), o.drawFigures(), maxRows, o.log()));
    return new Outcome(study, s, report);
  }
}
