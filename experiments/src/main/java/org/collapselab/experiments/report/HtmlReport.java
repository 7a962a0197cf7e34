package org.collapselab.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.collapselab.experiments.store.ProjectVersion;

/**
 * Writes {@code report.html}: a self-contained page (inline CSS) with a table of contents, each section's body and
 * its table of the paper's claims with the measured numbers, the verdict coloured (green supported, red
 * contradicted, amber inconclusive).
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Renders the sections into {@code file} (its folder is created if needed). */
    public static void write(Path file, String title, List<ReportSection> sections) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(title, sections), StandardCharsets.UTF_8);
    }

    /** The page as a string. */
    public static String render(String title, List<ReportSection> sections) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append(
                        "body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;")
                .append("padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{border-bottom:2px solid #444}h2{border-bottom:1px solid #bbb;margin-top:2em}\n")
                .append("table{border-collapse:collapse;margin:0.8em 0;font-size:0.92em}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f0f0f0}figure{margin:1em 0}figcaption{font-size:0.9em;color:#555}\n")
                .append("td.verdict{font-weight:bold;white-space:nowrap}\n")
                .append(".supported{background:#d9f2d9;color:#1b5e20}.contradicted{background:#f9d6d5;color:#b71c1c}")
                .append(".inconclusive{background:#fff1c6;color:#7a5b00}\n")
                .append("code,pre{background:#f6f6f6;padding:1px 3px}\n</style>\n</head>\n<body>\n<h1>")
                .append(Html.escape(title))
                .append("</h1>\n");
        b.append("<p>Generated ")
                .append(Html.escape(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
                .append(" by Collapse Lab ")
                .append(Html.escape(ProjectVersion.get()))
                .append(".</p>\n");
        if (sections.isEmpty()) {
            b.append("<p>No sections have been produced yet.</p>\n");
        } else {
            b.append("<nav><ul>\n");
            for (ReportSection s : sections) {
                b.append("<li><a href=\"#")
                        .append(Html.escape(s.id()))
                        .append("\">")
                        .append(Html.escape(s.title()))
                        .append("</a> (")
                        .append(summary(s.claims()))
                        .append(")</li>\n");
            }
            b.append("</ul></nav>\n");
        }
        for (ReportSection s : sections) {
            b.append("<section id=\"")
                    .append(Html.escape(s.id()))
                    .append("\">\n<h2>")
                    .append(Html.escape(s.title()))
                    .append("</h2>\n")
                    .append(s.bodyHtml())
                    .append('\n');
            b.append(claimsTable(s.claims()));
            b.append("</section>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** The claims table of one section (empty string when there are no claims). */
    public static String claimsTable(List<Claim> claims) {
        if (claims.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h3>Claims of the paper checked</h3>\n<table class=\"claims\">\n")
                .append("<tr><th>Claim</th><th>Measured</th><th>Verdict</th><th>Judged against</th></tr>\n");
        for (Claim c : claims) {
            String cls = c.verdict().name().toLowerCase(java.util.Locale.ROOT);
            b.append("<tr><td>")
                    .append(Html.escape(c.claim()))
                    .append("</td><td>")
                    .append(Html.escape(c.measured()))
                    .append("</td><td class=\"verdict ")
                    .append(cls)
                    .append("\">")
                    .append(c.verdict().name())
                    .append("</td><td>")
                    .append(Html.escape(c.criteria()))
                    .append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String summary(List<Claim> claims) {
        long ok = claims.stream()
                .filter(c -> c.verdict() == Claim.Verdict.SUPPORTED)
                .count();
        long bad = claims.stream()
                .filter(c -> c.verdict() == Claim.Verdict.CONTRADICTED)
                .count();
        return ok + " supported, " + bad + " contradicted, " + (claims.size() - ok - bad) + " inconclusive";
    }
}
