package org.collapselab.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.store.ResultStore;

/**
 * The one {@code report.html} of an output folder: every section ever produced there ({@code run FILE} and
 * {@code reproduce NAME} alike), kept in the folder's {@code results.db} so that later runs add to it.
 */
public final class Reports {
    /** The report's title. */
    public static final String TITLE = "Strong model collapse — reproduction report";

    private Reports() {}

    /** The report file in an output folder. */
    public static Path file(Path outDir) {
        return outDir.resolve("report.html");
    }

    /**
     * Stores a section (if not null) in the database and rewrites the folder's report.html with every stored section,
     * those named in {@code order} first.
     */
    public static Path publish(Path outDir, Path database, ReportSection section, List<String> order)
            throws IOException {
        try (ResultStore store = ResultStore.open(database)) {
            if (section != null) {
                SectionArchive.save(store, section);
            }
            Path report = file(outDir);
            HtmlReport.write(report, TITLE, SectionArchive.load(store, order));
            return report;
        }
    }

    /** {@link #publish(Path, Path, ReportSection, List)} with the folder's {@code results.db}. */
    public static Path publish(Path outDir, ReportSection section, List<String> order) throws IOException {
        return publish(outDir, outDir.resolve("results.db"), section, order);
    }
}
