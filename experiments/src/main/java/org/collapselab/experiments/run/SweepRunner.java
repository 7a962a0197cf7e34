package org.collapselab.experiments.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.experiments.store.Claim;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyResults;

/**
 * The one runner of every study family: shard → resume from the result store → executor → store. It takes the
 * cells this shard owns, reads finished ones back (asking the study whether a stored cell is final), computes the
 * others through a {@link SweepExecutor} (a {@link ProcessSweepExecutor} around it when the study needs one process
 * per cell) and writes each to the store the moment it finishes, so a killed run loses only the cells in flight.
 * Cells needed by owned cells ({@link CellJob#needs()}) are computed first, by every shard that needs them.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** What {@link #run} would compute for this store and shard; computes nothing. */
  public static Plan plan(Study study, ResultStore store, Shard shard) {
    List<CellJob> cells = study.cells();
    Map<String, CellJob> byKey = new LinkedHashMap<>();
    cells.forEach(c -> byKey.putIfAbsent(c.key(), c));
    int stored = 0;
    int owned = 0;
    int ownedStored = 0;
    int retries = 0;
    List<CellJob> todo = new ArrayList<>();
    Set<String> needed = new LinkedHashSet<>();
    Set<String> present = new java.util.HashSet<>();
    for (CellJob c : byKey.values()) {
      Optional<StoredCell> s = store.find(c.key());
      if (s.isPresent()) {
        stored++;
        present.add(c.key());
      }
      if (!shard.owns(c.key())) {
        continue;
      }
      owned++;
      CellJob job = c;
      if (s.isPresent()) {
        job = study.resume(c, s.get());
        if (job == null) {
          ownedStored++;
          continue;
        }
        retries++;
      }
      todo.add(job);
      needed.addAll(job.needs());
    }
    List<CellJob> prerequisites = new ArrayList<>();
    for (String k : needed) {
      CellJob p = byKey.get(k);
      if (p == null) {
        throw new IllegalStateException(study.name() + ": a cell needs " + k + ", which is not a cell of the study");
      }
      if (!present.contains(k) && !todo.contains(p)) {
        prerequisites.add(p);
      }
    }
    List<CellJob> ordered = new ArrayList<>(prerequisites);
    ordered.addAll(todo);
    return new Plan(byKey.size(), stored, owned, ownedStored, retries, prerequisites.size(), ordered);
  }

  /**
   * Runs (or resumes) the study with the given options and returns its stored results. Concurrent runs on one
   * database split the cells through the store's claims ({@link ClaimSession}): none is computed twice, and a dead
   * run's cells are taken over when its lease expires. A failed write ({@link StoreException}: disk full, read-only
   * file) stops the run cleanly: what was stored stays, and a resume continues. Every owned cell that failed, was
   * not saved or is still missing is counted in {@link RunSummary#failed()} with its reason.
   */
  public static RunSummary run(Study study, RunOptions o) throws InterruptedException {
    long start = System.nanoTime();
    PrintStream log = o.log();
    try (ResultStore store = ResultStore.open(o.database()); ClaimSession claims = new ClaimSession(store)) {
      // Stored cells the study asks to recompute (e.g. a theory retry) need no claim (a stored cell is never
      // claimable). They are the cells stored BEFORE planning: a cell another run stores later is claimed, found done.
      Set<String> storedBefore = new java.util.HashSet<>();
      for (CellJob c : study.cells()) {
        if (o.shard().owns(c.key()) && store.find(c.key()).isPresent()) {
          storedBefore.add(c.key());
        }
      }
      Plan plan = plan(study, store, o.shard());
      List<CellJob> left = new ArrayList<>(plan.todo());
      Set<String> retries = new java.util.HashSet<>();
      for (CellJob j : left) {
        if (storedBefore.contains(j.key())) {
          retries.add(j.key());
        }
      }
      SweepExecutor base = o.executor() != null ? o.executor() : new LocalSweepExecutor(o.threads());
      SweepExecutor executor = study.isolated() ? new ProcessSweepExecutor(base) : base;
      if (log != null) {
        log.println(plan.describe(study.name(), o.shard(), o.database()) + " on " + executor.name());
      }
      AtomicInteger computed = new AtomicInteger();
      AtomicBoolean stopped = new AtomicBoolean();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      Progress progress = log == null || left.isEmpty() ? null : Progress.forConsole(log, left.size());
      int batchSize = Math.max(8, 4 * o.threads());
      while (!left.isEmpty() && !stopped.get()) {
        // one wave: jobs whose inputs are stored and that this run could claim (a few per thread, so concurrent runs
        // share the work); the threads split evenly over the jobs running at once
        List<CellJob> ready = new ArrayList<>();
        List<CellJob> blocked = new ArrayList<>();
        boolean othersHoldSome = false;
        for (CellJob j : left) {
          if (ready.size() >= batchSize || stopped.get() || store.findAll(j.needs()).size() != j.needs().size()) {
            blocked.add(j);
            continue;
          }
          Claim c;
          try {
            c = retries.contains(j.key()) ? Claim.CLAIMED : claims.claim(j.key());
          } catch (StoreException ex) {
            stop(stopped, ex, log);
            blocked.add(j);
            continue;
          }
          if (c == Claim.CLAIMED) {
            ready.add(j);
          } else if (c == Claim.DONE) {
            if (progress != null) {
              progress.step(true); // another run stored it meanwhile
            }
          } else {
            othersHoldSome = true;
            blocked.add(j);
          }
        }
        if (stopped.get()) {
          ready.forEach(j -> claims.release(j.key()));
          blocked.addAll(ready);
          left = blocked;
          break;
        }
        int threadsPerJob = ready.isEmpty() ? 1 : Math.max(1, o.threads() / Math.min(o.threads(), ready.size()));
        List<CellJob> wave = new ArrayList<>();
        for (CellJob j : ready) {
          wave.add((j.needs().isEmpty() ? j : j.withInputs(store.findAll(j.needs()))).withThreads(threadsPerJob));
        }
        wave.sort(java.util.Comparator.comparingDouble(CellJob::cost).reversed());
        if (wave.isEmpty()) {
          if (othersHoldSome) {
            Thread.sleep(Math.min(1000, Math.max(10, claims.leaseMillis() / 4))); // wait for the other runs
            left = blocked;
            continue;
          }
          for (CellJob j : blocked) {
            failures.add(j.label() + ": a cell it needs failed");
            if (progress != null) {
              progress.step(false);
            }
          }
          left = List.of();
          break;
        }
        executor.execute(wave, out -> {
          String key = out.job().key();
          try {
            if (stopped.get()) {
              failures.add(out.job().label() + ": not saved: the run stopped after a failed write");
            } else if (out.ok()) {
              store.put(out.cell());
              computed.incrementAndGet();
              String partial = study.failure(out.job(), out.cell());
              if (partial != null) {
                failures.add(out.job().label() + ": " + partial);
              }
            } else {
              Throwable t = out.failure();
              failures.add(out.job().label() + ": " + t.getClass().getSimpleName() + ": " + t.getMessage());
            }
          } catch (StoreException ex) {
            stop(stopped, ex, log);
            failures.add(out.job().label() + ": not saved: " + ex.getMessage());
          } finally {
            if (!retries.contains(key)) {
              claims.release(key);
            }
            if (progress != null) {
              progress.step(out.ok() && !stopped.get());
            }
          }
        });
        left = blocked;
      }
      for (CellJob j : left) {
        failures.add(j.label() + ": not computed: the run stopped after a failed write");
      }
      if (progress != null) {
        progress.finish();
      }
      StudyResults results = results(study, store);
      int missing = 0;
      for (CellJob c : study.cells()) {
        if (o.shard().owns(c.key()) && store.find(c.key()).isEmpty()) {
          missing++;
        }
      }
      int unaccounted = Math.max(0, missing - failures.size());
      int failed = failures.size() + unaccounted;
      if (unaccounted > 0) {
        failures.add(unaccounted + " more owned cells are not in the database (run again to resume)");
      }
      return new RunSummary(study.name(), plan, computed.get(), failed, (System.nanoTime() - start) / 1e9, results,
          failures);
    }
  }

  private static void stop(AtomicBoolean stopped, StoreException ex, PrintStream log) {
    if (stopped.compareAndSet(false, true) && log != null) {
      log.println("error: " + ex.getMessage() + "; stopping (stored cells are kept; run again to resume)");
    }
  }

  /** The study's cells and every stored result of them. */
  public static StudyResults results(Study study, ResultStore store) {
    List<CellJob> cells = study.cells();
    Map<String, StoredCell> stored = new HashMap<>();
    for (CellJob c : cells) {
      store.find(c.key()).ifPresent(s -> stored.put(c.key(), s));
    }
    return new StudyResults(cells, stored);
  }
}
