package org.collapselab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFamily;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/studies.md} is generated from the families' schemas (every family is on this module's class path); it
 * must match. To regenerate: {@code mvn -q -pl cli -am test -Dtest=StudyDocsTest -Dstudies.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StudyDocsTest {
    private static final Path DOC = Path.of("..", "docs", "studies.md");

    @Test
    void docsStudiesIsGeneratedFromTheSchemas() throws Exception {
        String generated = StudyFamilies.markdown();
        if (Boolean.getBoolean("studies.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(
                        "docs/studies.md is stale; regenerate it with "
                                + "mvn -q -pl cli -am test -Dtest=StudyDocsTest -Dstudies.write=true -Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(generated);
    }

    @Test
    void everyFamilyDeclaresItsFieldTable() {
        assertThat(StudyFamilies.available().values().stream()
                        .filter(f -> f.schema() == null)
                        .map(StudyFamily::kind))
                .as("families without a Schema (run --describe cannot list their fields)")
                .isEmpty();
        assertThat(StudyFamilies.available().keySet()).contains("gaussian", "image", "lm", "image-loop", "lm-loop");
        CliRun.Result lm = CliRun.run("run", "--describe", "lm-loop");
        assertThat(lm.code()).isZero();
        assertThat(lm.out()).contains("kind: lm-loop", "row_tokens", "fresh_real", "learning_rate");
    }

    @Test
    void describePrintsAFamilysFields() {
        CliRun.Result r = CliRun.run("run", "--describe", "diagnose-coverage");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("kind: diagnose-coverage", "repetitions", "integer in [2, 100000]", "200");
        CliRun.Result bad = CliRun.run("run", "--describe", "nope");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("collapselab run: --describe must be all or one of ");
        assertThat(CliRun.run("run").err())
                .isEqualTo("collapselab run: FILE must be a study file (or --describe KIND), " + "got nothing\n");
    }
}
