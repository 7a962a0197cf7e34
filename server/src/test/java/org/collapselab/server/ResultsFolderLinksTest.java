package org.collapselab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results browser never follows a symbolic link out of {@code --out} (a link named results.db, or a linked
 * folder), and reads databases without creating, changing or removing any file beside them.
 */
class ResultsFolderLinksTest {
    static final String SECRET = "OUTSIDE-SECRET-CELL";

    @TempDir
    Path tmp;

    private static void database(Path db, String key, String value) {
        try (ResultStore store = ResultStore.open(db)) {
            store.put(StoredCell.now(key, "exp", "{\"d\":10}", "{\"v\":\"" + value + "\"}", 0.1));
        }
    }

    /** Every file below {@code dir} (links not followed) with a digest of its bytes and its modification time. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.toList()) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    out.put(
                            dir.relativize(f).toString(),
                            HexFormat.of().formatHex(h) + " "
                                    + Files.getLastModifiedTime(f, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                } else {
                    out.put(dir.relativize(f).toString(), Files.isSymbolicLink(f) ? "link" : "dir");
                }
            }
        }
        return out;
    }

    @Test
    void aLinkNamedResultsDbOrALinkedFolderLeadsNowhere() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        database(outside.resolve("results.db"), "secret", SECRET);
        database(Files.createDirectories(out.resolve("real")).resolve("results.db"), "k", "inside");
        Files.createSymbolicLink(
                Files.createDirectories(out.resolve("evil")).resolve("results.db"), outside.resolve("results.db"));
        Files.createSymbolicLink(out.resolve("linked"), outside);
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, out, 1))) {
            TestClient c = new TestClient(server.port());
            String studies = c.get("/api/studies").body();
            assertThat(studies).contains("\"real\"").doesNotContain("evil").doesNotContain("linked");
            for (String path : new String[] {"evil", "linked", "evil/", "./evil", "real/../evil"}) {
                TestClient.Reply r = c.get("/api/studies/cells?path=" + path);
                assertThat(r.body()).as(path).doesNotContain(SECRET).doesNotContain("secret");
                assertThat(r.status()).as(path).isIn(400, 404);
            }
            assertThat(c.get("/api/studies/cells?path=real").body()).contains("inside");
            assertThat(c.get("/files/evil/results.db").status()).isEqualTo(404);
        }
    }

    @Test
    void browsingCreatesChangesAndRemovesNothing() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path study = Files.createDirectories(out.resolve("study"));
        database(study.resolve("results.db"), "k", "value");
        // A run killed mid-way: its write-ahead log still holds a cell (copied while the writer had it open).
        Path killed = Files.createDirectories(out.resolve("killed"));
        Path live = Files.createDirectories(tmp.resolve("live"));
        try (ResultStore store = ResultStore.open(live.resolve("results.db"))) {
            store.put(StoredCell.now("w", "exp", "{\"d\":1}", "{\"v\":\"in-the-log\"}", 0.1));
            for (String suffix : new String[] {"", "-wal"}) {
                Path f = live.resolve("results.db" + suffix);
                if (Files.exists(f)) {
                    Files.copy(f, killed.resolve("results.db" + suffix));
                }
            }
        }
        Map<String, String> before = snapshot(out);
        try (CollapseLabServer server = CollapseLabServer.start(new ServerConfig("127.0.0.1", 0, out, 1))) {
            TestClient c = new TestClient(server.port());
            assertThat(c.get("/api/studies").status()).isEqualTo(200);
            assertThat(c.get("/api/studies/cells?path=study").body()).contains("value");
            // The killed run's last cell, still in its log, is shown (read from a private copy).
            assertThat(c.get("/api/studies/cells?path=killed").body()).contains("in-the-log");
        }
        assertThat(snapshot(out)).isEqualTo(before);
    }
}
