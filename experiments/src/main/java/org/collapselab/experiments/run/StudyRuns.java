package org.collapselab.experiments.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.report.Reports;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.SafeNames;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.validation.ParameterException;

/**
 * The one path from a study to its report, shared by {@code run FILE} and {@code reproduce NAME}: the
 * {@link SweepRunner}, then the study's report from the stored results; {@code run FILE} also writes the study's
 * section of {@code OUT/report.html}. These are library calls: they never print
 * (progress goes to the log stream given, if any) and never exit; they throw on bad input.
 */
public final class StudyRuns {
    /** Rows of console tables by default. */
    public static final int DEFAULT_ROWS = RunRequest.DEFAULT_ROWS;

    /**
     * A finished run.
     *
     * @param study the study
     * @param summary what the runner did
     * @param report figures, HTML, claims and console text (null when not drawn)
     * @param database the result database used
     */
    public record Outcome(Study study, RunSummary summary, StudyReport report, Path database) {
        /** True when no cell failed. */
        public boolean ok() {
            return summary.failed() == 0;
        }
    }

    /**
     * What a run would do ({@code run --plan}).
     *
     * @param study the study
     * @param plan cells, stored ones and the shard's part
     * @param shard the shard planned
     * @param database the result database
     * @param note the family's run-time estimate, or null
     */
    public record Planned(Study study, Plan plan, Shard shard, Path database, String note) {}

    private StudyRuns() {}

    /** A bundled study ({@code studies/NAME.yaml}). */
    public static Study bundled(String name, boolean quick) {
        return StudyFamilies.bundled(name, quick);
    }

    /**
     * {@code run FILE}: reads the study with its family, merges the request's databases into the result database,
     * runs (resuming) and draws the report when the request asks for figures.
     *
     * @param log progress and status lines, or null for silence
     */
    public static Outcome run(RunRequest r, PrintStream log) throws Exception {
        Study study = StudyFamilies.load(r.file(), r.quick());
        RunOptions o = options(r, study, log);
        merge(r, o.database(), log);
        Outcome out = run(study, o, r.maxRows());
        if (out.report() != null && r.figures()) {
            Reports.publish(o.outDir(), o.database(), section(out), List.of());
        }
        return out;
    }

    /**
     * A study's section of {@code report.html}: its own HTML and claims under its name (the part {@code reproduce}
     * shows for it).
     */
    public static ReportSection section(Outcome out) {
        return new ReportSection(
                out.study().name(),
                out.study().name(),
                out.report().html(),
                out.report().claims());
    }

    /** {@code run FILE --plan}: what would run, computing nothing (the request's databases are merged first). */
    public static Planned plan(RunRequest r, PrintStream log) throws IOException {
        Study study = StudyFamilies.load(r.file(), r.quick());
        RunOptions o = options(r, study, log);
        merge(r, o.database(), log);
        try (ResultStore store = ResultStore.open(o.database())) {
            Plan p = SweepRunner.plan(study, store, r.shard());
            return new Planned(study, p, r.shard(), o.database(), study.planNote(p.todo(), r.threads()));
        }
    }

    /** Runs (or resumes) a study and draws its report when the options ask for figures. */
    public static Outcome run(Study study, RunOptions o, int maxRows) throws Exception {
        RunSummary s = SweepRunner.run(study, o);
        StudyReport report =
                study.report(s.results(), new ReportOptions(o.outDir(), o.drawFigures(), maxRows, o.log()));
        return new Outcome(study, s, report, o.database());
    }

    private static RunOptions options(RunRequest r, Study study, PrintStream log) {
        Path dir = r.outDir() != null ? r.outDir() : SafeNames.resolve(Path.of("out"), study.name(), "", "name");
        return new RunOptions(dir, r.db(), r.threads(), r.shard(), r.executor(), r.figures(), log);
    }

    private static void merge(RunRequest r, Path database, PrintStream log) throws IOException {
        if (r.merge().isEmpty()) {
            return;
        }
        try (ResultStore store = ResultStore.open(database)) {
            for (Path m : r.merge()) {
                if (!Files.isRegularFile(m)) {
                    throw new ParameterException("--merge", m, "an existing result database");
                }
                int n = store.mergeFrom(m);
                if (log != null) {
                    log.println("merged " + n + " cells from " + m);
                }
            }
        }
    }
}
