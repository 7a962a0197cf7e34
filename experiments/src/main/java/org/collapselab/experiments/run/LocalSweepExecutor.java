package org.collapselab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.collapselab.experiments.study.CellJob;

/** Runs cells on a fixed pool of threads on this machine (the default engine). */
public final class LocalSweepExecutor implements SweepExecutor {
    private final int threads;

    /** A pool of {@code threads} workers (≥ 1). */
    public LocalSweepExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local(" + threads + ")";
    }

    @Override
    public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException {
        List<CellJob> left = new ArrayList<>(jobs);
        execute(
                new JobSource() {
                    @Override
                    public synchronized CellJob take() {
                        return left.isEmpty() ? null : left.remove(0);
                    }

                    @Override
                    public List<CellJob> takeBatch() {
                        throw new UnsupportedOperationException("a pool takes one job at a time");
                    }
                },
                onDone);
    }

    /**
     * {@code threads} workers, each taking the next job as soon as it is free (the source blocks it while no job is
     * runnable). A callback that throws does not stop the others: its first error is rethrown at the end.
     */
    @Override
    public void execute(JobSource source, Consumer<CellOutcome> onDone) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(() -> work(source, onDone, error), "collapselab-cell-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } finally {
            workers.forEach(Thread::interrupt); // only matters when this thread was interrupted: stop the workers
        }
        if (error.get() instanceof RuntimeException e) {
            throw e;
        } else if (error.get() instanceof InterruptedException e) {
            throw e;
        } else if (error.get() != null) {
            throw new IllegalStateException(error.get());
        }
    }

    private static void work(JobSource source, Consumer<CellOutcome> onDone, AtomicReference<Throwable> error) {
        try {
            for (CellJob job = source.take(); job != null; job = source.take()) {
                CellOutcome out;
                try {
                    out = new CellOutcome(job, job.compute(), null);
                } catch (Throwable t) {
                    out = new CellOutcome(job, null, t);
                }
                try {
                    onDone.accept(out);
                } catch (RuntimeException e) {
                    error.compareAndSet(null, e);
                }
            }
        } catch (InterruptedException e) {
            error.compareAndSet(null, e);
        }
    }
}
