package org.collapselab.experiments.study;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.report.Claim;

/**
 * A study's report: its figures, an HTML fragment for {@code report.html}, its claims with verdicts, and a plain
 * text summary for the console.
 *
 * @param figures figure files written
 * @param html trusted HTML fragment (built with {@code report.Html})
 * @param claims the paper's claims checked against the measured numbers
 * @param text console summary (may be empty)
 */
public record StudyReport(List<Path> figures, String html, List<Claim> claims, String text) {
    public StudyReport {
        figures = List.copyOf(figures);
        claims = List.copyOf(claims);
    }
}
