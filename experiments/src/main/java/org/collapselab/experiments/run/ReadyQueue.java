package org.collapselab.experiments.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.experiments.store.Claim;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoreException;
import org.collapselab.experiments.study.CellJob;

/**
 * The runner's dependency-aware {@link JobSource}: hands out a job as soon as every cell it needs is stored (no
 * waves: a cell that needs nothing starts beside a prerequisite that is still computing), claims it for this run at
 * that moment (so concurrent runs on one database share the cells), and picks among runnable jobs those other jobs
 * wait for first, then the costliest ({@link CellJob#cost()}, longest first, so no long job is left to run alone at
 * the end).
 *
 * <p>Threads: the run has {@code threads} (the machine's cores by default). A job gets the threads no running job
 * holds, split over the jobs runnable at that moment: {@code max(1, free / runnable)}. So a prerequisite that runs
 * alone (a language-model generator) gets every core, and a full queue gives each job one thread. A pull worker
 * waits while every thread is held.
 */
final class ReadyQueue implements JobSource {
    private final ResultStore store;
    private final ClaimSession claims;
    private final Set<String> retries;
    private final int threads;
    private final int batchSize;
    private final Progress progress;
    private final List<String> failures;
    private final PrintStream log;
    private final List<CellJob> pending;
    private final Set<String> stored = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Map<String, Integer> running = new HashMap<>();
    private int busy;
    private boolean stopped;
    private boolean othersHold; // the last pass found runnable cells claimed by another run

    /**
     * A queue over {@code todo}.
     *
     * @param todo the jobs to run (prerequisites included)
     * @param retries keys of stored cells being recomputed (taken without a claim)
     * @param threads threads of this run (≥ 1)
     * @param progress progress bar, or null
     * @param failures where failure lines go (synchronized list)
     * @param log status lines, or null
     */
    ReadyQueue(
            ResultStore store,
            ClaimSession claims,
            List<CellJob> todo,
            Set<String> retries,
            int threads,
            Progress progress,
            List<String> failures,
            PrintStream log) {
        this.store = store;
        this.claims = claims;
        this.retries = retries;
        this.threads = threads;
        this.batchSize = Math.max(8, 4 * threads);
        this.progress = progress;
        this.failures = failures;
        this.log = log;
        this.pending = prioritised(todo);
    }

    /** Jobs others need first (most dependents first), then by cost, longest first; otherwise in plan order. */
    static List<CellJob> prioritised(List<CellJob> todo) {
        Map<String, Integer> dependents = new HashMap<>();
        for (CellJob j : todo) {
            j.needs().forEach(k -> dependents.merge(k, 1, Integer::sum));
        }
        List<CellJob> out = new ArrayList<>(todo);
        out.sort(Comparator.<CellJob>comparingInt(j -> dependents.getOrDefault(j.key(), 0))
                .reversed()
                .thenComparing(Comparator.comparingDouble(CellJob::cost).reversed()));
        return out;
    }

    @Override
    public synchronized CellJob take() throws InterruptedException {
        while (!stopped) {
            if (busy < threads) {
                List<CellJob> got = claimReady(1);
                if (got == null) {
                    return null;
                }
                if (!got.isEmpty()) {
                    return got.get(0);
                }
            }
            if (running.isEmpty() && !othersHold) {
                return null;
            }
            wait(pollMillis());
        }
        return null;
    }

    @Override
    public synchronized List<CellJob> takeBatch() throws InterruptedException {
        while (!stopped) {
            List<CellJob> got = claimReady(batchSize);
            if (got == null) {
                return List.of();
            }
            if (!got.isEmpty()) {
                return got;
            }
            if (running.isEmpty() && !othersHold) {
                return List.of();
            }
            wait(pollMillis());
        }
        return List.of();
    }

    /** A job handed out has finished; {@code ok} when its cell is now stored. Wakes waiting workers. */
    synchronized void finished(String key, boolean ok) {
        Integer t = running.remove(key);
        busy -= t == null ? 0 : t;
        (ok ? stored : failed).add(key);
        notifyAll();
    }

    /** Stops handing out jobs after a failed write (logged once); waiting workers return. */
    synchronized void stop(StoreException ex) {
        if (!stopped && log != null) {
            log.println("error: " + ex.getMessage() + "; stopping (stored cells are kept; run again to resume)");
        }
        stopped = true;
        notifyAll();
    }

    /** True once a failed write stopped the run. */
    synchronized boolean stopped() {
        return stopped;
    }

    /** Jobs never handed out (after a stop). */
    synchronized List<CellJob> left() {
        return List.copyOf(pending);
    }

    /**
     * Claims up to {@code max} runnable jobs and returns them ready to run (inputs attached, threads set); empty when
     * none is runnable now; null when the run must stop, or nothing is left and nothing can unblock what is. Jobs whose
     * need failed are failed here.
     */
    private List<CellJob> claimReady(int max) {
        othersHold = false;
        Set<String> absent = new HashSet<>(); // looked up in this pass and not stored
        List<CellJob> ready = new ArrayList<>();
        int runnable = 0;
        for (var it = pending.iterator(); it.hasNext(); ) {
            if (ready.size() >= max && runnable >= threads) {
                break; // enough to decide the threads: each of these gets one (keeps a pass short on large grids)
            }
            CellJob j = it.next();
            if (j.needs().stream().anyMatch(failed::contains)) {
                it.remove();
                fail(j, "a cell it needs failed");
                continue;
            }
            if (!j.needs().stream().allMatch(k -> isStored(k, absent))) {
                continue;
            }
            runnable++;
            if (ready.size() >= max) {
                continue;
            }
            Claim c;
            try {
                c = retries.contains(j.key()) ? Claim.CLAIMED : claims.claim(j.key());
            } catch (StoreException ex) {
                ready.forEach(r -> claims.release(r.key()));
                pending.addAll(0, ready);
                stop(ex);
                return null;
            }
            if (c == Claim.CLAIMED) {
                it.remove();
                ready.add(j);
            } else if (c == Claim.DONE) {
                it.remove();
                stored.add(j.key());
                runnable--;
                if (progress != null) {
                    progress.step(true, j); // another run stored it meanwhile
                }
            } else {
                othersHold = true;
                runnable--;
            }
        }
        if (ready.isEmpty() && running.isEmpty() && !othersHold && !pending.isEmpty()) {
            for (CellJob j : pending) {
                fail(j, "a cell it needs failed");
            }
            pending.clear();
        }
        int free = Math.max(1, threads - busy);
        int each = Math.max(1, free / Math.max(1, runnable));
        List<CellJob> out = new ArrayList<>(ready.size());
        for (CellJob j : ready) {
            CellJob run = (j.needs().isEmpty() ? j : j.withInputs(store.findAll(j.needs()))).withThreads(each);
            running.put(j.key(), each);
            busy += each;
            out.add(run);
        }
        return out;
    }

    private boolean isStored(String key, Set<String> absent) {
        if (stored.contains(key)) {
            return true;
        }
        if (absent.contains(key)) {
            return false;
        }
        if (store.find(key).isPresent()) { // e.g. stored by another run on the same database
            stored.add(key);
            return true;
        }
        absent.add(key);
        return false;
    }

    private void fail(CellJob j, String why) {
        failures.add(j.label() + ": " + why);
        if (progress != null) {
            progress.step(false, j);
        }
    }

    private long pollMillis() {
        return Math.min(1000, Math.max(10, claims.leaseMillis() / 4));
    }
}
