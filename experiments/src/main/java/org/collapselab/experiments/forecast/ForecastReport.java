package org.collapselab.experiments.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.forecast.GaussianCheck;

/**
 * The forecast study's report: per spectrum and share, how many pilot sets' 90% intervals cover the exact error at
 * n = 80d and the mean and largest relative error of the forecast; per real-data size, the largest excess of the
 * recommended share's exact error over the exact optimum; and the claims (at least {@link #ACCURATE_SHARE} of the
 * forecasts within {@link #ACCURACY}, coverage at least {@link #COVERAGE}, every recommendation within
 * {@link #RECOMMENDATION} of the optimum).
 */
final class ForecastReport {
    /** Relative error of a forecast at 10× the largest pilot counted as accurate. */
    static final Threshold ACCURACY = new Threshold("ACCURACY", 0.1, "|forecast − exact|/exact at n = 80d");
    /** Share of forecasts that must be accurate. */
    static final Threshold ACCURATE_SHARE =
            new Threshold("ACCURATE_SHARE", 0.9, "share of (pilot set, p2) forecasts within ACCURACY");
    /** Share of 90% intervals that must cover the exact error. */
    static final Threshold COVERAGE =
            new Threshold("COVERAGE", 0.85, "share of 90% intervals covering the exact error");
    /** Largest relative excess of the recommended share's exact error over the exact optimum. */
    static final Threshold RECOMMENDATION =
            new Threshold("RECOMMENDATION", 0.1, "largest (error of the recommended share − optimum)/optimum");

    private ForecastReport() {}

    static StudyReport report(ForecastStudy study, StudyResults results) throws IOException {
        Map<GaussianCheck.Setting, List<JsonNode>> bySetting = new LinkedHashMap<>();
        for (ForecastCell c : results.present(ForecastCell.class)) {
            bySetting
                    .computeIfAbsent(c.setting(), k -> new ArrayList<>())
                    .add(TheoryJson.MAPPER.readTree(
                            results.stored().get(c.key()).resultJson()));
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> recRows = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        int covered = 0;
        int intervals = 0;
        int accurate = 0;
        int forecasts = 0;
        double worstAll = 0;
        double worstRec = 0;
        for (Map.Entry<GaussianCheck.Setting, List<JsonNode>> e : bySetting.entrySet()) {
            GaussianCheck.Setting s = e.getKey();
            List<JsonNode> sets = e.getValue();
            for (int i = 0; i < GaussianCheck.SHARES.length; i++) {
                int cov = 0;
                int withInterval = 0;
                double worst = 0;
                double sum = 0;
                int within = 0;
                for (JsonNode r : sets) {
                    JsonNode f = r.get("forecasts").get(i);
                    double truth = f.get("truth").asDouble();
                    double err = Math.abs(f.get("value").asDouble() - truth) / truth;
                    worst = Math.max(worst, err);
                    sum += err;
                    within += err <= ACCURACY.value() ? 1 : 0;
                    if (f.get("low").isNumber()) {
                        withInterval++;
                        cov += f.get("low").asDouble() <= truth
                                        && truth <= f.get("high").asDouble()
                                ? 1
                                : 0;
                    }
                }
                covered += cov;
                intervals += withInterval;
                accurate += within;
                forecasts += sets.size();
                worstAll = Math.max(worstAll, worst);
                rows.add(List.of(
                        fmt(s.exponent()),
                        fmt(GaussianCheck.SHARES[i]),
                        Integer.toString(sets.size()),
                        pct(sum / sets.size()),
                        pct(worst),
                        within + "/" + sets.size(),
                        withInterval == 0 ? "-" : cov + "/" + withInterval));
            }
            for (int k = 0; k < 2; k++) {
                double worst = 0;
                double shareSum = 0;
                for (JsonNode r : sets) {
                    JsonNode x = r.get("recommendations").get(k);
                    worst = Math.max(
                            worst,
                            x.get("recommended").asDouble() / x.get("optimum").asDouble() - 1);
                    shareSum += x.get("share").asDouble();
                }
                worstRec = Math.max(worstRec, worst);
                recRows.add(List.of(
                        fmt(s.exponent()),
                        Long.toString(sets.get(0)
                                .get("recommendations")
                                .get(k)
                                .get("realRows")
                                .asLong()),
                        fmt(shareSum / sets.size()),
                        pct(worst)));
            }
        }
        if (!bySetting.isEmpty()) {
            claims.add(new Claim(
                    "at least 90% of the forecasts at 10× the largest pilot are within 10% of the exact error",
                    accurate + "/" + forecasts + " within 10%; largest relative error " + pct(worstAll),
                    Verdicts.share(accurate, forecasts, ACCURATE_SHARE, ACCURATE_SHARE),
                    ACCURACY,
                    ACCURATE_SHARE));
            claims.add(new Claim(
                    "every recommended share's exact error is within 10% of the exact optimum",
                    "largest excess " + pct(worstRec),
                    Verdicts.below(Interval.point(worstRec), RECOMMENDATION),
                    RECOMMENDATION));
            if (intervals > 0) {
                claims.add(new Claim(
                        "the 90% forecast intervals cover the exact error at least 85% of the time",
                        covered + "/" + intervals, Verdicts.share(covered, intervals, COVERAGE, COVERAGE), COVERAGE));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(Html.paragraph(
                "Ridge on Gaussian data with known truth; pilots simulated at n = d/4, d/2, 2d, 4d, 8d and "
                        + "p2 in {0, 0.1, 0.3, 0.5} (runs per mix as set by seeds), the collapse law fitted without being told the "
                        + "problem (the floor "
                        + (study.fittedFloor() ? "left to the pilots" : "held at the excess risk's 0")
                        + "), " + study.bootstrap()
                        + " bootstrap replicates per fit; forecasts at n = 80d against the exact "
                        + "deterministic equivalent. Pilot set r draws from seed " + study.seed() + " + r."));
        List<String> header = List.of(
                "α", "p2", "pilot sets", "mean |error|", "largest |error|", "within 10%", "90% interval covers");
        b.append(Html.table(header, rows));
        List<String> recHeader = List.of("α", "real rows n1", "mean recommended share", "largest excess over optimum");
        b.append(Html.table(recHeader, recRows));
        StringBuilder text = new StringBuilder(String.join("  ", header)).append('\n');
        rows.forEach(r -> text.append(String.join("  ", r)).append('\n'));
        text.append(String.join("  ", recHeader)).append('\n');
        recRows.forEach(r -> text.append(String.join("  ", r)).append('\n'));
        return new StudyReport(List.of(), b.toString(), claims, text.toString());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
