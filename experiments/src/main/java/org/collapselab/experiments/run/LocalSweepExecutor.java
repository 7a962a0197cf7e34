package org.collapselab.experiments.run;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    if (jobs.isEmpty()) {
      return;
    }
    AtomicInteger id = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
      Thread t = new Thread(r, "collapselab-cell-" + id.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CountDownLatch left = new CountDownLatch(jobs.size());
    try {
      for (CellJob job : jobs) {
        pool.execute(() -> {
          CellOutcome out;
          try {
            out = new CellOutcome(job, job.compute(), null);
          } catch (Throwable t) {
            out = new CellOutcome(job, null, t);
          }
          try {
            onDone.accept(out);
          } finally {
            left.countDown();
          }
        });
      }
      left.await();
    } finally {
      pool.shutdownNow();
    }
  }
}
