package org.collapselab.experiments.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.collapselab.experiments.study.CellKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void putFindListRoundTrip() {
        try (ResultStore s = ResultStore.open(dir.resolve("sub/r.db"))) {
            StoredCell c = StoredCell.now("k1", "e", "{\"n\":1}", "{\"x\":2}", 1.5);
            s.put(c);
            assertThat(s.find("k1")).contains(c);
            assertThat(s.find("nope")).isEmpty();
            s.put(StoredCell.now("k1", "e", "{\"n\":1}", "{\"x\":3}", 2.0)); // replace
            assertThat(s.list("e")).hasSize(1);
            assertThat(s.find("k1").orElseThrow().resultJson()).isEqualTo("{\"x\":3}");
            assertThat(s.list("other")).isEmpty();
        }
    }

    @Test
    void keysDependOnConfigSeedAndVersion() {
        String a = CellKeys.key("{\"n\":1}", 1, "0.1.0");
        assertThat(a).hasSize(64).matches("[0-9a-f]+");
        assertThat(CellKeys.key("{\"n\":1}", 1, "0.1.0")).isEqualTo(a);
        assertThat(CellKeys.key("{\"n\":1}", 2, "0.1.0")).isNotEqualTo(a);
        assertThat(CellKeys.key("{\"n\":2}", 1, "0.1.0")).isNotEqualTo(a);
        assertThat(CellKeys.key("{\"n\":1}", 1, "0.2.0")).isNotEqualTo(a);
        assertThat(ProjectVersion.get()).isEqualTo("0.1.0");
    }

    @Test
    void cellsSurviveAWriterKilledWithSigkill() throws Exception {
        Path db = dir.resolve("kill.db");
        Process p = child(db, "k", 40, true);
        List<String> committed = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < 40 && (line = r.readLine()) != null) {
                if (line.startsWith("ok ")) {
                    committed.add(line.substring(3));
                }
            }
        }
        p.destroyForcibly(); // SIGKILL: no close, no shutdown hooks
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(committed).hasSize(40);
        try (ResultStore s = ResultStore.open(db)) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            for (String k : committed) {
                assertThat(s.find(k)).as(k).isPresent();
            }
        }
        // Opening (a resume) checkpointed the log: results.db copied alone holds every committed cell.
        Path copy = dir.resolve("copy/results.db");
        java.nio.file.Files.createDirectories(copy.getParent());
        java.nio.file.Files.copy(db, copy);
        try (ResultStore s = ResultStore.openReadOnly(copy)) {
            assertThat(s.count()).isEqualTo(40);
        }
    }

    @Test
    void twoProcessesAndTwoThreadsWritingAtOnceDoNotCorrupt() throws Exception {
        Path db = dir.resolve("conc.db");
        Process a = child(db, "a", 150, false);
        Process b = child(db, "b", 150, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ResultStore s = ResultStore.open(db)) {
            List<Future<?>> fs = new ArrayList<>();
            for (String prefix : List.of("t1", "t2")) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        s.put(StoredCell.now(prefix + "-" + i, "threads", "{}", "{\"i\":" + i + "}", 0));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).isZero();
            assertThat(b.exitValue()).isZero();
        } finally {
            pool.shutdownNow();
        }
        try (ResultStore s = ResultStore.open(db)) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            assertThat(s.count()).isEqualTo(600);
            assertThat(s.list("exp-a")).hasSize(150);
            assertThat(s.list("exp-b")).hasSize(150);
            assertThat(s.list("threads")).hasSize(300);
        }
    }

    @Test
    void mergeCopiesShardDatabases() {
        Path one = dir.resolve("s1.db");
        Path two = dir.resolve("s2.db");
        try (ResultStore s = ResultStore.open(one)) {
            s.put(StoredCell.now("x", "e", "{}", "{}", 0));
        }
        try (ResultStore s = ResultStore.open(two)) {
            s.put(StoredCell.now("y", "e", "{}", "{}", 0));
            s.put(StoredCell.now("x", "e", "{}", "{}", 0));
        }
        try (ResultStore s = ResultStore.open(dir.resolve("all.db"))) {
            assertThat(s.mergeFrom(one)).isEqualTo(1);
            assertThat(s.mergeFrom(two)).isEqualTo(2);
            assertThat(s.count()).isEqualTo(2);
        }
    }

    static Process child(Path db, String prefix, int count, boolean hang) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(),
                db.toString(),
                prefix,
                Integer.toString(count)));
        if (hang) {
            cmd.add("hang");
        }
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
