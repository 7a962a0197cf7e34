package org.collapselab.nn.pilots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pilots-plan.json}: the plan in force for one set of inputs, so that reruns and shards run one grid. */
class PlanFileTest {
    static final PilotPlan PLAN = new PilotPlan(List.of(50L, 100L, 200L), List.of(0.0, 0.5), 2, 19.5, 10, 720, 20);
    static final PilotPlan OTHER = new PilotPlan(List.of(50L, 90L, 150L), List.of(0.0, 0.1, 0.5), 3, 3, 0.1, 720, 20);

    @TempDir
    Path dir;

    @Test
    void aStoredPlanComesBackForTheSameInputsOnly() throws Exception {
        assertThat(PlanFile.read(dir, "a")).isNull();
        assertThat(PlanFile.write(dir, "a", PLAN)).isEqualTo(PLAN);
        assertThat(PlanFile.read(dir, "a")).isEqualTo(PLAN);
        assertThat(PlanFile.read(dir, "b"))
                .as("other data, learner, budget or seed")
                .isNull();
    }

    @Test
    void theFirstPlanWrittenForTheSameInputsWins() throws Exception {
        PlanFile.write(dir, "a", PLAN);
        assertThat(PlanFile.write(dir, "a", OTHER))
                .as("another shard's probe came second")
                .isEqualTo(PLAN);
        assertThat(PlanFile.read(dir, "a")).isEqualTo(PLAN);
    }

    @Test
    void aPlanForOtherInputsIsReplaced() throws Exception {
        PlanFile.write(dir, "a", PLAN);
        assertThat(PlanFile.write(dir, "b", OTHER)).isEqualTo(OTHER);
        assertThat(PlanFile.read(dir, "b")).isEqualTo(OTHER);
        assertThat(PlanFile.read(dir, "a")).isNull();
    }

    @Test
    void anUnreadableOrTruncatedFileIsIgnored() throws Exception {
        Files.writeString(dir.resolve(PlanFile.NAME), "{\"inputs\": \"a\", \"sizes\": [50]");
        assertThat(PlanFile.read(dir, "a")).isNull();
        Files.writeString(dir.resolve(PlanFile.NAME), "{\"inputs\": \"a\", \"sizes\": [50], \"shares\": [0, 0.5]}");
        assertThat(PlanFile.read(dir, "a")).as("fewer than 3 sizes").isNull();
        assertThat(PlanFile.write(dir, "a", PLAN))
                .as("a file that is not a plan is replaced")
                .isEqualTo(PLAN);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }
}
