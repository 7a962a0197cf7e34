package org.collapselab.experiments.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproductionsTest {
    @TempDir
    Path dir;

    @Test
    void everyReproductionIsDeclaredInTheBundledManifest() {
        assertThat(Reproductions.available(false).keySet())
                .containsExactly(
                        "gaussian",
                        "universality",
                        "twosource",
                        "generations",
                        "verification",
                        "mnist",
                        "lm",
                        "diagnose-coverage",
                        "diagnose-mnist",
                        "diagnose-real",
                        "classification",
                        "forecast");
        assertThat(Reproductions.resolve(List.of(), false))
                .extracting(Reproduction::name)
                .containsExactly("gaussian");
        assertThat(Reproductions.resolve(List.of("all"), false))
                .extracting(Reproduction::name)
                .contains("gaussian");
        assertThat(Reproductions.available(true).get("mnist").studies()).containsExactly("mnist");
        assertThat(Reproductions.available(false).get("mnist").studies()).containsExactly("mnist", "mnist-fashion");
        assertThat(Reproductions.available(true).get("gaussian").note()).startsWith("Quick mode");
        for (Reproduction r : Reproductions.available(false).values()) {
            for (String s : r.studies()) {
                assertThat(org.collapselab.experiments.study.StudyFile.bundled(s)
                                .ok())
                        .as(s)
                        .isTrue();
            }
        }
        assertThatThrownBy(() -> Reproductions.resolve(List.of("nope"), false))
                .isInstanceOfSatisfying(org.collapselab.validation.ParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("NAME");
                    assertThat(e.allowed()).startsWith("all or one of gaussian");
                });
    }

    @Test
    void laterRunsAddSectionsToTheSameReport() throws Exception {
        Reproductions.publish(
                dir,
                new ReportSection(
                        "gaussian",
                        "Gaussian",
                        "<p>g</p>",
                        List.of(new Claim("plateau", "1.0", Claim.Verdict.SUPPORTED))));
        Path report = Reproductions.publish(dir, new ReportSection("mnist", "MNIST", "<p>m</p>", List.of()));
        String html = Files.readString(report);
        assertThat(html)
                .contains("<h2>Gaussian</h2>")
                .contains("<h2>MNIST</h2>")
                .contains("verdict supported");
        assertThat(html.indexOf("Gaussian</h2>")).isLessThan(html.indexOf("MNIST</h2>"));
    }
}
