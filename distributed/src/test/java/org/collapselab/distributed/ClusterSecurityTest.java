package org.collapselab.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A worker told 127.0.0.1 listens on 127.0.0.1 only, and nodes with different secrets never form one cluster. */
@Tag("cluster")
class ClusterSecurityTest {
    private static final String MEMBERS = "127.0.0.1:5921";

    /** Local addresses of the listening TCP sockets on {@code port}, from /proc/net/tcp and tcp6 (hex, as the kernel writes them). */
    private static List<String> listeners(int port) throws IOException {
        List<String> out = new ArrayList<>();
        String hexPort = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                // f[1] = local address:port, f[3] = state (0A = LISTEN)
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    @Test
    void aWorkerToldLoopbackListensOnLoopbackOnly() throws Exception {
        ClusterSettings s =
                new ClusterSettings("sec-test", List.of(MEMBERS), 5921, false, "127.0.0.1", "sec-test-secret-s1-0123");
        HazelcastInstance node = ClusterNodes.startWorker(s);
        try {
            int port = ((InetSocketAddress) node.getLocalEndpoint().getSocketAddress()).getPort();
            List<String> l = listeners(port);
            assertThat(l).as("listening sockets on port " + port).isNotEmpty().allSatisfy(a -> assertThat(
                            a.substring(0, a.indexOf(':')))
                    .isIn(
                            "0100007F", // 127.0.0.1, or as IPv6:
                            "0000000000000000FFFF00000100007F")); // ::ffff:127.0.0.1 (never 0.0.0.0 or ::)
        } finally {
            node.shutdown();
        }
    }

    @Test
    void nodesWithAnotherSecretAreRefused() {
        ClusterSettings a = new ClusterSettings(
                "sec-test",
                List.of("127.0.0.1:5931", "127.0.0.1:5932"),
                5931,
                false,
                "127.0.0.1",
                "sec-test-secret-a-0123");
        ClusterSettings b = new ClusterSettings(
                "sec-test",
                List.of("127.0.0.1:5931", "127.0.0.1:5932"),
                5932,
                false,
                "127.0.0.1",
                "sec-test-secret-b-0123");
        assertThat(a.effectiveClusterName())
                .isNotEqualTo(b.effectiveClusterName())
                .doesNotContain("secret");
        HazelcastInstance na = ClusterNodes.startWorker(a);
        HazelcastInstance nb = ClusterNodes.startWorker(b);
        HazelcastInstance na2 = null;
        try {
            assertThat(na.getCluster().getMembers()).hasSize(1);
            assertThat(nb.getCluster().getMembers()).hasSize(1);
            na2 = ClusterNodes.startWorker(
                    new ClusterSettings("sec-test", a.members(), 5931, false, "127.0.0.1", "sec-test-secret-a-0123"));
            assertThat(na.getCluster().getMembers()).hasSize(2); // the same secret joins
        } finally {
            if (na2 != null) {
                na2.shutdown();
            }
            nb.shutdown();
            na.shutdown();
        }
    }

    @Test
    void anOpenInterfaceNeedsASecret() {
        assertThatThrownBy(() -> new ClusterSettings("c", List.of("10.0.0.1"), 5701, false, "10.0.0.1", null))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("COLLAPSELAB_CLUSTER_SECRET");
        assertThatThrownBy(() -> new ClusterSettings("c", List.of("h"), 5701, false, "0.0.0.0", "s-0123456789abcdef"))
                .hasMessageContaining("not all interfaces");
    }
}
