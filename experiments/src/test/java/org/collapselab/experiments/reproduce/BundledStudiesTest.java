package org.collapselab.experiments.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.collapselab.experiments.report.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An optional bundled study whose family is not on the class path (here: the nn module's loops) is skipped in one
 * line; a required one stops the reproduction as bad input.
 */
class BundledStudiesTest {
    @Test
    void anOptionalStudyOfAMissingFamilyIsSkippedWithOneLine(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Reproduction r = new Reproduction(
                "loops",
                "Neural loops",
                "",
                "",
                "",
                List.of("generations-lm", "generations-image"),
                Set.of("generations-lm", "generations-image"),
                "");
        ReportSection s = Reproductions.run(
                r, new ReproductionOptions(dir, true, 1, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertThat(s.claims()).isEmpty();
        assertThat(s.bodyHtml())
                .contains(
                        "studies/generations-lm.yaml skipped: the lm-loop family is not on the class "
                                + "path (the nn module)",
                        "studies/generations-image.yaml skipped: the image-loop family");
        assertThat(log.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "loops: studies/generations-lm.yaml skipped: the lm-loop family is not on the class path (the nn module)",
                        "loops: studies/generations-image.yaml skipped: the image-loop family is not on the class path (the nn "
                                + "module)");
    }

    @Test
    void aRequiredStudyThatCannotRunIsBadInput(@TempDir Path dir) {
        Reproduction r = new Reproduction("lm", "LM", "", "", "", List.of("lm"), Set.of(), "");
        assertThatThrownBy(() -> Reproductions.run(r, new ReproductionOptions(dir, true, 1, null)))
                .isInstanceOf(StudyUnavailableException.class)
                .isInstanceOf(org.collapselab.validation.InputProblem.class)
                .hasMessage("the lm family is not on the class path (the nn module)");
    }

    @Test
    void generationsRunsTheGaussianAndBothNeuralLoopStudies() {
        assertThat(Reproductions.available(false).get("generations").studies())
                .containsExactly("generations", "generations-lm", "generations-image");
    }
}
