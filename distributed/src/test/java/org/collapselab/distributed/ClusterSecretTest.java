package org.collapselab.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret rule: always a secret; loopback nodes get a per-user one readable by its owner alone. */
class ClusterSecretTest {
    @TempDir
    Path tmp;

    @Test
    void loopbackWithoutASecretMakesAnOwnerOnlyPerUserSecretOnce() throws Exception {
        Path file = tmp.resolve("home/.collapselab/cluster-secret");
        String s = ClusterSecret.read(null, "127.0.0.1", null, file);
        assertThat(s).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(ClusterSecret.read(null, "::1", null, file))
                .isEqualTo(s); // the same secret for every node of this user
    }

    @Test
    void anotherInterfaceNeedsAnExplicitSecret() {
        Path file = tmp.resolve("cluster-secret");
        assertThatThrownBy(() -> ClusterSecret.read(null, "10.0.0.1", null, file))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("COLLAPSELAB_CLUSTER_SECRET")
                .hasMessageContaining("10.0.0.1");
        assertThat(file).doesNotExist();
        assertThat(ClusterSecret.read(null, "10.0.0.1", " from-the-environment-0123 ", file))
                .isEqualTo("from-the-environment-0123");
    }

    @Test
    void aSecretFileOthersCanReadOrALinkIsRefused() throws Exception {
        Path open = tmp.resolve("open");
        Files.writeString(open, "a-long-enough-secret-0123\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ClusterSecret.read(open, "127.0.0.1", null, tmp.resolve("x")))
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining("a-long-enough-secret");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-------"));
        assertThat(ClusterSecret.read(open, "127.0.0.1", "ignored-env-value-0123456", tmp.resolve("x")))
                .isEqualTo("a-long-enough-secret-0123");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), open);
        assertThatThrownBy(() -> ClusterSecret.read(link, "127.0.0.1", null, tmp.resolve("x")))
                .hasMessageContaining("not a link");
    }

    @Test
    void aShortOrMissingSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new ClusterSettings("c", List.of("127.0.0.1"), 5701, false, "127.0.0.1", "hunter2"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new ClusterSettings("c", List.of("127.0.0.1"), 5701, false, "127.0.0.1", null))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("secret");
        assertThat(new ClusterSettings("c", List.of("127.0.0.1"), 5701, false, "127.0.0.1", "hunter2-but-longer-now")
                        .toString())
                .doesNotContain("hunter2");
    }
}
