package org.collapselab.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void rendersClaimsTableWithColouredVerdictsAndEscapes() throws Exception {
        ReportSection s = new ReportSection(
                "gaussian",
                "Gaussian <figures>",
                Html.paragraph("a < b"),
                List.of(
                        new Claim("plateau at p2²c²", "0.01 vs 0.0101", Claim.Verdict.SUPPORTED),
                        new Claim("peak at m = n", "peak at m = 900", Claim.Verdict.CONTRADICTED)));
        Path f = dir.resolve("report.html");
        HtmlReport.write(f, "Report", List.of(s));
        String html = Files.readString(f);
        assertThat(html)
                .contains("<table class=\"claims\">")
                .contains("Gaussian &lt;figures&gt;")
                .contains("a &lt; b")
                .contains("class=\"verdict supported\"")
                .contains("class=\"verdict contradicted\"")
                .contains("1 supported, 1 contradicted, 0 inconclusive");
    }

    @Test
    void sectionsPersistAcrossRuns() {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            SectionArchive.save(store, new ReportSection("mnist", "MNIST", "<p>x</p>", List.of()));
            SectionArchive.save(
                    store,
                    new ReportSection(
                            "gaussian", "G", "<p>y</p>", List.of(new Claim("c", "m", Claim.Verdict.INCONCLUSIVE))));
        }
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            List<ReportSection> all = SectionArchive.load(store, List.of("gaussian", "mnist", "lm"));
            assertThat(all).extracting(ReportSection::id).containsExactly("gaussian", "mnist");
            assertThat(all.get(0).claims()).containsExactly(new Claim("c", "m", Claim.Verdict.INCONCLUSIVE));
        }
    }
}
