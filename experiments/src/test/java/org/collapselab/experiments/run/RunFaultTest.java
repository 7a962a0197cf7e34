package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.collapselab.experiments.gaussian.ExperimentLoader;
import org.collapselab.experiments.gaussian.GaussianStudy;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Study;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection for sweeps: a full disk, kill -9 at random moments, two runs on one database, a dead run's claims,
 * a failing cell. Each asserts that no finished cell is lost, none is computed twice and the exit code is right.
 */
@Tag("fault")
class RunFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = """
      name: faults
      compute: both
      runs: 40
      seed: 3
      fixed: {model: ridge, spectrum: iso, d: 60, sigma: 0.5, lambda: 0.01, c2: 1}
      sweep:
        n: [40, 80, 120, 160, 200, 240]
        p2: [0, 0.1, 0.2, 0.4]
      """;
    private static final int CELLS = 24;

    @TempDir
    Path dir;

    private static Study experiment() {
        return new GaussianStudy(ExperimentLoader.parse("faults.yaml", FILE, false));
    }

    private static RunSummary run(Path db, SweepExecutor ex) throws Exception {
        return SweepRunner.run(experiment(), new RunOptions(db.getParent(), db, 2, Shard.ALL, ex, false, null));
    }

    /** Cell key → result without timings (bitwise-comparable: doubles as printed by Jackson, exact round trip). */
    private static Map<String, String> contents(Path db) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ResultStore s = ResultStore.openReadOnly(db)) {
            for (StoredCell c : s.listAll()) {
                out.put(c.key(), stripTimes(JSON.readTree(c.resultJson())).toString());
            }
        }
        return out;
    }

    private static JsonNode stripTimes(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (f.toLowerCase().contains("second")) {
                    it.remove();
                } else {
                    stripTimes(o.get(f));
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(RunFaultTest::stripTimes);
        }
        return n;
    }

    private Map<String, String> reference() throws Exception {
        Path db = dir.resolve("reference/results.db");
        CountingExecutor ex = new CountingExecutor();
        assertThat(run(db, ex).failed()).isZero();
        assertThat(ex.computed).hasSize(CELLS);
        return contents(db);
    }

    @Test
    void aFullDiskStopsCleanlyExitsNonZeroAndResumes() throws Exception {
        Map<String, String> reference = reference();
        Path file = Files.writeString(dir.resolve("faults.yaml"), FILE);
        Path out = dir.resolve("full");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty(ResultStore.MAX_PAGES_PROPERTY, "14");
        int code;
        try {
            StudyRuns.Outcome o = StudyRuns.run(request(file, out), new PrintStream(err, true, StandardCharsets.UTF_8));
            code = o.ok() ? 0 : 1;
            o.summary()
                    .failures()
                    .forEach(f -> err.writeBytes(("failed cell: " + f + "\n").getBytes(StandardCharsets.UTF_8)));
        } finally {
            System.clearProperty(ResultStore.MAX_PAGES_PROPERTY);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(log).isEqualTo(1);
        assertThat(log)
                .contains("failed cell: ")
                .contains("not saved")
                .contains("full")
                .doesNotContain("\tat ");
        Path db = out.resolve("results.db");
        Map<String, String> saved = contents(db);
        assertThat(saved.size()).isBetween(1, CELLS - 1);
        assertThat(reference.entrySet()).containsAll(saved.entrySet()); // what was saved is intact
        CountingExecutor resume = new CountingExecutor();
        RunSummary s = run(db, resume);
        assertThat(s.failed()).isZero();
        Set<String> recomputed = new HashSet<>(resume.computed);
        recomputed.retainAll(saved.keySet());
        assertThat(recomputed).as("saved cells computed again").isEmpty();
        assertThat(resume.computed).hasSize(CELLS - saved.size());
        assertThat(contents(db)).isEqualTo(reference);
    }

    @Test
    void killMinus9AtRandomMomentsLosesNothingAndResumesBitwise() throws Exception {
        Map<String, String> reference = reference();
        Path file = Files.writeString(dir.resolve("faults.yaml"), FILE);
        Path out = dir.resolve("killed");
        Path db = out.resolve("results.db");
        Random rng = new Random(13);
        Map<String, String> before = Map.of();
        for (int round = 0; round < 4; round++) {
            Process p = child(file, out);
            // Kill at a random moment once this round's run is under way (it has logged its plan), not in JVM start-up.
            Path log = out.resolveSibling("child.log");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (p.isAlive()
                    && System.nanoTime() < deadline
                    && (!Files.exists(log) || Files.readString(log).split(" to compute", -1).length <= round + 1)) {
                Thread.sleep(20);
            }
            Thread.sleep(300 + rng.nextInt(3000));
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!Files.exists(db)) {
                continue;
            }
            Map<String, String> now;
            try (ResultStore s = ResultStore.open(db)) { // a resume opens it: checkpoints the log
                assertThat(s.integrityCheck()).isEqualTo("ok");
            }
            now = contents(db);
            assertThat(now.entrySet()).containsAll(before.entrySet()); // no finished cell lost
            assertThat(reference.entrySet()).containsAll(now.entrySet()); // and each is exactly the reference
            System.out.println("kill -9 round " + round + ": " + now.size() + " of " + CELLS + " cells stored");
            before = now;
        }
        CountingExecutor resume = new CountingExecutor();
        assertThat(run(db, resume).failed()).isZero();
        Set<String> recomputed = new HashSet<>(resume.computed);
        recomputed.retainAll(before.keySet());
        assertThat(recomputed).as("stored cells computed again").isEmpty();
        assertThat(resume.computed).hasSize(CELLS - before.size());
        assertThat(contents(db)).isEqualTo(reference);
    }

    @Test
    void twoRunsOnOneDatabaseNeverComputeACellTwice() throws Exception {
        Map<String, String> reference = reference();
        Path db = dir.resolve("shared/results.db");
        CountingExecutor a = new CountingExecutor();
        CountingExecutor b = new CountingExecutor();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<RunSummary> summaries = new CopyOnWriteArrayList<>();
        Thread ta = new Thread(() -> {
            try {
                summaries.add(run(db, a));
            } catch (Throwable t) {
                errors.add(t);
            }
        });
        Thread tb = new Thread(() -> {
            try {
                summaries.add(run(db, b));
            } catch (Throwable t) {
                errors.add(t);
            }
        });
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        assertThat(errors).isEmpty();
        assertThat(summaries).hasSize(2).allSatisfy(s -> assertThat(s.failed()).isZero());
        Set<String> both = new HashSet<>(a.computed);
        both.retainAll(b.computed);
        assertThat(both).as("cells computed by both runs").isEmpty();
        assertThat(a.computed.size() + b.computed.size()).isEqualTo(CELLS);
        assertThat(contents(db)).isEqualTo(reference);
    }

    @Test
    void aDeadRunsClaimsExpireAndItsCellsAreTakenOver() throws Exception {
        Path db = dir.resolve("dead/results.db");
        List<String> keys = new ArrayList<>();
        experimentKeys(keys);
        System.setProperty("collapselab.claim.leaseMillis", "600");
        try (ResultStore s = ResultStore.open(db)) {
            for (String k : keys.subList(0, 5)) {
                s.claim(k, "dead-run", 600); // a run that was killed holding 5 cells; nobody renews them
            }
            CountingExecutor ex = new CountingExecutor();
            RunSummary summary = run(db, ex);
            assertThat(summary.failed()).isZero();
            assertThat(summary.results().stored()).hasSize(CELLS);
            assertThat(ex.computed).hasSize(CELLS).containsAll(keys.subList(0, 5));
        } finally {
            System.clearProperty("collapselab.claim.leaseMillis");
        }
    }

    @Test
    void aFailedCellIsCountedNamedAndExitsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("faults.yaml"), FILE);
        String victim = firstKey();
        SweepExecutor failing = new SweepExecutor() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone)
                    throws InterruptedException {
                new LocalSweepExecutor(2)
                        .execute(
                                jobs,
                                o -> onDone.accept(
                                        o.job().key().equals(victim)
                                                ? new CellOutcome(
                                                        o.job(), null, new ArithmeticException("integer overflow"))
                                                : o));
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StudyRuns.Outcome o = StudyRuns.run(
                request(file, dir.resolve("fail")).withExecutor(failing),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = o.ok() ? 0 : 1;
        o.summary()
                .failures()
                .forEach(f -> err.writeBytes(("failed cell: " + f + "\n").getBytes(StandardCharsets.UTF_8)));
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(log).contains("failed cell: ").contains("ArithmeticException: integer overflow");
        assertThat(log.lines().filter(l -> l.startsWith("failed cell: ")).count())
                .isEqualTo(1);
    }

    /** {@code run FILE --out OUT --threads 2 --no-figures --rows 5}. */
    private static RunRequest request(Path file, Path out) {
        return RunRequest.of(file)
                .withOut(out)
                .withThreads(2)
                .withFigures(false)
                .withRows(5);
    }

    private static void experimentKeys(List<String> out) {
        experiment().cells().forEach(c -> out.add(c.key()));
    }

    private static String firstKey() {
        List<String> k = new ArrayList<>();
        experimentKeys(k);
        return k.get(0);
    }

    private static Process child(Path file, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunMain.class.getName(),
                        file.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        out.resolveSibling("child.log").toFile()))
                .start();
    }
}
