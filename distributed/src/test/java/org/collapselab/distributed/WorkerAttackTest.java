package org.collapselab.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the attack on a worker: a process that knows the cluster name (it travels in clear; on loopback without a
 * secret it is just "collapselab") connects as a Hazelcast client, or joins as a member, and submits the project's
 * own process-executor child job carrying {@code ["/bin/sh", "-c", CMD]} inside the remote-cell callable. The
 * command would create a file. Asserted: the file is never created, and the worker survives and still computes a
 * legitimate driver's cell.
 *
 * <p>The attacker needs no Collapse Lab classes of the worker's version: the payload is Java serialisation bytes
 * made from stand-in records whose class names are rewritten to the worker's ({@link Payloads}), sent as raw
 * Hazelcast data.
 */
@Tag("cluster")
@Tag("fault")
class WorkerAttackTest {
    @TempDir
    Path tmp;

    /** A harmless cell, present on the worker's class path: the wrapped job of the attack and the legitimate cell. */
    record Decoy(String key) implements CellJob {
        @Override
        public StoredCell compute() {
            return new StoredCell(key, "attack-test", "{}", "{\"ok\":true}", 0, "test", 0L);
        }
    }

    @Test
    void aShippedCommandLineIsNeverRun() throws Exception {
        List<String> members = List.of("127.0.0.1:5951", "127.0.0.1:5952");
        ClusterSettings settings =
                new ClusterSettings("attack-test", members, 5951, false, "127.0.0.1", "worker-secret-0123456789");
        HazelcastInstance worker = ClusterNodes.startWorker(settings);
        long refusedBefore = NodeLog.count("class");
        try {
            int port = worker.getCluster().getLocalMember().getAddress().getPort();
            // 1. A client that knows the (clear-text) cluster name.
            Path byClient = tmp.resolve("pwned-by-client");
            ClientConfig cc = new ClientConfig();
            cc.setClusterName(settings.effectiveClusterName());
            cc.getNetworkConfig().addAddress("127.0.0.1:" + port);
            cc.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000);
            cc.setProperty("hazelcast.logging.type", "none");
            HazelcastInstance client = connect(() -> HazelcastClient.newHazelcastClient(cc));
            if (client != null) {
                try {
                    submit(client, List.of("/bin/sh", "-c", "touch " + byClient));
                } finally {
                    client.shutdown();
                }
            }
            // 2. A member that joins with the same cluster name (no filter, no secret).
            Path byMember = tmp.resolve("pwned-by-member");
            HazelcastInstance rogue =
                    Hazelcast.newHazelcastInstance(rogueConfig(settings.effectiveClusterName(), members));
            try {
                submit(rogue, List.of("/bin/sh", "-c", "touch " + byMember));
            } finally {
                rogue.shutdown();
            }
            Thread.sleep(500); // a command started in the background would have run by now
            assertThat(byClient).as("a command shipped by a client was run").doesNotExist();
            assertThat(byMember).as("a command shipped by a member was run").doesNotExist();
            // Each submission was refused by the worker's class filter (and counted for its one-line log).
            assertThat(NodeLog.count("class") - refusedBefore).isEqualTo(client == null ? 2 : 4);
            assertSurvives(worker, settings);
        } finally {
            worker.shutdown();
        }
    }

    /**
     * The same attack by someone who has this version's classes: the child job inside a signed envelope, signed with
     * a guessed secret. The worker refuses it unread, with one line, and runs nothing.
     */
    @Test
    void aJobSignedWithAnotherSecretIsRefusedUnread() throws Exception {
        List<String> members = List.of("127.0.0.1:5955", "127.0.0.1:5956");
        ClusterSettings settings =
                new ClusterSettings("attack-test2", members, 5955, false, "127.0.0.1", "worker-secret-0123456789");
        HazelcastInstance worker = ClusterNodes.startWorker(settings);
        Path marker = tmp.resolve("pwned-signed");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        try {
            HazelcastInstance rogue =
                    Hazelcast.newHazelcastInstance(rogueConfig(settings.effectiveClusterName(), members));
            long before = SignedCell.refused();
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                CellJob evil =
                        new Payloads.ChildJob(new Decoy("x"), List.of("/bin/sh", "-c", "touch " + marker), false);
                Future<SignedReply> f = rogue.getExecutorService(HazelcastSweepExecutor.EXECUTOR_NAME)
                        .submit(SignedCell.of(evil, new ClusterKey("guessed-secret-0123456789")));
                Throwable refused = null;
                try {
                    f.get(20, TimeUnit.SECONDS).open(new ClusterKey("guessed-secret-0123456789"));
                } catch (IllegalStateException | java.util.concurrent.ExecutionException e) {
                    refused = e;
                }
                assertThat(refused).as("the worker's answer").isNotNull();
            } finally {
                System.setErr(oldErr);
                rogue.shutdown();
            }
            assertThat(SignedCell.refused()).isEqualTo(before + 1);
            assertThat(err.toString(StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> l.contains("refused a job"))
                            .count())
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isLessThanOrEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
            assertThat(marker).doesNotExist();
            assertSurvives(worker, settings);
        } finally {
            System.setErr(oldErr);
            worker.shutdown();
        }
    }

    /** The worker is still running and computes a legitimate driver's cell. */
    private static void assertSurvives(HazelcastInstance worker, ClusterSettings settings) throws Exception {
        assertThat(worker.getLifecycleService().isRunning()).isTrue();
        HazelcastInstance driver = ClusterNodes.startDriver(settings);
        try {
            List<String> keys = new java.util.ArrayList<>();
            new HazelcastSweepExecutor(driver, 1).execute(List.of(new Decoy("legit")), o -> {
                assertThat(o.ok()).as(String.valueOf(o.failure())).isTrue();
                keys.add(o.cell().key());
            });
            assertThat(keys).containsExactly("legit");
        } finally {
            driver.shutdown();
        }
    }

    /** A plain Hazelcast member with the victim's cluster name: no secret, no filter. */
    private static Config rogueConfig(String clusterName, List<String> members) {
        Config mc = new Config();
        mc.setClusterName(clusterName);
        mc.setProperty("hazelcast.logging.type", "none");
        mc.setProperty("hazelcast.phone.home.enabled", "false");
        mc.setLiteMember(true);
        mc.getNetworkConfig()
                .setPort(Integer.parseInt(members.get(1).split(":")[1]))
                .getInterfaces()
                .setEnabled(true)
                .setInterfaces(List.of("127.0.0.1"));
        mc.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        mc.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        mc.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
        return mc;
    }

    /** Submits the attack to every data member and waits for each answer (an error is the expected answer). */
    private static void submit(HazelcastInstance attacker, List<String> command) throws Exception {
        SerializationService ss = ((SerializationServiceSupport) attacker).getSerializationService();
        byte[] bytes = ss.toData(Payloads.childJobAttack(command)).toByteArray();
        byte[] renamed = Payloads.rename(bytes);
        for (String executor : List.of(HazelcastSweepExecutor.EXECUTOR_NAME, "default")) {
            Future<Object> f = attacker.getExecutorService(executor).submit(new RawTask(renamed));
            try {
                f.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // refused (expected): the worker answered with an error
            }
        }
    }

    private static HazelcastInstance connect(Callable<HazelcastInstance> c) {
        try {
            return c.call();
        } catch (Exception e) {
            return null; // the worker accepts no clients: that attack is closed
        }
    }

    /** Raw Hazelcast data that is also a Callable, so an executor proxy ships its bytes unchanged. */
    static final class RawTask extends HeapData implements Callable<Object> {
        RawTask(byte[] bytes) {
            super(bytes);
        }

        @Override
        public Object call() {
            throw new UnsupportedOperationException("never runs here");
        }
    }

    /** Builds the attacker's payload: the shape of the shipped classes as of the attacked version. */
    static final class Payloads {
        /** Stand-in for the remote-cell callable: {@code record RemoteCell(CellJob job)}. */
        record RemoteCell(CellJob job) implements Callable<Object>, Serializable {
            @Override
            public Object call() {
                return null;
            }
        }

        /** Stand-in for the process executor's child job: {@code record ChildJob(CellJob job, List java, boolean reuse)}. */
        record ChildJob(CellJob job, List<String> java, boolean reuse) implements CellJob {
            @Override
            public String key() {
                return job.key();
            }

            @Override
            public StoredCell compute() {
                return null;
            }
        }

        static final String[][] NAMES = {
            {RemoteCell.class.getName(), "org.collapselab.distributed.RemoteCell"},
            {ChildJob.class.getName(), "org.collapselab.experiments.run.ProcessSweepExecutor$ChildJob"}
        };

        static Object childJobAttack(List<String> command) {
            return new RemoteCell(new ChildJob(new Decoy("x"), command, false));
        }

        /** The bytes with each stand-in class name (a length-prefixed modified-UTF-8 string) replaced by the real one. */
        static byte[] rename(byte[] data) {
            byte[] out = data;
            for (String[] n : NAMES) {
                out = replace(out, utf(n[0]), utf(n[1]));
            }
            return out;
        }

        private static byte[] utf(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[b.length + 2];
            out[0] = (byte) (b.length >> 8);
            out[1] = (byte) b.length;
            System.arraycopy(b, 0, out, 2, b.length);
            return out;
        }

        private static byte[] replace(byte[] data, byte[] from, byte[] to) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            int found = 0;
            while (i < data.length) {
                if (i <= data.length - from.length
                        && java.util.Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                    out.write(to, 0, to.length);
                    i += from.length;
                    found++;
                } else {
                    out.write(data[i++]);
                }
            }
            if (found == 0) {
                throw new AssertionError("class name not found in the payload");
            }
            return out.toByteArray();
        }
    }
}
