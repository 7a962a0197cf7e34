package org.collapselab.experiments.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.experiments.figures.ExperimentFigures;
import org.collapselab.experiments.spec.Experiment;
import org.collapselab.experiments.spec.GaussianCell;
import org.collapselab.experiments.spec.GridExpander;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;

/**
 * Runs an experiment: expands the grid, reads finished cells back from the result database, computes the others
 * in parallel through a {@link SweepExecutor} (writing each to the database the moment it finishes), then draws
 * the figures. Re-running resumes; a killed run loses only the cells in flight. Stored cells whose theory had
 * failed get their theory retried (their simulation is kept), so figures pick up theory that lands later.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** Runs the experiment with the given options. */
  public static RunSummary run(Experiment e, RunOptions o) throws InterruptedException, IOException {
    long start = System.nanoTime();
    PrintStream log = o.log();
    List<GaussianCell> cells = GridExpander.expand(e);
    try (ResultStore store = ResultStore.open(o.database())) {
      List<GaussianCellJob> pending = new ArrayList<>();
      int owned = 0;
      int reused = 0;
      int retries = 0;
      for (GaussianCell c : cells) {
        if (!o.shard().owns(c.key())) {
          continue;
        }
        owned++;
        Optional<StoredCell> stored = store.find(c.key());
        if (stored.isEmpty()) {
          pending.add(new GaussianCellJob(c, e.name(), 1));
          continue;
        }
        GaussianResult prev = GaussianResult.fromJson(c, stored.get().resultJson());
        boolean simOk = !c.simulation() || prev.simulation() != null;
        if (c.theory() && prev.theory() == null && simOk) {
          // Theory failed when stored (e.g. not available for this model yet, or a divergent point): retry it,
          // keeping the stored simulation. Cheap, and picks up theory that core has gained since.
          pending.add(new GaussianCellJob(c, e.name(), 1, prev.simulation()));
          retries++;
        } else {
          reused++;
        }
      }
      int simThreads = pending.isEmpty() ? 1 : Math.max(1, o.threads() / Math.min(o.threads(), pending.size()));
      List<GaussianCellJob> jobs = new ArrayList<>(pending.size());
      for (GaussianCellJob j : pending) {
        jobs.add(new GaussianCellJob(j.cell(), e.name(), simThreads, j.reuse()));
      }
      SweepExecutor executor = o.executor() != null ? o.executor() : new LocalSweepExecutor(o.threads());
      if (log != null) {
        log.println(e.name() + ": " + cells.size() + " cells" + (o.shard().count() > 1 ? ", shard " + o.shard()
            + " owns " + owned : "") + ", " + (reused + retries) + " already in " + o.database() + ", "
            + (jobs.size() - retries) + " to compute" + (retries > 0 ? " and " + retries + " to retry theory for"
            : "") + " on " + executor.name());
      }
      AtomicInteger computed = new AtomicInteger();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      Progress progress = log == null ? null : Progress.forConsole(log, jobs.size());
      executor.execute(jobs, out -> {
        if (out.ok()) {
          store.put(out.cell());
          computed.incrementAndGet();
        } else {
          Throwable t = out.failure();
          failures.add(((GaussianCellJob) out.job()).cell().configJson() + ": " + t.getClass().getSimpleName()
              + ": " + t.getMessage());
        }
        if (progress != null) {
          progress.step(out.ok());
        }
      });
      if (progress != null && !jobs.isEmpty()) {
        progress.finish();
      }
      List<GaussianResult> results = new ArrayList<>();
      for (GaussianCell c : cells) {
        Optional<StoredCell> sc = store.find(c.key());
        sc.ifPresent(s -> results.add(GaussianResult.fromJson(c, s.resultJson())));
      }
      List<Path> figures = new ArrayList<>();
      if (o.drawFigures() && !e.figures().isEmpty()) {
        if (results.size() < cells.size() && log != null) {
          log.println("note: " + (cells.size() - results.size()) + " cells are not in the database yet (other "
              + "shards or failures); figures show the cells present");
        }
        figures.addAll(ExperimentFigures.draw(e, results, o.outDir()));
      }
      return new RunSummary(e, cells.size(), owned, reused, computed.get(), failures.size(),
          (System.nanoTime() - start) / 1e9, results, figures, failures);
    }
  }
}
