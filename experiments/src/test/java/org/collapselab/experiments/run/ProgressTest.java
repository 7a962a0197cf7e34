package org.collapselab.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutAConsoleStatusLinesArePlainLinesInTheLog() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress(out, 3, 3, false, 0, System::nanoTime);
        p.step(true, 1);
        p.step(false, 1);
        p.step(true, 1);
        p.finish();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\r");
        assertThat(log.lines()).hasSize(3); // after cells 1 and 2, then the final line
        assertThat(log.lines().toList().get(1)).contains("2/3 cells, 1 failed");
        assertThat(log.lines().toList().get(2)).contains("3/3 cells");
    }

    @Test
    void plainLinesAreThrottled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), 100, 100, false, 3600, System::nanoTime);
        for (int i = 0; i < 50; i++) {
            p.step(true, 1);
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void theEtaWeighsCellsByTheirCost() {
        long[] now = {0};
        Progress p = new Progress(null, 4, 100, false, 3600, () -> now[0]);
        now[0] = 60_000_000_000L; // one minute
        p.step(true, 70); // the costliest cell first: 70 of 100 done
        // by cost: 60 s × 30/70 left ≈ 0:26 (counting cells would say 3 × 60 s = 3:00)
        assertThat(p.line()).contains("1/4 cells").contains("ETA 0:26").doesNotContain("3:00");
        Progress counted = new Progress(null, 4, 4, false, 3600, System::nanoTime);
        assertThat(counted.line()).contains("ETA ?");
    }
}
