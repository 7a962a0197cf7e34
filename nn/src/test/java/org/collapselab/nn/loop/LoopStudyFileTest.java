package org.collapselab.nn.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.nn.loop.image.ImageLoopConfig;
import org.collapselab.nn.loop.lm.LmLoopConfig;
import org.collapselab.problem.Schedule;
import org.junit.jupiter.api.Test;

/** The bundled loop study files and the validation of bad ones ({@code FILE: FIELD: got V; allowed: A}). */
class LoopStudyFileTest {
    private static LoopStudy bundled(String name, boolean quick) throws Exception {
        String yaml = Files.readString(Path.of("..", "studies", name + ".yaml"));
        return (LoopStudy) StudyFamilies.read(StudyFile.parse(name + ".yaml", yaml), quick);
    }

    @Test
    void bundledFilesHaveTheArmsAndSeedsTheClaimsNeed() throws Exception {
        for (String name : new String[] {"generations-lm", "generations-image"}) {
            for (boolean quick : new boolean[] {false, true}) {
                LoopStudy s = bundled(name, quick);
                LoopConfig c = s.config();
                assertThat(c.seeds()).isGreaterThanOrEqualTo(quick ? 3 : 5);
                assertThat(c.arms())
                        .startsWith(
                                new LoopArm(Schedule.REPLACE, 0),
                                new LoopArm(Schedule.ACCUMULATE, 0),
                                new LoopArm(Schedule.REPLACE, 0.5));
                // the controls the claims compare against
                assertThat(c.arms())
                        .contains(
                                new LoopArm(Schedule.REPLACE, 0.5, LoopArm.Variant.REAL_ONLY),
                                new LoopArm(Schedule.REPLACE, 0, LoopArm.Variant.FIRST_TEACHER));
                assertThat(c.arms())
                        .contains(
                                name.equals("generations-lm")
                                        ? new LoopArm(Schedule.ACCUMULATE, 0, LoopArm.Variant.GROWING_BUDGET)
                                        : new LoopArm(Schedule.ACCUMULATE, 1));
                assertThat(s.isolated()).isTrue();
                assertThat(s.cells()).hasSize(c.seeds() * 6);
                // the run-time budget of `reproduce generations` (≤ 60 min on 2 idle cores, quick ≤ 10): language loops
                // ≤ 48
                // and ≤ 7, image loops ≤ 12 and ≤ 3 (two loops at once on two cores)
                double minutes =
                        c.arms().stream().mapToDouble(c::estimatedSeconds).sum() * c.seeds() / 2 / 60;
                System.out.printf("%s quick=%s: estimated %.1f min%n", name, quick, minutes);
                assertThat(minutes).isLessThan(name.equals("generations-lm") ? (quick ? 7 : 48) : (quick ? 3 : 12));
                assertThat(s.planNote(s.cells(), 2)).contains("estimated", "min on 2 idle cores");
            }
        }
        LmLoopConfig lm = (LmLoopConfig) bundled("generations-lm", false).config();
        assertThat(lm.corpus().files()).hasSize(11); // the language-model study's corpus, split and temperature
        assertThat(lm.temperature()).isEqualTo(1.0);
        assertThat(lm.model().context()).isEqualTo(lm.corpus().context());
        ImageLoopConfig im =
                (ImageLoopConfig) bundled("generations-image", true).config();
        assertThat(im.dataset()).isEqualTo("mnist");
    }

    @Test
    void badValuesAreAllNamedAtOnce() {
        String yaml = """
        name: bad
        kind: lm-loop
        model: {name: S, layers: 1, width: 64, heads: 2, context: 64}
        training: {tokens: 1000}
        rows: 0
        generations: 1000
        loops:
          - {schedule: repalce, fresh_real: 0}
          - {schedule: replace, fresh_real: 1.5}
          - {schedule: accumulate, freshreal: 0.1}
        temperature: 1
        """;
        assertThatThrownBy(() -> StudyFamilies.read(StudyFile.parse("bad.yaml", yaml), false))
                .isInstanceOf(StudyFileException.class)
                .satisfies(
                        e -> assertThat(((StudyFileException) e).errors())
                                .contains(
                                        "bad.yaml: rows: got 0; allowed: an integer in [1, 100000]",
                                        "bad.yaml: generations: got 1000; allowed: an integer in [1, 100]",
                                        "bad.yaml: loops[0].schedule: got 'repalce'; allowed: one of replace, accumulate, accumulate-subsample",
                                        "bad.yaml: loops[1].fresh_real: got 1.5; allowed: a number in [0, 1]",
                                        "bad.yaml: loops[2].freshreal: got 'freshreal'; allowed: a known key: fresh_real, schedule, variant",
                                        "bad.yaml: temperature: got 'temperature'; allowed: a known key: budget_minutes, description, generations, "
                                                + "kind, loops, model, name, quick, row_tokens, rows, sample_chars, seed, seeds, training"));
    }

    @Test
    void imageLoopNeedsATrainingMappingAndDistinctLoops() {
        String yaml = """
        name: bad-image
        kind: image-loop
        width: -3
        training: 5
        rows: 100
        generations: 2
        loops: [{schedule: replace}, {schedule: replace, fresh_real: 0}]
        """;
        assertThatThrownBy(() -> StudyFamilies.read(StudyFile.parse("bad-image.yaml", yaml), false))
                .isInstanceOf(StudyFileException.class)
                .satisfies(e -> assertThat(((StudyFileException) e).errors())
                        .contains(
                                "bad-image.yaml: width: got -3; allowed: an integer in [1, 100000]",
                                "bad-image.yaml: training: got 5; allowed: a mapping with keys [batch_size, epochs, learning_rate, "
                                        + "min_steps, weight_decay]",
                                "bad-image.yaml: loops[1]: got 'replace'; allowed: a loop not listed before"));
    }

    @Test
    void missingDataIsOneLine(@org.junit.jupiter.api.io.TempDir Path tmp) {
        String yaml = """
        name: nodata
        kind: image-loop
        data_dir: %s
        training: {epochs: 1}
        rows: 10
        generations: 1
        loops: [{schedule: replace}]
        """.formatted(tmp.resolve("absent"));
        LoopStudy s = (LoopStudy) StudyFamilies.read(StudyFile.parse("nodata.yaml", yaml), false);
        assertThat(s.unavailable())
                .startsWith("mnist images not found at ")
                .contains("scripts/fetch-data.sh")
                .doesNotContain("\n");
        LmLoopConfig lm = TestLoops.tinyLoop(tmp.resolve("absent"));
        assertThat(lm.unavailable())
                .startsWith("text corpus not found at ")
                .contains("scripts/fetch-data.sh")
                .doesNotContain("\n");
    }
}
