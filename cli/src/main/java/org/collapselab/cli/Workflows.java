package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.export.ResultExporter;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.FullRunVerdicts;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.reproduce.Reproductions;
import org.collapselab.experiments.run.RunRequest;
import org.collapselab.experiments.run.RunSummary;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.Salvage;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.SafeNames;
import org.collapselab.validation.ParameterException;

/**
 * The workflows behind the {@code run}, {@code export} and {@code reproduce} commands, as library calls. Each returns
 * {@link ExitCodes#OK} or {@link ExitCodes#FAILED} (some cells failed) and throws on bad input or a failure of the
 * whole request; {@link ExitCodes} turns the exception into the exit code and message.
 */
public final class Workflows {
    private Workflows() {}

    /**
     * {@code collapselab run FILE}: either prints the plan ({@code plan}) or runs the request through the library
     * ({@link StudyRuns#run(RunRequest, PrintStream)}) and prints its report's text, claims and summary.
     */
    public static int run(RunRequest request, boolean plan, PrintStream out, PrintStream err) throws Exception {
        if (plan) {
            StudyRuns.Planned p = StudyRuns.plan(request, err);
            out.println(p.plan().describe(p.study().name(), p.shard(), p.database()));
            out.printf(
                    java.util.Locale.ROOT,
                    "cells: %d%nin store: %d%nshard %s owns: %d%nto compute: %d%n",
                    p.plan().total(),
                    p.plan().stored(),
                    p.shard(),
                    p.plan().owned(),
                    p.plan().todo().size());
            if (p.note() != null) {
                out.println(p.note());
            }
            return ExitCodes.OK;
        }
        StudyRuns.Outcome r = StudyRuns.run(request, err);
        RunSummary summary = r.summary();
        if (r.report() != null) {
            out.print(r.report().text());
            for (Claim c : r.report().claims()) {
                out.println(c.verdict() + ": " + c.claim() + " — " + c.measured());
            }
        }
        out.printf(
                java.util.Locale.ROOT,
                "%s: %d cells: %d computed, %d reused from the database, %d failed; %.1f s%n",
                r.study().name(),
                summary.plan().total(),
                summary.computed(),
                summary.plan().ownedStored(),
                summary.failed(),
                summary.seconds());
        out.println("results: " + r.database());
        if (r.report() != null) {
            for (Path f : r.report().figures()) {
                out.println("figure: " + f);
            }
        }
        for (String f : summary.failures()) {
            err.println("failed cell: " + f);
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * {@code collapselab export DIR --format csv|json}: one row per cell. {@code dirOrDb} is an output folder (its
     * results.db) or a database file; {@code output} null writes {@code DIR/results.FORMAT}, "-" writes to stdout.
     */
    public static int export(
            Path dirOrDb, String format, String experiment, String output, PrintStream out, PrintStream err)
            throws IOException {
        ResultExporter.Format f = ResultExporter.Format.parse(format);
        if (f == null) {
            throw new ParameterException("--format", format, "csv or json");
        }
        Path db = Files.isDirectory(dirOrDb) ? dirOrDb.resolve("results.db") : dirOrDb;
        if (!Files.isRegularFile(db)) {
            throw new ParameterException("DIR", dirOrDb, "an output folder containing results.db, or a database file");
        }
        // Read-only: export never creates or changes a file; a damaged file gives up only its unreadable rows.
        try (ResultStore store = ResultStore.openReadOnly(db)) {
            Salvage salvage = store.salvage();
            List<StoredCell> cells = salvage.cells().stream()
                    .filter(c -> experiment == null || experiment.equals(c.experiment()))
                    .toList();
            if (experiment != null && cells.isEmpty()) {
                throw new ParameterException(
                        "--experiment",
                        experiment,
                        "one of "
                                + salvage.cells().stream()
                                        .map(StoredCell::experiment)
                                        .distinct()
                                        .sorted()
                                        .toList());
            }
            int rows;
            String ext = f == ResultExporter.Format.CSV ? "csv" : "json";
            if ("-".equals(output)) {
                Writer w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
                rows = ResultExporter.write(cells, f, w);
                w.flush();
                err.println(rows + " rows");
            } else {
                Path target = output != null
                        ? Path.of(output)
                        : SafeNames.resolve(
                                db.toAbsolutePath().getParent(),
                                experiment == null ? "results" : experiment,
                                "." + ext,
                                "--experiment");
                rows = ResultExporter.write(cells, f, target);
                out.println("wrote " + rows + " rows to " + target);
            }
            if (!salvage.unreadable().isEmpty()) {
                err.println("collapselab export: " + db + " is damaged: exported the " + rows + " readable rows; "
                        + salvage.unreadable().size() + " unreadable: " + String.join(", ", salvage.unreadable()));
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }

    /**
     * {@code collapselab reproduce [NAME...|all] [--quick] [--out DIR]}: runs the named reproductions (default
     * gaussian), then writes DIR/report.html with every section produced in DIR so far.
     */
    public static int reproduce(
            List<String> names, Path outDir, boolean quick, int threads, PrintStream out, PrintStream err)
            throws IOException {
        List<Reproduction> todo = Reproductions.resolve(names, quick);
        if (threads < 1) {
            throw new ParameterException("--threads", threads, "an integer >= 1");
        }
        Path dir = outDir != null ? outDir : Path.of("out");
        int code = ExitCodes.OK;
        for (Reproduction r : todo) {
            long t0 = System.nanoTime();
            err.println("reproduce " + r.name() + (quick ? " (quick)" : "") + ": " + r.description() + " (studies/"
                    + String.join(".yaml, studies/", r.studies()) + ".yaml)");
            try {
                ReportSection section = Reproductions.run(r, new ReproductionOptions(dir, quick, threads, err));
                if (quick) {
                    section = FullRunVerdicts.annotate(section);
                    long differ = section.claims().stream()
                            .filter(FullRunVerdicts::differs)
                            .count();
                    if (differ > 0) {
                        err.println("reproduce " + r.name() + ": " + differ
                                + " quick verdict(s) differ from the full run's; " + "the report names them");
                    }
                }
                Path report = Reproductions.publish(dir, section);
                out.printf(
                        java.util.Locale.ROOT,
                        "%s: done in %.1f s; report %s%n",
                        r.name(),
                        (System.nanoTime() - t0) / 1e9,
                        report);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                ExitCodes.lines("reproduce " + r.name(), ex).forEach(err::println);
                return ExitCodes.FAILED;
            } catch (Exception ex) {
                // one reproduction's failure does not stop the others; the worst code wins
                ExitCodes.lines("reproduce " + r.name(), ex).forEach(err::println);
                code = Math.max(code, ExitCodes.of(ex));
            }
        }
        return code;
    }
}
