package org.collapselab.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rows each schedule trains on. */
class ScheduleTest {
    @Test
    void replaceAccumulateAndSubsampleSelectTheirRows() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(Schedule.REPLACE.trainingRows(2, 3, rng)).containsExactly(6, 7, 8);
        assertThat(Schedule.ACCUMULATE.trainingRows(2, 3, rng)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        for (Schedule s : Schedule.values()) {
            assertThat(s.trainingRows(0, 3, rng)).containsExactly(0, 1, 2);
        }
        // Subsample: n distinct rows of the pool, every row equally likely (counts over many draws within ±10%).
        int[] counts = new int[12];
        for (int t = 0; t < 30_000; t++) {
            int[] rows = Schedule.ACCUMULATE_SUBSAMPLE.trainingRows(3, 3, rng);
            assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(3);
            for (int r : rows) {
                counts[r]++;
            }
        }
        for (int c : counts) {
            assertThat(c).isBetween(6750, 8250); // expected 30000·3/12 = 7500
        }
    }
}
