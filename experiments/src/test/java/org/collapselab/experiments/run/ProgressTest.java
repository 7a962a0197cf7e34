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
    Progress p = new Progress(out, 3, false, 0);
    p.step(true);
    p.step(false);
    p.step(true);
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
    Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100, false, 3600);
    for (int i = 0; i < 50; i++) {
      p.step(true);
    }
    assertThat(bytes.size()).isZero();
  }
}
