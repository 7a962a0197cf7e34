package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.experiments.diagnose.DataFiles;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.collapselab.experiments.diagnose.DiagnosisReport;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab diagnose}: the paper's method on a user's real and synthetic data files. */
@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        description = {
            "Estimate how far a synthetic data set is from a real one: c² = ‖w2 − w1‖²_Σ1",
            "with a 95%% interval, noise levels σ1², σ2², the label offset and feature shift, from",
            "10 real rows up. Choose a recipe (k synthetic rows, weight A, λ) by theory averaged",
            "over the estimates' uncertainty, confirmed by cross-validation, beside three",
            "baselines (real only, all synthetic, a CV practitioner), each measured the same way."
        })
final class DiagnoseCommand implements Callable<Integer> {
    @Option(
            names = "--real",
            required = true,
            paramLabel = "R.csv",
            description = "Real rows: CSV with a header (.csv.gz, ; or tab delimited too), or .npy/.npz.")
    Path real;

    @Option(
            names = "--synthetic",
            required = true,
            paramLabel = "S.csv",
            description = "Synthetic rows, same columns; a recipe uses the first k data lines.")
    Path synthetic;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (default: ${DEFAULT-VALUE}).")
    String label = "y";

    @Option(names = "--test", paramLabel = "T.csv", description = "Held-out real rows to measure on instead of CV.")
    Path test;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--splits", paramLabel = "S", hidden = true, description = "Unused (kept for old scripts).")
    int splits = 16;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the folds (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--delimiter", paramLabel = "C", description = "CSV delimiter: , ; | or tab (default: detected).")
    String delimiter;

    @Option(
            names = "--one-hot",
            paramLabel = "COL,...",
            split = ",",
            description = "Categorical columns to expand into 0/1 columns.")
    List<String> oneHot = List.of();

    @Option(names = "--drop-missing", description = "Drop rows with missing cells instead of refusing the file.")
    boolean dropMissing;

    @Option(
            names = "--task",
            paramLabel = "TASK",
            description = "regression (default) or classification (0/1 labels: accuracy and AUC reported).")
    String task = "regression";

    @Option(names = "--predict", paramLabel = "X.csv", description = "Rows to predict with the recommended model.")
    Path predict;

    @Option(names = "--predictions", paramLabel = "P.csv", description = "Where --predict writes its predictions.")
    Path predictions;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/diagnose.html with figures.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((predict == null) != (predictions == null)) {
            throw new org.collapselab.validation.ParameterException(
                    predict == null ? "predict" : "predictions",
                    "missing",
                    "given together with " + (predict == null ? "--predictions" : "--predict"));
        }
        char delim = 0;
        if (delimiter != null) {
            String d = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1 || ",;|\t".indexOf(d.charAt(0)) < 0) {
                throw new org.collapselab.validation.ParameterException("delimiter", delimiter, "one of , ; | tab");
            }
            delim = d.charAt(0);
        }
        if (!task.equals("regression") && !task.equals("classification")) {
            throw new org.collapselab.validation.ParameterException("task", task, "regression or classification");
        }
        DiagnoseOptions options = new DiagnoseOptions(
                real, synthetic, label, test, folds, splits, seed, delim, oneHot, dropMissing, task);
        DiagnosisResult r = Diagnosis.run(options);
        if (options.classification() && !r.binary()) {
            throw new org.collapselab.validation.ParameterException(
                    "task",
                    "classification with labels other than 0/1",
                    "classification only with 0/1 labels in the real file");
        }
        PrintWriter o = spec.commandLine().getOut();
        Path page = null;
        int predicted = -1;
        if (out != null) {
            try {
                page = DiagnosisReport.write(out, r);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        out + ": cannot write the report: " + e.getClass().getSimpleName(), e);
            }
        }
        if (predict != null) {
            try {
                predicted = DataFiles.predict(options, r, predict, predictions);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        predictions + ": cannot write the predictions: "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }
        if (json) {
            o.println(DiagnosisJson.write(r));
        } else {
            print(o, r);
            if (page != null) {
                o.println("report: " + page);
            }
            if (predicted >= 0) {
                o.println("predictions: " + predicted + " rows written to " + predictions);
            }
        }
        for (String w : r.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        return 0;
    }

    private static void print(PrintWriter o, DiagnosisResult r) {
        SourceEstimates e = r.estimates();
        o.printf(
                "real %s: n1 = %d; synthetic %s: n2 = %d; d = %d; estimator: %s%n",
                r.realFile(), e.realRows(), r.syntheticFile(), e.syntheticRows(), e.dimension(), e.estimator());
        o.printf(
                "  c2 (synthetic quality)  %.4g  [%.4g, %.4g] (%.0f%%)%n",
                e.c2(), e.c2Low(), e.c2High(), 100 * e.confidence());
        o.printf(
                "  sigma2 real / synthetic %.4g ± %.2g / %.4g ± %.2g%n",
                e.sigma2Real(), e.sigma2RealStdError(), e.sigma2Synthetic(), e.sigma2SyntheticStdError());
        o.printf(
                "  label offset (real - synthetic) %.4g ± %.2g; mean shift %.3g (Mahalanobis)%n",
                e.labelOffset(), e.labelOffsetStdError(), e.meanShift());
        o.printf(
                "  |Sigma2 - Sigma1|_F/|Sigma1|_F %.3g   off-diagonal share %.3g%n",
                e.covarianceDistance(), e.offDiagonalShare());
        o.println("recommendation: " + r.decision());
        o.printf(
                Locale.ROOT,
                "  predicted error at c2 = low / estimate / high: %.5g / %.5g / %.5g%n",
                r.sensitivity()[0],
                r.sensitivity()[1],
                r.sensitivity()[2]);
        DiagnosisResult.Validation v = r.validation();
        o.printf(
                "%-14s %8s %9s %10s %11s %12s %12s %20s%s%n",
                "recipe",
                "k",
                "A",
                "lambda",
                "sklearn a",
                "predicted",
                "pred@valid",
                "measured (" + (v.method().equals("test") ? "test" : "CV") + ")",
                r.binary() ? "  accuracy   AUC" : "");
        row(o, "recommended", v.recommended(), r.binary());
        row(o, "real only", v.realOnly(), r.binary());
        row(o, "all synthetic", v.allSynthetic(), r.binary());
        row(o, "practitioner", v.practitioner(), r.binary());
        var ver = r.verification();
        if (ver.recipe() != null) {
            row(o, "verify+train", ver.recipe(), r.binary());
        }
        o.printf(
                Locale.ROOT,
                "verify then train: a verifier keeping synthetic rows within %.3g s of the real-only fit "
                        + "keeps %d of %d (%.1f%%)%s%n",
                ver.band(),
                ver.keptRows(),
                ver.syntheticRows(),
                100 * ver.keptShare(),
                ver.recipe() == null
                        ? "; too few to train on"
                        : String.format(
                                Locale.ROOT,
                                "; then k = %d, A = %.3g, lambda = %.3g: predicted error %.5g, measured %.5g",
                                ver.recipe().recipe().syntheticRows(),
                                ver.recipe().recipe().syntheticWeight(),
                                ver.recipe().recipe().lambda(),
                                ver.recipe().predicted(),
                                ver.recipe().measured()));
        if (r.classification() != null) {
            var c = r.classification();
            o.printf(
                    Locale.ROOT,
                    "classification (l2-logistic, chosen on CV log-loss): k = %d, A = %.3g, lambda = %.3g; "
                            + "CV log-loss %.4g, error %.4g, AUC %.4g (real only: log-loss %.4g, error %.4g)%n",
                    c.recipe().syntheticRows(),
                    c.recipe().syntheticWeight(),
                    c.recipe().lambda(),
                    c.logLoss(),
                    c.error(),
                    c.auc(),
                    c.realOnlyLogLoss(),
                    c.realOnlyError());
        }
        StringBuilder t = new StringBuilder("CPU seconds:");
        r.cpuSeconds().forEach((k, s) -> t.append(String.format(Locale.ROOT, " %s %.2f", k, s)));
        o.println(t);
    }

    private static void row(PrintWriter o, String name, Check c, boolean binary) {
        o.printf(
                "%-14s %8d %9.3g %10.3g %11.3g %12.5g %12.5g %12.5g ± %.2g%s%n",
                name,
                c.recipe().syntheticRows(),
                c.recipe().syntheticWeight(),
                c.recipe().lambda(),
                c.sklearnAlpha(),
                c.predicted(),
                c.predictedAtValidation(),
                c.measured(),
                c.measuredStdError(),
                binary ? String.format(Locale.ROOT, "  %8.3f %5.3f", c.accuracy(), c.auc()) : "");
    }
}
