package org.collapselab.experiments.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundled study whose family is not on the class path (here: the nn module's loops) is skipped in one line. */
class BundledStudiesTest {
  @Test
  void aStudyOfAMissingFamilyIsSkippedWithOneLine(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    BundledStudies r = new BundledStudies("loops", "Neural loops", List.of("generations-lm", "generations-image")) {};
    ReportSection s = r.run(new ReproductionOptions(dir, true, 1, new PrintStream(log, true, StandardCharsets.UTF_8)));
    assertThat(s.claims()).isEmpty();
    assertThat(s.bodyHtml()).contains("studies/generations-lm.yaml skipped: the lm-loop family is not on the class "
        + "path (the nn module)", "studies/generations-image.yaml skipped: the image-loop family");
    assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "loops: studies/generations-lm.yaml skipped: the lm-loop family is not on the class path (the nn module)",
        "loops: studies/generations-image.yaml skipped: the image-loop family is not on the class path (the nn "
            + "module)");
  }

  @Test
  void generationsRunsTheGaussianAndBothNeuralLoopStudies() {
    assertThat(new org.collapselab.experiments.generations.GenerationsReproduction().description())
        .contains("studies/generations.yaml", "studies/generations-lm.yaml", "studies/generations-image.yaml");
  }
}
