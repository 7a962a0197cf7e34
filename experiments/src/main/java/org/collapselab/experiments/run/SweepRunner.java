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
                throw new IllegalStateException(
                        study.name() + ": a cell needs " + k + ", which is not a cell of the study");
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
        try (ResultStore store = ResultStore.open(o.database());
                ClaimSession claims = new ClaimSession(store)) {
            // Stored cells the study asks to recompute (e.g. a theory retry) need no claim (a stored cell is never
            // claimable). They are the cells stored BEFORE planning: a cell another run stores later is claimed, found
            // done.
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
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Progress progress = log == null || left.isEmpty() ? null : Progress.forConsole(log, left);
            ReadyQueue queue = new ReadyQueue(store, claims, left, retries, o.threads(), progress, failures, log);
            executor.execute(queue, out -> {
                String key = out.job().key();
                boolean saved = false;
                try {
                    if (queue.stopped()) {
                        failures.add(out.job().label() + ": not saved: the run stopped after a failed write");
                    } else if (out.ok()) {
                        store.put(out.cell());
                        saved = true;
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
                    queue.stop(ex);
                    failures.add(out.job().label() + ": not saved: " + ex.getMessage());
                } finally {
                    if (!retries.contains(key)) {
                        claims.release(key);
                    }
                    queue.finished(key, saved);
                    if (progress != null) {
                        progress.step(saved, out.job());
                    }
                }
            });
            left = queue.left();
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
            return new RunSummary(
                    study.name(), plan, computed.get(), failed, (System.nanoTime() - start) / 1e9, results, failures);
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
