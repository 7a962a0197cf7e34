package org.collapselab.experiments.report;

import java.util.List;

/**
 * One section of {@code report.html}: a title, an HTML body (figures, parameters, tables), and the paper's claims
 * checked against measured numbers.
 *
 * @param id anchor id (e.g. {@code gaussian})
 * @param title section heading
 * @param bodyHtml trusted HTML fragment (build it with {@link Html} so that values are escaped)
 * @param claims claims of the paper with the measured evidence for or against each
 */
public record ReportSection(String id, String title, String bodyHtml, List<Claim> claims) {
    public ReportSection {
        claims = List.copyOf(claims);
    }
}
