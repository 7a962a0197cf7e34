package org.collapselab.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.export.ResultExporter;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.reproduce.Reproductions;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.RunSummary;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.SummaryTable;
import org.collapselab.experiments.run.SweepExecutor;
import org.collapselab.experiments.run.SweepRunner;
import org.collapselab.experiments.spec.Experiment;
import org.collapselab.experiments.spec.ExperimentFileException;
import org.collapselab.experiments.spec.ExperimentLoader;
import org.collapselab.experiments.spec.SafeNames;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.Salvage;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.validation.ParameterException;

/**
 * The experiment workflows behind the {@code run}, {@code export} and {@code reproduce} commands. Each returns a
 * process exit code and reports bad input as one line per problem on {@code err} (never a stack trace): 0 success,
 * 1 failure while running, 2 bad input.
 */
public final class Workflows {
  private Workflows() {}

  /**
   * {@code collapselab run FILE}: validates, runs (resuming), draws figures, prints the summary table.
   *
   * @param file experiment file
   * @param outDir output folder, or null for {@code out/NAME}
   * @param threads worker threads
   * @param quick apply the file's {@code quick:} overrides
   * @param shard {@code k/N} or null
   * @param db database file, or null for {@code OUT/results.db}
   * @param merge databases to merge into the database first (shards' results)
   * @param figures draw the figures
   * @param maxRows rows of the summary table
   */
  public static int run(Path file, Path outDir, int threads, boolean quick, String shard, Path db, List<Path> merge,
                        boolean figures, int maxRows, PrintStream out, PrintStream err) {
    return run(file, outDir, threads, quick, shard, db, merge, figures, maxRows, null, out, err);
  }

  /** As above, on a given execution engine (null: a local thread pool with {@code threads} threads). */
  public static int run(Path file, Path outDir, int threads, boolean quick, String shard, Path db, List<Path> merge,
                        boolean figures, int maxRows, SweepExecutor executor, PrintStream out, PrintStream err) {
    try {
      if (threads < 1) {
        throw new ParameterException("--threads", threads, "an integer >= 1");
      }
      Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
      Experiment e = ExperimentLoader.load(file, quick);
      Path dir = outDir != null ? outDir : SafeNames.resolve(Path.of("out"), e.name(), "", "name");
      RunOptions o = new RunOptions(dir, db, threads, s, executor, figures, err);
      if (merge != null && !merge.isEmpty()) {
        try (ResultStore store = ResultStore.open(o.database())) {
          for (Path m : merge) {
            if (!Files.isRegularFile(m)) {
              throw new ParameterException("--merge", m, "an existing result database");
            }
            err.println("merged " + store.mergeFrom(m) + " cells from " + m);
          }
        }
      }
      RunSummary summary = SweepRunner.run(e, o);
      out.print(SummaryTable.format(summary, maxRows));
      out.println("results: " + o.database());
      for (Path f : summary.figures()) {
        out.println("figure: " + f);
      }
      for (String f : summary.failures()) {
        err.println("failed cell: " + f);
      }
      return summary.failed() == 0 ? 0 : 1;
    } catch (ExperimentFileException ex) {
      ex.errors().forEach(err::println);
      return 2;
    } catch (ParameterException ex) {
      err.println(ex.field() + ": got " + ex.value() + "; allowed: " + ex.allowed());
      return 2;
    } catch (StoreException | IOException ex) {
      err.println("error: " + ex.getMessage());
      return 1;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      err.println("interrupted; finished cells are saved, run again to resume");
      return 1;
    }
  }

  /**
   * {@code collapselab export DIR --format csv|json}: one row per cell. {@code dirOrDb} is an output folder (its
   * results.db) or a database file; {@code output} null writes {@code DIR/results.FORMAT}, "-" writes to stdout.
   */
  public static int export(Path dirOrDb, String format, String experiment, String output, PrintStream out,
                           PrintStream err) {
    ResultExporter.Format f = ResultExporter.Format.parse(format);
    if (f == null) {
      err.println("--format: got " + format + "; allowed: csv or json");
      return 2;
    }
    Path db = Files.isDirectory(dirOrDb) ? dirOrDb.resolve("results.db") : dirOrDb;
    if (!Files.isRegularFile(db)) {
      err.println("DIR: got " + dirOrDb + "; allowed: an output folder containing results.db, or "
          + "a database file");
      return 2;
    }
    // Read-only: export never creates or changes a file; a damaged file gives up only its unreadable rows.
    try (ResultStore store = ResultStore.openReadOnly(db)) {
      Salvage salvage = store.salvage();
      List<StoredCell> cells = salvage.cells().stream()
          .filter(c -> experiment == null || experiment.equals(c.experiment())).toList();
      if (experiment != null && cells.isEmpty()) {
        err.println("--experiment: got " + experiment + "; allowed: one of "
            + salvage.cells().stream().map(StoredCell::experiment).distinct().sorted().toList());
        return 2;
      }
      int rows;
      String ext = f == ResultExporter.Format.CSV ? "csv" : "json";
      if ("-".equals(output)) {
        Writer w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        rows = ResultExporter.write(cells, f, w);
        w.flush();
        err.println(rows + " rows");
      } else {
        Path target = output != null ? Path.of(output)
            : SafeNames.resolve(db.toAbsolutePath().getParent(), experiment == null ? "results" : experiment, "." + ext,
                "--experiment");
        rows = ResultExporter.write(cells, f, target);
        out.println("wrote " + rows + " rows to " + target);
      }
      if (!salvage.unreadable().isEmpty()) {
        err.println(db + " is damaged: exported the " + rows + " readable rows; "
            + salvage.unreadable().size() + " unreadable: " + String.join(", ", salvage.unreadable()));
        return 1;
      }
      return 0;
    } catch (ParameterException ex) {
      err.println("DIR: got " + ex.value() + "; allowed: " + ex.allowed());
      return 2;
    } catch (StoreException | IOException ex) {
      err.println("error: " + ex.getMessage());
      return 1;
    }
  }

  /**
   * {@code collapselab reproduce [NAME...|all] [--quick] [--out DIR]}: runs the named reproductions (default
   * gaussian), then writes DIR/report.html with every section produced in DIR so far.
   */
  public static int reproduce(List<String> names, Path outDir, boolean quick, int threads, PrintStream out,
                              PrintStream err) {
    List<Reproduction> todo;
    try {
      todo = Reproductions.resolve(names);
    } catch (IllegalArgumentException ex) {
      err.println(ex.getMessage());
      return 2;
    }
    if (threads < 1) {
      err.println("--threads: got " + threads + "; allowed: an integer >= 1");
      return 2;
    }
    Path dir = outDir != null ? outDir : Path.of("out");
    int code = 0;
    for (Reproduction r : todo) {
      long t0 = System.nanoTime();
      err.println("reproduce " + r.name() + (quick ? " (quick)" : "") + ": " + r.description());
      try {
        ReportSection section = r.run(new ReproductionOptions(dir, quick, threads, err));
        Path report = Reproductions.publish(dir, section);
        out.printf(java.util.Locale.ROOT, "%s: done in %.1f s; report %s%n", r.name(), (System.nanoTime() - t0) / 1e9,
            report);
      } catch (ExperimentFileException ex) {
        ex.errors().forEach(err::println);
        code = 2;
      } catch (ParameterException ex) {
        err.println(r.name() + ": " + ex.field() + ": got " + ex.value() + "; allowed: " + ex.allowed());
        code = 2;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        err.println(r.name() + ": interrupted; finished cells are saved, run again to resume");
        return 1;
      } catch (Exception ex) {
        err.println(r.name() + ": failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        code = 1;
      }
    }
    return code;
  }
}
