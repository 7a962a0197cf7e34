package org.collapselab.nn.loop;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.nn.loop.lm.LmLoopConfig;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.nn.text.study.LmStudy;
import org.collapselab.problem.Schedule;

/** The tiny language loop shared by the loop tests. */
public final class TestLoops {
    private TestLoops() {}

    /** A tiny language loop on the corpus of the language-model study's CI file (context 32), 3 generations. */
    public static LmLoopConfig tinyLoop(Path corpus) {
        LmStudy lm =
                (LmStudy) StudyFamilies.read(StudyFile.parse("tiny-lm.yaml", TestTexts.tinyYaml(corpus, "[0]")), false);
        return new LmLoopConfig(
                lm.config().corpus(),
                lm.config().temperature(),
                new GptConfig("T", 1, 16, 2, 32),
                new TrainingPlan(3072, 8, 0.003, 0.05, 0.1, 0, 1),
                20,
                24,
                2,
                List.of(new LoopArm(Schedule.REPLACE, 0.5)),
                1,
                9,
                200);
    }
}
