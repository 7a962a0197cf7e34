package org.collapselab.nn.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.TestImages;
import org.collapselab.nn.loop.lm.LmLoopConfig;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.problem.Schedule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny end-to-end loops: an image loop through the runner (child processes, report, claims) and a language loop. */
@Tag("slow")
@Tag("neural")
class TinyLoopTest {
    @Test
    void imageLoopRunsReportsAndResumes(@TempDir Path tmp) throws Exception {
        String yaml = """
        name: tiny-image-loop
        kind: image-loop
        data_dir: %s
        width: 16
        training: {epochs: 2, min_steps: 20, batch_size: 32, learning_rate: 0.003}
        rows: 100
        generations: 2
        loops: [{schedule: replace}, {schedule: accumulate}]
        seeds: 2
        seed: 3
        """.formatted(TestImages.toyFolder(tmp));
        LoopStudy s = (LoopStudy) StudyFamilies.read(StudyFile.parse("tiny.yaml", yaml), false);
        Path out = tmp.resolve("out");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ReproductionOptions o =
                new ReproductionOptions(out, true, 2, new PrintStream(log, true, StandardCharsets.UTF_8));
        StudyRuns.Outcome r = o.run(s);
        assertThat(r.summary().failed()).as(r.summary().failures().toString()).isZero();
        assertThat(r.summary().computed()).isEqualTo(4);
        assertThat(out.resolve("tiny-image-loop/tiny-image-loop-loss.png")).isRegularFile();
        List<Claim> claims = r.report().claims();
        assertThat(claims)
                .extracting(Claim::claim)
                .anyMatch(c -> c.startsWith("tiny-image-loop (image network): Replace degrades"))
                .anyMatch(c -> c.contains("Accumulate degrades less"));
        assertThat(r.report().html()).contains("accumulate", "rows trained on", "estimated");
        // accumulate trains on all rows so far: 300 at generation 2, replace on its own 100
        assertThat(r.report().html()).contains("<td>300 (100)</td>", "<td>100 (0)</td>");
        assertThat(o.run(s).summary().computed()).isZero(); // resumed from the store
    }

    @Test
    void languageLoopRecordsLossDiversityAndSamplesPerGeneration(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        TestTexts.toyCorpus(corpus);
        LmLoopConfig c = TestLoops.tinyLoop(corpus);
        assertThat(c.unavailable()).isNull();
        TorchRuntime.engine(1);
        LoopResult r = c.run(c.arms().get(0), 0, 1, null);
        assertThat(r.generations()).hasSize(3);
        double uniform = Math.log(c.prepared().tokenizer().vocabSize());
        for (GenerationResult g : r.generations()) {
            assertThat(g.loss()).isPositive().isLessThan(uniform + 1);
            assertThat(g.diversity().words()).isPositive();
            assertThat(g.diversity().distinct1()).isBetween(0.0, 1.0);
            assertThat(g.sample()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(g.trainingRows()).isEqualTo(20);
            assertThat(g.realRows()).isEqualTo(g.generation() == 0 ? 20 : 10);
        }
        assertThat(r.reference().words()).isPositive();
        // same seed, same generation 0: arms are paired
        LoopResult again = c.run(new LoopArm(Schedule.ACCUMULATE, 0), 0, 1, null);
        assertThat(again.generations().get(0).loss())
                .isEqualTo(r.generations().get(0).loss());
        assertThat(again.generations().get(1).trainingRows()).isEqualTo(40);
    }
}
