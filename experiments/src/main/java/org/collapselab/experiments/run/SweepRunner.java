package org.collapselab.experiments.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.experiments.figures.ExperimentFigures;
import org.collapselab.experiments.spec.Experiment;
import org.collapselab.experiments.spec.GaussianCell;
import org.collapselab.experiments.spec.GridExpander;
import org.collapselab.experiments.store.Claim;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.experiments.store.StoredCell;

/**
 * Runs an experiment: expands the grid, reads finished cells back from the result database, computes the others
 * in parallel through a {@link SweepExecutor} (writing each to the database the moment it finishes), then draws
 * the figures. Re-running resumes; a killed run loses only the cells in flight. Concurrent runs on one database
 * split the cells through the store's claims (none is computed twice). Every owned cell that failed, was not saved
 * or holds a simulation error is counted in {@link RunSummary#failed()} with its reason. Stored cells whose theory had
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
      java.util.Set<String> retryKeys = new java.util.HashSet<>();
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
          retryKeys.add(c.key());
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
      int byOthers = computeClaimed(store, executor, jobs, retryKeys, o.threads(), computed, failures,
          progress, log);
      if (progress != null && !jobs.isEmpty()) {
        progress.finish();
      }
      reused += byOthers;
      int lost = failures.size(); // cells that failed, or were not saved or computed (none of them is stored)
      List<GaussianResult> results = new ArrayList<>();
      int missing = 0;
      for (GaussianCell c : cells) {
        Optional<StoredCell> sc = store.find(c.key());
        if (sc.isPresent()) {
          GaussianResult r = GaussianResult.fromJson(c, sc.get().resultJson());
          results.add(r);
          if (o.shard().owns(c.key()) && r.simulationError() != null) {
            failures.add(c.configJson() + ": simulation failed: " + r.simulationError());
          }
        } else if (o.shard().owns(c.key())) {
          missing++;
        }
      }
      int unaccounted = Math.max(0, missing - lost);
      int failed = failures.size() + unaccounted;
      if (unaccounted > 0) {
        failures.add(unaccounted + " more cells are not in the database (run again to resume)");
      }
      List<Path> figures = new ArrayList<>();
      if (o.drawFigures() && !e.figures().isEmpty()) {
        if (results.size() < cells.size() && log != null) {
          log.println("note: " + (cells.size() - results.size()) + " cells are not in the database yet (other "
              + "shards or failures); figures show the cells present");
        }
        figures.addAll(ExperimentFigures.draw(e, results, o.outDir()));
      }
      return new RunSummary(e, cells.size(), owned, reused, computed.get(), failed,
          (System.nanoTime() - start) / 1e9, results, figures, failures);
    }
  }

  /**
   * Computes the jobs in rounds through the store's claims, so concurrent runs on one database never compute a cell
   * twice: each round claims up to a few cells per thread, runs them and stores each result as it arrives. Cells
   * another live run holds are asked for again in later rounds (they are done by then, or that run died and its
   * lease expired). A failed write stops the run: what was stored stays, the remaining cells are reported unsaved,
   * and a resume continues. Theory retries of stored cells need no claim. Returns the cells other runs finished.
   */
  private static int computeClaimed(ResultStore store, SweepExecutor executor, List<GaussianCellJob> jobs,
                                    java.util.Set<String> retryKeys, int threads, AtomicInteger computed,
                                    List<String> failures, Progress progress, PrintStream log)
      throws InterruptedException {
    AtomicBoolean stopped = new AtomicBoolean();
    int byOthers = 0;
    int batchSize = Math.max(8, 4 * threads);
    try (ClaimSession claims = new ClaimSession(store)) {
      java.util.ArrayDeque<GaussianCellJob> queue = new java.util.ArrayDeque<>(jobs);
      while (!queue.isEmpty() && !stopped.get()) {
        List<GaussianCellJob> batch = new ArrayList<>();
        List<GaussianCellJob> taken = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < batchSize) {
          GaussianCellJob j = queue.poll();
          Claim c;
          try {
            c = retryKeys.contains(j.key()) ? Claim.CLAIMED : claims.claim(j.key());
          } catch (StoreException ex) {
            stop(stopped, ex, log);
            queue.addFirst(j);
            break;
          }
          if (c == Claim.CLAIMED) {
            batch.add(j);
          } else if (c == Claim.DONE) {
            byOthers++;
            if (progress != null) {
              progress.step(true);
            }
          } else {
            taken.add(j);
          }
        }
        queue.addAll(taken);
        if (stopped.get()) {
          break;
        }
        if (batch.isEmpty()) {
          Thread.sleep(Math.min(1000, Math.max(10, claims.leaseMillis() / 4))); // others hold all that is left
          continue;
        }
        executor.execute(batch, out -> {
          GaussianCellJob job = (GaussianCellJob) out.job();
          String where = job.cell().configJson();
          try {
            if (stopped.get()) {
              failures.add(where + ": not saved: the run stopped after a failed write");
            } else if (out.ok()) {
              store.put(out.cell());
              computed.incrementAndGet();
            } else {
              Throwable t = out.failure();
              failures.add(where + ": failed: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            }
          } catch (StoreException ex) {
            // A typed write failure (disk full, read-only file): stop cleanly, keep what is stored.
            stop(stopped, ex, log);
            failures.add(where + ": not saved: " + ex.getMessage());
          } finally {
            if (!retryKeys.contains(job.key())) {
              claims.release(job.key());
            }
            if (progress != null) {
              progress.step(out.ok() && !stopped.get());
            }
          }
        });
      }
      for (GaussianCellJob j : queue) {
        failures.add(j.cell().configJson() + ": not computed: the run stopped after a failed write");
      }
    }
    return byOthers;
  }

  private static void stop(AtomicBoolean stopped, StoreException ex, PrintStream log) {
    if (stopped.compareAndSet(false, true) && log != null) {
      log.println("error: " + ex.getMessage() + "; stopping (stored cells are kept; run again to resume)");
    }
  }
}
