package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's dependency-aware schedule: needs first, no waves, longest first, threads to whoever runs alone. */
class SchedulingTest {
    @TempDir
    Path dir;

    /** Start and end events of every job, in order. */
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    /** A job that sleeps and records when it starts (with its threads) and ends; fails when {@code fail}. */
    record SleepJob(String key, List<String> needs, double cost, long millis, int threads, boolean fail)
            implements CellJob {
        SleepJob(String key, List<String> needs, double cost, long millis) {
            this(key, needs, cost, millis, 1, false);
        }

        @Override
        public CellJob withThreads(int t) {
            return new SleepJob(key, needs, cost, millis, t, fail);
        }

        @Override
        public StoredCell compute() throws Exception {
            EVENTS.add("start " + key + " " + threads);
            Thread.sleep(millis);
            EVENTS.add("end " + key);
            if (fail) {
                throw new IllegalStateException("failed on purpose");
            }
            return StoredCell.now(key, "sched", "{}", "{}", millis / 1e3);
        }
    }

    record Jobs(List<CellJob> cells) implements Study {
        @Override
        public String name() {
            return "sched";
        }

        @Override
        public StudyReport report(StudyResults results, ReportOptions options) {
            return new StudyReport(List.of(), "", List.of(), "");
        }
    }

    private RunSummary run(int threads, CellJob... jobs) throws Exception {
        EVENTS.clear();
        return SweepRunner.run(
                new Jobs(List.of(jobs)), new RunOptions(dir, null, threads, Shard.ALL, null, false, null));
    }

    private static int at(String event) {
        int i = EVENTS.indexOf(event);
        assertThat(i).as(event + " in " + EVENTS).isGreaterThanOrEqualTo(0);
        return i;
    }

    @Test
    void aCellNeverStartsBeforeWhatItNeedsAndOthersStartBesideThePrerequisite() throws Exception {
        List<String> gen = List.of("gen");
        RunSummary s = run(
                2,
                new SleepJob("syn1", gen, 1, 30),
                new SleepJob("syn2", gen, 3, 30),
                new SleepJob("real", List.of(), 2, 100),
                new SleepJob("syn3", gen, 2, 30),
                new SleepJob("gen", List.of(), 1, 600),
                new SleepJob("chain", List.of("syn1"), 5, 10));
        assertThat(s.failed()).isZero();
        assertThat(s.computed()).isEqualTo(6);
        for (String k : List.of("syn1", "syn2", "syn3")) {
            assertThat(at("start " + k + " 1")).isGreaterThan(at("end gen"));
        }
        assertThat(at("start chain 1")).isGreaterThan(at("end syn1"));
        // the real-only cell needs nothing: it runs while the generator trains (no wave barrier), one thread each
        assertThat(at("start gen 1")).isLessThan(at("end real"));
        assertThat(at("start real 1")).isLessThan(at("end gen"));
    }

    @Test
    void onOneThreadTheOrderIsPrerequisitesThenLongestFirst() throws Exception {
        List<String> gen = List.of("gen");
        run(
                1,
                new SleepJob("a", gen, 1, 5),
                new SleepJob("b", List.of(), 2, 5),
                new SleepJob("c", gen, 3, 5),
                new SleepJob("gen", List.of(), 0.5, 5));
        assertThat(EVENTS.stream().filter(e -> e.startsWith("start")).toList())
                .containsExactly("start gen 1", "start c 1", "start b 1", "start a 1");
    }

    @Test
    void aPrerequisiteRunningAloneGetsEveryThreadAndItsDependentsOneEach() throws Exception {
        List<String> gen = List.of("gen");
        run(
                2,
                new SleepJob("gen", List.of(), 1, 50),
                new SleepJob("x", gen, 1, 50),
                new SleepJob("y", gen, 1, 50),
                new SleepJob("z", gen, 1, 50));
        assertThat(EVENTS).contains("start gen 2", "start x 1", "start y 1");
        // the last one starts while another still runs: one thread (the other core is busy)
        assertThat(EVENTS.stream().filter(e -> e.startsWith("start")).count()).isEqualTo(4);
    }

    @Test
    void aFailedPrerequisiteFailsItsDependentsWithoutRunningThem() throws Exception {
        RunSummary s = run(
                2,
                new SleepJob("gen", List.of(), 1, 20, 1, true),
                new SleepJob("x", List.of("gen"), 1, 5),
                new SleepJob("free", List.of(), 1, 5));
        assertThat(EVENTS).doesNotContain("start x 1", "start x 2").contains("end free");
        assertThat(s.failed()).isEqualTo(2);
        assertThat(s.failures())
                .anySatisfy(f -> assertThat(f).startsWith("gen: IllegalStateException: failed on purpose"))
                .anySatisfy(f -> assertThat(f).isEqualTo("x: a cell it needs failed"));
    }
}
