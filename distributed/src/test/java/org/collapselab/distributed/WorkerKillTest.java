package org.collapselab.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A worker that dies mid-sweep (terminated, as by kill -9): every cell still comes back once, none is lost. */
@Tag("cluster")
@Tag("fault")
class WorkerKillTest {
    /** A cell that takes a while, so some are running on the worker when it dies. */
    record SlowCell(String key) implements CellJob {
        @Override
        public StoredCell compute() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StoredCell(key, "kill-test", "{}", "{\"v\":\"" + key + "\"}", 0.3, "test", 0L);
        }
    }

    @Test
    void cellsOnAKilledWorkerAreResubmittedNotLost() throws Exception {
        List<String> members = List.of("127.0.0.1:5941", "127.0.0.1:5942");
        ClusterSettings s =
                new ClusterSettings("kill-test", members, 5941, false, "127.0.0.1", "kill-test-secret-0123");
        HazelcastInstance survivor = ClusterNodes.startWorker(s);
        HazelcastInstance victim = ClusterNodes.startWorker(s);
        HazelcastInstance driver = ClusterNodes.startDriver(s);
        try {
            List<CellJob> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                jobs.add(new SlowCell("c" + i));
            }
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            List<Throwable> failures = new ArrayList<>();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                victim.getLifecycleService().terminate(); // no graceful hand-over
            });
            killer.start();
            new HazelcastSweepExecutor(driver, 6).execute(jobs, o -> {
                if (o.ok()) {
                    seen.merge(o.cell().key(), 1, Integer::sum);
                } else {
                    synchronized (failures) {
                        failures.add(o.failure());
                    }
                }
            });
            killer.join();
            assertThat(failures).isEmpty();
            assertThat(seen).hasSize(16).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            assertThat(survivor.getCluster().getMembers()).hasSize(2); // survivor + driver
        } finally {
            driver.shutdown();
            if (victim.getLifecycleService().isRunning()) {
                victim.shutdown();
            }
            survivor.shutdown();
        }
    }
}
