package org.collapselab.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.experiments.run.CellOutcome;
import org.collapselab.experiments.run.LocalSweepExecutor;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two worker members and a lite driver in one JVM on 127.0.0.1: the cluster computes the same cells as a local run. */
@Tag("cluster")
class HazelcastSweepExecutorTest {
    private static final List<HazelcastInstance> NODES = new ArrayList<>();
    private static HazelcastInstance driver;
    static final String SECRET = "test-secret-0123456789";

    /** A small simulation cell: deterministic given its fields. */
    record SimCell(String key, Problem problem, long seed) implements CellJob {
        @Override
        public StoredCell compute() {
            SimulationResult r = Simulator.simulate(problem, 4, seed, 1);
            String runs = java.util.Arrays.toString(r.runs());
            return new StoredCell(
                    key,
                    "hz-test",
                    "{\"n\":" + problem.n() + "}",
                    "{\"runs\":\"" + runs + "\"}",
                    r.seconds(),
                    "test",
                    0L);
        }
    }

    /** A cell that always fails, to check failures come back as outcomes rather than hanging the sweep. */
    record FailingCell(String key) implements CellJob {
        @Override
        public StoredCell compute() {
            throw new IllegalStateException("boom in " + key);
        }
    }

    @BeforeAll
    static void startCluster() {
        ClusterSettings settings = new ClusterSettings(
                "collapselab-test-" + ProcessHandle.current().pid(),
                List.of("127.0.0.1:5901", "127.0.0.1:5902"),
                5901,
                false,
                "127.0.0.1",
                SECRET);
        NODES.add(ClusterNodes.startWorker(settings));
        NODES.add(ClusterNodes.startWorker(settings));
        driver = ClusterNodes.startDriver(settings);
    }

    @AfterAll
    static void stopCluster() {
        if (driver != null) {
            driver.shutdown();
        }
        NODES.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void clusterComputesTheSameCellsAsTheLocalExecutor() throws Exception {
        assertThat(driver.getCluster().getMembers()).hasSize(3);
        List<CellJob> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(new SimCell(
                    "cell-" + i, Problem.ridge(Spectrum.powerLaw(30, 1.0), 40 + 10 * i, 0.2, 1, 0.3, 0.01), i));
        }
        Map<String, String> remote = new ConcurrentHashMap<>();
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        new HazelcastSweepExecutor(driver, 4).execute(jobs, o -> {
            if (o.ok()) {
                remote.put(o.cell().key(), o.cell().resultJson());
            } else {
                failed.add(o.job().key() + ": " + o.failure());
            }
        });
        Map<String, String> local = new ConcurrentHashMap<>();
        new LocalSweepExecutor(2)
                .execute(jobs, o -> local.put(o.cell().key(), o.cell().resultJson()));
        assertThat(failed).isEmpty();
        assertThat(remote).hasSize(12).isEqualTo(local);
    }

    @Test
    void anErrorThrownByTheCallbackIsRethrownNotLost() {
        List<CellJob> jobs = List.of(
                new SimCell("a", Problem.ridge(Spectrum.powerLaw(10, 1.0), 20, 0.2, 1, 0.3, 0.01), 1),
                new SimCell("b", Problem.ridge(Spectrum.powerLaw(10, 1.0), 30, 0.2, 1, 0.3, 0.01), 2));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> new HazelcastSweepExecutor(driver, 2).execute(jobs, o -> {
                    calls.incrementAndGet();
                    throw new AssertionError("callback failed on " + o.job().key());
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("callback failed on ");
        assertThat(calls).hasValue(2);
    }

    @Test
    void transientClusterErrorsAreRetriedAndCellFailuresAreNot() {
        assertThat(HazelcastSweepExecutor.isTransient(new com.hazelcast.core.OperationTimeoutException("slow")))
                .isTrue();
        assertThat(HazelcastSweepExecutor.isTransient(new com.hazelcast.spi.exception.TargetNotMemberException("gone")))
                .isTrue();
        assertThat(HazelcastSweepExecutor.isTransient(new com.hazelcast.core.MemberLeftException("left")))
                .isTrue();
        assertThat(HazelcastSweepExecutor.isTransient(new IllegalStateException("boom")))
                .isFalse();
    }

    @Test
    void aFailingCellIsReportedNotLost() throws Exception {
        List<CellOutcome> outcomes = new ArrayList<>();
        new HazelcastSweepExecutor(driver, 2).execute(List.of(new FailingCell("bad")), o -> {
            synchronized (outcomes) {
                outcomes.add(o);
            }
        });
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).ok()).isFalse();
        assertThat(outcomes.get(0).failure()).hasMessageContaining("boom in bad");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new ClusterSettings("c", List.of(), 5701, false, null, SECRET))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("members must be a comma-separated list");
        assertThatThrownBy(() -> new ClusterSettings("c", List.of("h"), 70000, false, null, SECRET))
                .hasMessage("port must be an integer in [1, 65535], got 70000");
    }
}
