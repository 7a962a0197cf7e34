package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.collapselab.experiments.gaussian.Experiment;
import org.collapselab.experiments.gaussian.ExperimentLoader;
import org.collapselab.experiments.gaussian.GaussianRun;
import org.collapselab.experiments.gaussian.GaussianStudy;
import org.collapselab.experiments.gaussian.SummaryTable;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path dir;

    static final String FILE = """
      name: resume
      compute: both
      runs: 2
      seed: 11
      fixed: {model: ridge, spectrum: iso, d: 8, sigma: 0.5, lambda: 0.01, c2: 1}
      sweep:
        n: [20, 40, 80]
        p2: [0, 0.2]
      figures:
        - {name: scaling, x: n, series: p2}
      """;

    /** Runs a Gaussian experiment through the one runner and draws its report. */
    static GaussianRun run(Experiment e, RunOptions o) throws Exception {
        GaussianStudy study = new GaussianStudy(e);
        StudyRuns.Outcome out = StudyRuns.run(study, o, 10);
        lastFigures = out.report().figures();
        return GaussianRun.of(study, out.summary());
    }

    static List<Path> lastFigures;

    @Test
    void secondRunRecomputesNothingAndGivesTheSameNumbers() throws Exception {
        Experiment e = ExperimentLoader.parse("r.yaml", FILE, false);
        CountingExecutor first = new CountingExecutor();
        GaussianRun a = run(e, new RunOptions(dir, null, 2, Shard.ALL, first, true, null));
        assertThat(first.computed).hasSize(6);
        assertThat(a.summary().computed()).isEqualTo(6);
        assertThat(a.results()).hasSize(6).allSatisfy(r -> {
            assertThat(r.theory()).isNotNull();
            assertThat(r.simulation().runs()).hasSize(2);
        });
        assertThat(lastFigures)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("scaling.png", "scaling.svg");
        assertThat(Files.size(dir.resolve("scaling.png"))).isGreaterThan(1000);

        CountingExecutor second = new CountingExecutor();
        GaussianRun b = run(e, new RunOptions(dir, null, 2, Shard.ALL, second, true, null));
        assertThat(second.computed).isEmpty();
        assertThat(b.summary().plan().ownedStored()).isEqualTo(6);
        assertThat(b.summary().computed()).isZero();
        for (int i = 0; i < 6; i++) {
            assertThat(b.results().get(i).simulation().mean())
                    .isEqualTo(a.results().get(i).simulation().mean());
        }

        // Growing the grid computes only the new cells.
        Experiment bigger = ExperimentLoader.parse("r.yaml", FILE.replace("[20, 40, 80]", "[20, 40, 80, 160]"), false);
        CountingExecutor third = new CountingExecutor();
        GaussianRun c = run(bigger, new RunOptions(dir, null, 2, Shard.ALL, third, false, null));
        assertThat(third.computed).hasSize(2);
        assertThat(c.summary().plan().ownedStored()).isEqualTo(6);
    }

    @Test
    void shardsPartitionTheGridAndMergeBack() throws Exception {
        Experiment e = ExperimentLoader.parse("r.yaml", FILE, false);
        int total = 0;
        List<Path> dbs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path db = dir.resolve("shard" + k + ".db");
            dbs.add(db);
            GaussianRun s = run(e, new RunOptions(dir, db, 1, new Shard(k, 3), null, false, null));
            total += s.summary().computed();
        }
        assertThat(total).isEqualTo(6);
        try (ResultStore all = ResultStore.open(dir.resolve("merged.db"))) {
            for (Path db : dbs) {
                all.mergeFrom(db);
            }
            assertThat(all.count()).isEqualTo(6);
        }
        GaussianRun after = run(e, new RunOptions(dir, dir.resolve("merged.db"), 1, Shard.ALL, null, false, null));
        assertThat(after.summary().computed()).isZero();
    }

    @Test
    void theoryFailuresAreRecordedPerCellWithoutStoppingTheSweep() throws Exception {
        // Ridgeless at n = d diverges: theory error recorded, the other cells still computed.
        Experiment e = ExperimentLoader.parse("t.yaml", """
        name: diverge
        compute: theory
        fixed: {d: 10, sigma: 1, lambda: 0, p2: 0.1, c2: 1}
        sweep: {n: [5, 10, 40]}
        """, false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GaussianRun s = run(
                e,
                new RunOptions(
                        dir, null, 1, Shard.ALL, null, false, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertThat(s.summary().computed()).isEqualTo(3);
        assertThat(s.theoryErrors()).isGreaterThanOrEqualTo(1);
        assertThat(s.results().get(2).theory()).isNotNull();
        assertThat(s.results().get(2).simulation()).isNull();
        assertThat(SummaryTable.format(e, s.results(), 10))
                .contains("3 cells: ")
                .contains("theory: TheoryException");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("diverge: 3 cells");
        // Failed theory parts are retried on the next run (cheap); successful cells are reused.
        GaussianRun again = run(e, new RunOptions(dir, null, 1, Shard.ALL, null, false, null));
        assertThat(again.summary().plan().ownedStored()).isEqualTo(3 - (int) s.theoryErrors());
        assertThat(again.summary().computed()).isEqualTo((int) s.theoryErrors());
    }

    @Test
    void aStoredCellWhoseSimulationFailedIsCountedAsAFailure() throws Exception {
        // The engine returns the cell with its simulation part failed (as a cell job records an exception thrown by
        // the simulator); the runner stores it, counts it as failed and names it.
        Experiment e = ExperimentLoader.parse("f.yaml", FILE.replace("n: [20, 40, 80]", "n: [20]"), false);
        SweepExecutor failing = new SweepExecutor() {
            final LocalSweepExecutor inner = new LocalSweepExecutor(1);

            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void execute(List<? extends CellJob> jobs, Consumer<CellOutcome> onDone)
                    throws InterruptedException {
                inner.execute(jobs, o -> {
                    StoredCell c = o.cell();
                    String json = c.resultJson().replace("\"simulationError\":null", "\"simulationError\":\"boom\"");
                    onDone.accept(new CellOutcome(
                            o.job(),
                            new StoredCell(
                                    c.key(),
                                    c.experiment(),
                                    c.configJson(),
                                    json,
                                    c.seconds(),
                                    c.version(),
                                    c.createdAtMillis()),
                            null));
                });
            }
        };
        GaussianRun s = run(e, new RunOptions(dir, null, 1, Shard.ALL, failing, false, null));
        assertThat(s.summary().computed()).isEqualTo(2);
        assertThat(s.summary().failed()).isEqualTo(2);
        assertThat(s.summary().failures()).allSatisfy(f -> assertThat(f).endsWith("simulation failed: boom"));
        GaussianRun healthy = run(e, new RunOptions(dir.resolve("ok"), null, 1, Shard.ALL, null, false, null));
        assertThat(healthy.summary().failed()).isZero();
    }
}
