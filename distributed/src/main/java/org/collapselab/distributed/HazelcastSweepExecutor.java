package org.collapselab.distributed;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.partition.NoDataMemberInClusterException;
import com.hazelcast.spi.exception.RetryableException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.collapselab.experiments.run.CellOutcome;
import org.collapselab.experiments.run.SweepExecutor;
import org.collapselab.experiments.study.CellJob;

/**
 * Runs sweep cells on a Hazelcast cluster: each {@link CellJob} is submitted to the cluster's executor service and
 * runs on some member; results come back to this driver, which stores them as they arrive (so the result database
 * lives in one place). Cells are idempotent, so a cell whose member left the cluster, or whose call timed out or met
 * another transient cluster error ({@link RetryableException}), is simply resubmitted; every cell yields exactly one
 * outcome, and an error thrown by the callback (even an {@link Error}) is rethrown after all cells, never dropped.
 * At most {@code maxInFlight} cells are outstanding at once so a large sweep does not flood the cluster queue
 * (choose it as the total worker cores). Jobs and replies travel signed with the cluster secret ({@link SignedCell}).
 */
public final class HazelcastSweepExecutor implements SweepExecutor {
    /** Name of the distributed executor service used for cells. */
    public static final String EXECUTOR_NAME = "collapselab-cells";

    private static final int MAX_ATTEMPTS = 3;
    /** How long a driver waits for a worker to be in the cluster (at the start, or after all have left). */
    static final long WORKER_WAIT_MILLIS = Long.getLong("collapselab.cluster.workerWaitMillis", 20_000);

    private final HazelcastInstance hazelcast;
    private final int maxInFlight;
    private final ClusterKey key;

    /** A driver started by {@link ClusterNodes#startDriver} (it holds the cluster secret). */
    public HazelcastSweepExecutor(HazelcastInstance hazelcast, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.hazelcast = hazelcast;
        this.maxInFlight = maxInFlight;
        this.key = (ClusterKey) hazelcast.getUserContext().get(ClusterKey.CONTEXT);
        if (key == null) {
            throw new IllegalStateException("not a node started by ClusterNodes: it has no cluster secret");
        }
    }

    /**
     * Waits until a worker (a data member) is in the cluster; one line with the likely causes when none comes within
     * {@link #WORKER_WAIT_MILLIS} (a node with another secret or cluster name is refused at join, so it looks absent).
     */
    public void awaitWorker() throws InterruptedException {
        if (!waitForWorker()) {
            throw new IllegalStateException(
                    "no worker joined the cluster within " + WORKER_WAIT_MILLIS / 1000 + " s: start "
                            + "'collapselab worker' with the same --members, --cluster and cluster secret (a node with another secret "
                            + "is refused at join and never appears)");
        }
    }

    private boolean waitForWorker() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WORKER_WAIT_MILLIS;
        while (hazelcast.getCluster().getMembers().stream().allMatch(Member::isLiteMember)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    @Override
    public String name() {
        return "hazelcast(" + hazelcast.getCluster().getMembers().size() + " members)";
    }

    @Override
    public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone) throws InterruptedException {
        awaitWorker();
        IExecutorService executor = hazelcast.getExecutorService(EXECUTOR_NAME);
        // Each waiting thread holds one in-flight cell; the cells themselves run on the cluster members.
        ExecutorService waiters = Executors.newFixedThreadPool(maxInFlight, r -> {
            java.lang.Thread t = new java.lang.Thread(r, "collapselab-hz-cell");
            t.setDaemon(true);
            return t;
        });
        // A callback that throws (e.g. a failed write) must not kill a waiter silently: rethrown after all cells.
        java.util.concurrent.atomic.AtomicReference<Throwable> callbackError =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            for (CellJob job : jobs) {
                waiters.execute(() -> {
                    CellOutcome out = runWithRetry(executor, job, key, this);
                    try {
                        onDone.accept(out);
                    } catch (RuntimeException | Error e) {
                        callbackError.compareAndSet(null, e);
                    }
                });
            }
            waiters.shutdown();
            while (!waiters.awaitTermination(1, TimeUnit.HOURS)) {
                // keep waiting: long sweeps are normal
            }
            Throwable failed = callbackError.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed != null) {
                throw (Error) failed;
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    private static CellOutcome runWithRetry(
            IExecutorService executor, CellJob job, ClusterKey key, HazelcastSweepExecutor self) {
        Throwable last = null;
        SignedCell signed = SignedCell.of(job, key);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Future<SignedReply> f = executor.submit(signed);
                Reply r = f.get().open(key);
                return r.failure() == null
                        ? new CellOutcome(job, r.cell(), null)
                        : new CellOutcome(job, null, new FailedOnWorker(r.failure()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CellOutcome(job, null, e);
            } catch (ExecutionException e) {
                last = e.getCause() == null ? e : e.getCause();
                if (!isTransient(last)) {
                    break; // the cell itself failed: retrying would fail the same way
                }
            } catch (NoDataMemberInClusterException e) {
                last = new IllegalStateException(
                        "every worker left the cluster; none came back within " + WORKER_WAIT_MILLIS / 1000 + " s");
                try {
                    if (!self.waitForWorker()) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new CellOutcome(job, null, ie);
                }
            } catch (RuntimeException e) {
                last = e; // a submission refused by this node (e.g. a timed-out invocation): try again
            }
        }
        return new CellOutcome(job, null, last);
    }

    /** A cluster error after which the same cell may succeed: a member left, a call timed out, a partition moved. */
    static boolean isTransient(Throwable t) {
        return t instanceof MemberLeftException
                || t instanceof RetryableException
                || t instanceof OperationTimeoutException;
    }

    /** A cell that failed on a worker: the worker's one-line account of it (class name and message). */
    public static final class FailedOnWorker extends Exception {
        private static final long serialVersionUID = 1L;

        FailedOnWorker(String message) {
            super(message);
        }
    }
}
