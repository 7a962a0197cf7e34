package org.collapselab.distributed;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.run.CellOutcome;
import org.collapselab.experiments.run.SweepExecutor;

/**
 * Runs sweep cells on a Hazelcast cluster: each {@link CellJob} is submitted to the cluster's executor service and
 * runs on some member; results come back to this driver, which stores them as they arrive (so the result database
 * lives in one place). Cells are idempotent, so a cell whose member left the cluster is simply resubmitted.
 * At most {@code maxInFlight} cells are outstanding at once so a large sweep does not flood the cluster queue
 * (choose it as the total worker cores).
 */
public final class HazelcastSweepExecutor implements SweepExecutor {
  /** Name of the distributed executor service used for cells. */
  public static final String EXECUTOR_NAME = "collapselab-cells";
  private static final int MAX_ATTEMPTS = 3;

  private final HazelcastInstance hazelcast;
  private final int maxInFlight;

  public HazelcastSweepExecutor(HazelcastInstance hazelcast, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    this.hazelcast = hazelcast;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public String name() {
    return "hazelcast(" + hazelcast.getCluster().getMembers().size() + " members)";
  }

  @Override
  public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException {
    IExecutorService executor = hazelcast.getExecutorService(EXECUTOR_NAME);
    // Each waiting thread holds one in-flight cell; the cells themselves run on the cluster members.
    ExecutorService waiters = Executors.newFixedThreadPool(maxInFlight, r -> {
      java.lang.Thread t = new java.lang.Thread(r, "collapselab-hz-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      for (CellJob job : jobs) {
        waiters.execute(() -> onDone.accept(runWithRetry(executor, job)));
      }
      waiters.shutdown();
      while (!waiters.awaitTermination(1, TimeUnit.HOURS)) {
        // keep waiting: long sweeps are normal
      }
    } finally {
      waiters.shutdownNow();
    }
  }

  private static CellOutcome runWithRetry(IExecutorService executor, CellJob job) {
    Throwable last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        Future<RemoteCell.Payload> f = executor.submit(new RemoteCell(job));
        return new CellOutcome(job, f.get().toCell(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CellOutcome(job, null, e);
      } catch (ExecutionException e) {
        last = e.getCause() == null ? e : e.getCause();
        if (!(last instanceof MemberLeftException || last instanceof TargetNotMemberException)) {
          break; // the cell itself failed: retrying would fail the same way
        }
      } catch (RuntimeException e) {
        last = e;
      }
    }
    return new CellOutcome(job, null, last);
  }
}
