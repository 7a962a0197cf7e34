package org.collapselab.experiments.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.collapselab.experiments.run.LocalSweepExecutor;
import org.collapselab.experiments.run.RunOptions;
import org.collapselab.experiments.run.Shard;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generations family on the one runner: reading, every error at once, a tiny run and its resume. */
@Tag("slow")
class GenerationsFamilyTest {
    static final String TINY = """
      name: loops
      kind: generations
      d: 8
      n: 30
      generations: 6
      runs: 6
      seed: 5
      boundary_rows: 60
      """;

    @Test
    void badFieldsAreReportedAllAtOnce() {
        StudyFile f = StudyFile.parse("g.yaml", "name: g\nkind: generations\nd: 0\nn: 5\nruns: 1\nwidth: 3\n");
        assertThat(StudyFamilies.available()).containsKey("generations");
        assertThatThrownBy(() -> StudyFamilies.read(f, false))
                .hasMessageContaining("g.yaml: d: got 0")
                .hasMessageContaining("g.yaml: runs: got 1")
                .hasMessageContaining("g.yaml: width: got 'width'");
        StudyFile small = StudyFile.parse("h.yaml", "name: h\nkind: generations\nd: 50\nn: 51\n");
        assertThatThrownBy(() -> StudyFamilies.read(small, false))
                .hasMessageContaining("h.yaml: n: got 51; allowed: > d + 1");
    }

    @Test
    void tinyStudyRunsThroughTheRunnerAndResumes(@TempDir Path dir) throws Exception {
        Study study = StudyFamilies.read(StudyFile.parse("loops.yaml", TINY), false);
        assertThat(study.cells()).hasSize(12);
        RunOptions o = new RunOptions(dir, null, 2, Shard.ALL, new LocalSweepExecutor(2), true, null);
        StudyRuns.Outcome first = StudyRuns.run(study, o, 10);
        assertThat(first.summary().computed()).isEqualTo(12);
        assertThat(first.report().claims()).hasSize(5);
        assertThat(first.report().figures()).hasSize(8);
        StudyRuns.Outcome second = StudyRuns.run(study, o, 10);
        assertThat(second.summary().computed()).isZero();
        assertThat(second.report().claims())
                .extracting(c -> c.measured())
                .containsExactlyElementsOf(
                        first.report().claims().stream().map(c -> c.measured()).toList());
    }
}
