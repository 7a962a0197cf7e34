package org.collapselab.experiments.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * The coverage study's report: per setting, the share of repetitions whose 95% interval covers c² and the largest
 * relative error of ĉ², one figure panel per setting with every repetition's estimate and interval and the truth, and
 * the claims (coverage at least {@link #COVERAGE}; every ĉ² within {@link #ACCURACY} when c² ≥ {@link #ACCURACY_FROM} and n1 ≥ 10d; with fewer real rows the interval is wide by necessity).
 */
final class CoverageReport {
    /** Share of repetitions whose interval must cover c². */
    static final Threshold COVERAGE = new Threshold("COVERAGE", 0.9, "share of 95% intervals covering c²");
    /** Largest relative error |ĉ² − c²|/c² allowed. */
    static final Threshold ACCURACY = new Threshold("ACCURACY", 0.25, "largest |ĉ² − c²|/c²");
    /** Smallest c² whose accuracy is judged (the error is relative). */
    static final Threshold ACCURACY_FROM = new Threshold("ACCURACY_FROM", 0.3, "smallest c² judged for accuracy");

    private static final double Z95 = 1.959963984540054;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CoverageReport() {}

    static StudyReport report(CoverageStudy study, StudyResults results, ReportOptions o) throws IOException {
        Map<CoverageCell.Setting, List<JsonNode>> bySetting = new LinkedHashMap<>();
        for (CoverageCell c : results.present(CoverageCell.class)) {
            bySetting
                    .computeIfAbsent(c.setting(), k -> new ArrayList<>())
                    .add(JSON.readTree(results.stored().get(c.key()).resultJson()));
        }
        List<LinePlot> panels = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<CoverageCell.Setting, List<JsonNode>> e : bySetting.entrySet()) {
            CoverageCell.Setting s = e.getKey();
            List<JsonNode> reps = e.getValue();
            int n = reps.size();
            int covered = 0;
            double worst = 0;
            double sum = 0;
            for (JsonNode r : reps) {
                covered += r.get("low").asDouble() <= s.c2()
                                && s.c2() <= r.get("high").asDouble()
                        ? 1
                        : 0;
                worst = Math.max(worst, Math.abs(r.get("c2").asDouble() - s.c2()) / s.c2());
                sum += r.get("c2Raw").asDouble();
            }
            panels.add(panel(s, reps, covered));
            rows.add(List.of(s.label(), covered + "/" + n, fmt(sum / n), fmt(100 * worst) + "%"));
            claims.add(new Claim(
                    "the 95% interval covers c² in at least " + percent(COVERAGE) + " of repetitions (" + s.label()
                            + ")",
                    covered + "/" + n,
                    Verdicts.share(covered, n, COVERAGE, COVERAGE),
                    COVERAGE));
            if (s.c2() >= ACCURACY_FROM.value() && s.n1() >= 10 * s.d()) {
                claims.add(new Claim(
                        "every ĉ² within " + percent(ACCURACY) + " of c² (" + s.label() + ")",
                        "largest relative error " + fmt(100 * worst) + "%",
                        Verdicts.below(Interval.point(worst), ACCURACY),
                        ACCURACY,
                        ACCURACY_FROM));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(Html.paragraph("Gaussian data with known truth (power-law Σ1, α = 1; Σ2, α = 0.5; random teacher and "
                + "shift with ‖Δ‖²_Σ1 = c² exactly), " + study.repetitions()
                + " seeded repetitions per setting (draw r from "
                + "seed " + study.seed()
                + " + r). Each point is one repetition's ĉ² (moment estimator: U-statistic below "
                + "n1 = d + 1 + max(10, d/2), least squares above) with its 95% interval; the line is the truth."));
        b.append(Html.table(List.of("setting", "interval covers c²", "mean ĉ²", "largest |ĉ² − c²|/c²"), rows));
        List<Path> figures = List.of();
        if (o.figures() && !panels.isEmpty()) {
            Path dir = o.outDir().resolve(study.name());
            figures = FigureWriter.write(dir, "coverage", panels);
            b.append(Html.figure(
                    o.outDir(),
                    figures.get(0),
                    figures.get(1),
                    "ĉ² and its 95% interval per repetition; truth as a line."));
        }
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(String.join("  ", r)).append('\n'));
        return new StudyReport(figures, b.toString(), claims, text.toString());
    }

    private static LinePlot panel(CoverageCell.Setting s, List<JsonNode> reps, int covered) {
        int n = reps.size();
        double[] x = new double[n];
        double[] est = new double[n];
        double[] half = new double[n];
        double[] truth = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = r + 1;
            est[r] = reps.get(r).get("c2Raw").asDouble();
            half[r] = Z95 * reps.get(r).get("stdError").asDouble();
            truth[r] = s.c2();
        }
        return new LinePlot(
                String.format(
                        Locale.ROOT,
                        "c² = %s, d = %d, n1 = %d, n2 = %d: %d/%d covered",
                        s.c2(),
                        s.d(),
                        s.n1(),
                        s.n2(),
                        covered,
                        n),
                "repetition",
                "ĉ²",
                false,
                false,
                List.of(
                        PlotSeries.markers("ĉ² ± 1.96 s.e.", x, est, half, new Color(0x1f77b4)),
                        PlotSeries.line("true c²", x, truth, Color.BLACK)));
    }

    private static String percent(Threshold t) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * t.value());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
