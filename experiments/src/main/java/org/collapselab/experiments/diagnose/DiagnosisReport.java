package org.collapselab.experiments.diagnose;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.diagnose.DiagnosisResult.Curve;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.HtmlReport;
import org.collapselab.experiments.report.ReportSection;

/**
 * Writes {@code DIR/diagnose.html} with the estimates, the recommendation beside the baselines, the predicted error
 * curves against k (lines) with the measured errors (markers ± one standard error) and the two spectra. Everything is
 * drawn into a staging folder inside DIR and moved into place at the end (the page last), so an interrupted run
 * leaves no half-written file.
 */
public final class DiagnosisReport {
    /** The page's file name. */
    public static final String PAGE = "diagnose.html";

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
    };

    private DiagnosisReport() {}

    /** Writes the page and its figures into {@code dir}; returns the page's path. */
    public static Path write(Path dir, DiagnosisResult r) throws IOException {
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".diagnose-");
        try {
            Figures f = figures(staging, "diagnose", r);
            String body = body(r, staging, f);
            Path page = staging.resolve(PAGE);
            Files.writeString(
                    page,
                    HtmlReport.render(
                            "Collapse Lab diagnosis",
                            List.of(new ReportSection(
                                    "diagnose", "Real vs synthetic data: diagnosis and recipe", body, List.of()))),
                    StandardCharsets.UTF_8);
            for (Path p : Stream.concat(Stream.concat(f.curves.stream(), f.spectra.stream()), Stream.of(page))
                    .toList()) {
                Files.move(
                        p,
                        dir.resolve(p.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return dir.resolve(PAGE);
        } finally {
            try (Stream<Path> left = Files.walk(staging)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The diagnosis as an HTML fragment for another report (e.g. {@code reproduce diagnose-mnist}); its figures are
     * written to {@code figureDir} as {@code PREFIX-curves} and {@code PREFIX-spectra}, linked relative to
     * {@code reportDir}.
     */
    public static String fragment(Path reportDir, Path figureDir, String prefix, DiagnosisResult r) throws IOException {
        return body(r, reportDir, figures(figureDir, prefix, r));
    }

    /** PNG and SVG paths of the two figures. */
    private record Figures(List<Path> curves, List<Path> spectra) {}

    private static Figures figures(Path dir, String prefix, DiagnosisResult r) throws IOException {
        return new Figures(
                FigureWriter.write(dir, prefix + "-curves", List.of(curvePlot(r))),
                FigureWriter.write(dir, prefix + "-spectra", List.of(spectrumPlot(r.estimates()))));
    }

    private static String body(DiagnosisResult r, Path dir, Figures f) {
        SourceEstimates e = r.estimates();
        StringBuilder b = new StringBuilder();
        b.append(Html.paragraph("Real rows: " + r.realFile() + " (n1 = " + e.realRows() + "); synthetic rows: "
                + r.syntheticFile() + " (n2 = " + e.syntheticRows() + "); d = " + e.dimension() + " features."));
        b.append("<h3>Estimates</h3>\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "c² = ‖w2 − w1‖²_Σ1 (synthetic quality)",
                fmt(e.c2()) + "  [" + fmt(e.c2Low()) + ", " + fmt(e.c2High()) + "] (" + Math.round(100 * e.confidence())
                        + "%)"));
        rows.add(List.of("σ1² (real label noise)", fmt(e.sigma2Real()) + " ± " + fmt(e.sigma2RealStdError())));
        rows.add(List.of(
                "σ2² (synthetic label noise)", fmt(e.sigma2Synthetic()) + " ± " + fmt(e.sigma2SyntheticStdError())));
        rows.add(List.of("‖w1‖²_Σ1 (explained real variance)", fmt(e.signal())));
        rows.add(List.of("‖Σ2 − Σ1‖_F / ‖Σ1‖_F", fmt(e.covarianceDistance())));
        rows.add(List.of("off-diagonal share of Σ2 in Σ1's basis", fmt(e.offDiagonalShare())));
        rows.add(List.of("Mahalanobis distance of the synthetic mean", fmt(e.meanShift())));
        rows.add(List.of(
                "label offset b1 − b2 (real minus synthetic)",
                fmt(e.labelOffset()) + " ± " + fmt(e.labelOffsetStdError())));
        rows.add(List.of("estimator", e.estimator()));
        b.append(Html.table(List.of("quantity", "estimate"), rows));
        b.append("<h3>Recommendation and baselines</h3>\n");
        b.append(Html.paragraph("Recommendation: " + r.decision() + ". Its predicted error at c² = c2Low, ĉ², c2High: "
                + fmt(r.sensitivity()[0]) + ", " + fmt(r.sensitivity()[1]) + ", " + fmt(r.sensitivity()[2]) + "."));
        DiagnosisResult.Validation v = r.validation();
        String where = v.method().equals("test")
                ? "test file (" + v.heldOutRows() + " rows)"
                : "cross-validation on the real rows (" + Math.round(v.trainingRealRows())
                        + " real training rows per fold)";
        List<List<String>> checks = new ArrayList<>();
        checks.add(checkRow("recommended", v.recommended()));
        checks.add(checkRow("real only", v.realOnly()));
        checks.add(checkRow("all synthetic, weight 1", v.allSynthetic()));
        checks.add(checkRow("practitioner (k, A, λ by CV)", v.practitioner()));
        b.append(Html.table(
                List.of(
                        "recipe",
                        "k",
                        "A",
                        "λ",
                        "predicted (n1 real rows)",
                        "predicted (validation size)",
                        "measured ± s.e."),
                checks));
        b.append(Html.paragraph(
                "Errors are mean squared errors on real rows, label noise included; measured by " + where + "."));
        b.append(
                Html.figure(
                        dir,
                        f.curves.get(0),
                        f.curves.get(1),
                        "Error vs synthetic rows used: theory (lines, at the validation training size) and measured (markers)."));
        b.append(Html.figure(
                dir,
                f.spectra.get(0),
                f.spectra.get(1),
                "Eigenvalues of Σ1 and the diagonal of Σ2 in Σ1's eigenbasis."));
        return b.toString();
    }

    private static List<String> checkRow(String name, Check c) {
        return List.of(
                name,
                String.valueOf(c.recipe().syntheticRows()),
                fmt(c.recipe().syntheticWeight()),
                fmt(c.recipe().lambda()),
                fmt(c.predicted()),
                fmt(c.predictedAtValidation()),
                fmt(c.measured()) + " ± " + fmt(c.measuredStdError()));
    }

    private static LinePlot curvePlot(DiagnosisResult r) {
        List<PlotSeries> series = new ArrayList<>();
        int i = 0;
        for (Curve c : r.curves()) {
            Color color = COLORS[i++ % COLORS.length];
            double[] k = new double[c.rows().length];
            for (int j = 0; j < k.length; j++) {
                k[j] = c.rows()[j];
            }
            series.add(PlotSeries.line("theory, A = " + fmt(c.weight()), k, c.predicted(), color));
            series.add(PlotSeries.markers(
                    "measured, A = " + fmt(c.weight()), k, c.measured(), c.measuredStdError(), color));
        }
        return new LinePlot(
                "Error on real rows vs synthetic rows k (λ = "
                        + fmt(r.curves().get(0).lambda()) + ")",
                "synthetic rows k",
                "mean squared error",
                false,
                false,
                series);
    }

    private static LinePlot spectrumPlot(SourceEstimates e) {
        double[] idx = new double[e.dimension()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i + 1;
        }
        return new LinePlot(
                "Spectra",
                "eigen-direction of Σ1",
                "variance",
                true,
                true,
                List.of(
                        PlotSeries.line("Σ1 (real)", idx, e.realSpectrum(), COLORS[0]),
                        PlotSeries.markers("Σ2 (synthetic), diagonal", idx, e.syntheticSpectrum(), null, COLORS[1])));
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }
}
