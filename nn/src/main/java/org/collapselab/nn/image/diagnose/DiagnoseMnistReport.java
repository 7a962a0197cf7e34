package org.collapselab.nn.image.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * The report of {@code diagnose} on MNIST: the setting, one table per validation (predicted vs measured error of the
 * recommended recipe and the two baselines), and the claims: the recipe is no worse than either baseline on the test
 * split (a difference within {@link #TIE_SE} standard errors is a tie), and the theory predicts each measured error
 * within {@link #PREDICTION} (relative).
 */
final class DiagnoseMnistReport {
    /** Standard errors within which the recipe's error counts as no worse than a baseline's. */
    static final Threshold TIE_SE = new Threshold("TIE_SE", 1, "standard errors of a tie");
    /** Largest relative deviation of the predicted error from the measured one. */
    static final Threshold PREDICTION = new Threshold("PREDICTION", 0.10, "largest |predicted − measured|/measured");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiagnoseMnistReport() {}

    static StudyReport report(DiagnoseMnistStudy study, StudyResults results) throws IOException {
        List<DiagnoseMnistCell> cells = results.present(DiagnoseMnistCell.class);
        if (cells.isEmpty()) {
            return new StudyReport(
                    List.of(), Html.paragraph("The diagnosis is not in the database yet."), List.of(), "");
        }
        JsonNode r = JSON.readTree(results.stored().get(cells.get(0).key()).resultJson());
        MnistDiagnosis s = study.setup();
        StringBuilder b = new StringBuilder();
        b.append(Html.paragraph(String.format(
                Locale.ROOT,
                "Features: the top %d principal components of standardised "
                        + "MNIST images. Real target: 1 if the image shows a %d, else 0 (n1 = %d images). Synthetic target: the "
                        + "generator network's output for class %d (a two-layer network trained on %d reserved images; its test MSE "
                        + "on one-hot labels %.4f, test error %.1f%%) on n2 = %d other images. Measured three ways: on %d MNIST "
                        + "test images, on %d held-out training images (the real rows' own distribution) and by 5-fold "
                        + "cross-validation on the real rows. The theory treats the data as Gaussian with a linear teacher; here "
                        + "neither holds.",
                s.d(),
                s.digit(),
                s.realRows(),
                s.digit(),
                s.generatorSamples(),
                r.path("generatorTestMse").asDouble(),
                100 * r.path("generatorTestError").asDouble(),
                s.syntheticRows(),
                r.path("test").path("validation").path("heldOutRows").asInt(),
                r.path("heldout").path("validation").path("heldOutRows").asInt())));
        List<Claim> claims = new ArrayList<>();
        JsonNode test = r.path("test");
        claims.add(beatsOrTies(
                "recommended recipe vs real only (test split)",
                test.path("recommendation"),
                test.path("baselines").path("realOnly")));
        claims.add(beatsOrTies(
                "recommended recipe vs all synthetic rows at weight 1 (test split)",
                test.path("recommendation"),
                test.path("baselines").path("allSynthetic")));
        for (String v : DiagnoseMnistCell.VALIDATIONS) {
            JsonNode d = r.path(v);
            String where = v.equals("cv")
                    ? "5-fold cross-validation on the real rows"
                    : v.equals("heldout") ? "held-out training images" : "MNIST test split";
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : List.of(
                    d.path("recommendation"),
                    d.path("baselines").path("realOnly"),
                    d.path("baselines").path("allSynthetic"))) {
                claims.add(predicted(c, where));
                rows.add(List.of(
                        recipe(c),
                        num(c.path("predictedAtValidation")),
                        num(c.path("measuredError")) + " ± " + num(c.path("measuredStdError"))));
            }
            b.append("<h3>Measured on ").append(Html.escape(where)).append("</h3>\n");
            b.append(Html.table(
                    List.of("recipe (recommended, real only, all synthetic)", "predicted MSE", "measured MSE"), rows));
        }
        return new StudyReport(List.of(), b.toString(), claims, "");
    }

    private static String recipe(JsonNode c) {
        return String.format(
                Locale.ROOT,
                "k = %d, A = %.3g, λ = %.3g",
                c.path("syntheticRows").asInt(),
                c.path("syntheticWeight").asDouble(),
                c.path("lambda").asDouble());
    }

    private static String num(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.5f", v.asDouble()) : "-";
    }

    private static Claim beatsOrTies(String what, JsonNode a, JsonNode b) {
        double ma = a.path("measuredError").asDouble();
        double mb = b.path("measuredError").asDouble();
        double sa = a.path("measuredStdError").asDouble();
        double sb = b.path("measuredStdError").asDouble();
        double diff = ma - mb;
        double se = Math.hypot(sa, sb);
        return new Claim(
                "diagnose's recipe is no worse: " + what,
                String.format(
                        Locale.ROOT, "%.5f vs %.5f (difference %.5f, s.e. of each %.5f / %.5f)", ma, mb, diff, sa, sb),
                Verdicts.holds(diff <= TIE_SE.value() * se),
                TIE_SE);
    }

    /** Prediction at the validation's training size (n1 for a test file, n1·(K−1)/K for K-fold) vs measurement. */
    private static Claim predicted(JsonNode c, String where) {
        double predicted = c.path("predictedAtValidation").asDouble(Double.NaN);
        double measured = c.path("measuredError").asDouble();
        double rel = (predicted - measured) / measured;
        return new Claim(
                String.format(
                        Locale.ROOT,
                        "theory predicts the MSE on %s within 10%% (k = %d, A = %.3g, " + "λ = %.3g)",
                        where,
                        c.path("syntheticRows").asInt(),
                        c.path("syntheticWeight").asDouble(),
                        c.path("lambda").asDouble()),
                String.format(
                        Locale.ROOT,
                        "predicted %.5f, measured %.5f ± %.5f (%+.1f%%)",
                        predicted,
                        measured,
                        c.path("measuredStdError").asDouble(),
                        100 * rel),
                Verdicts.near(Interval.point(rel), 0, PREDICTION),
                PREDICTION);
    }
}
