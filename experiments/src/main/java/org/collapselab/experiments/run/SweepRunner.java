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
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.experiments.store.ResultStore;
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

  /** Runs (or resumes) the study with the given options and returns its stored results. */
  public static RunSummary run(Study study, RunOptions o) throws InterruptedException {
    long start = System.nanoTime();
    PrintStream log = o.log();
    try (ResultStore store = ResultStore.open(o.database())) {
      Plan plan = plan(study, store, o.shard());
      List<CellJob> left = new ArrayList<>(plan.todo());
      SweepExecutor base = o.executor() != null ? o.executor() : new LocalSweepExecutor(o.threads());
      SweepExecutor executor = study.isolated() ? new ProcessSweepExecutor(base) : base;
      if (log != null) {
        log.println(plan.describe(study.name(), o.shard(), o.database()) + " on " + executor.name());
      }
      AtomicInteger computed = new AtomicInteger();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      Progress progress = log == null || left.isEmpty() ? null : Progress.forConsole(log, left.size());
      while (!left.isEmpty()) {
        // one wave: every job whose inputs are stored; the threads split evenly over the jobs running at once
        List<CellJob> ready = new ArrayList<>();
        List<CellJob> blocked = new ArrayList<>();
        for (CellJob j : left) {
          (store.findAll(j.needs()).size() == j.needs().size() ? ready : blocked).add(j);
        }
        int threadsPerJob = ready.isEmpty() ? 1 : Math.max(1, o.threads() / Math.min(o.threads(), ready.size()));
        List<CellJob> wave = new ArrayList<>();
        for (CellJob j : ready) {
          wave.add((j.needs().isEmpty() ? j : j.withInputs(store.findAll(j.needs()))).withThreads(threadsPerJob));
        }
        wave.sort(java.util.Comparator.comparingDouble(CellJob::cost).reversed());
        if (wave.isEmpty()) {
          for (CellJob j : blocked) {
            failures.add(j.label() + ": a cell it needs failed");
            if (progress != null) {
              progress.step(false);
            }
          }
          break;
        }
        executor.execute(wave, out -> {
          if (out.ok()) {
            store.put(out.cell());
            computed.incrementAndGet();
          } else {
            Throwable t = out.failure();
            failures.add(out.job().label() + ": " + t.getClass().getSimpleName() + ": " + t.getMessage());
          }
          if (progress != null) {
            progress.step(out.ok());
          }
        });
        left = blocked;
      }
      if (progress != null) {
        progress.finish();
      }
      return new RunSummary(study.name(), plan, computed.get(), failures.size(), (System.nanoTime() - start) / 1e9,
          results(study, store), failures);
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
