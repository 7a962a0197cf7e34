package org.collapselab.nn.image.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.Template;
import org.collapselab.experiments.stats.Bootstrap;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.model.TrainingPlan;

/**
 * The HTML of one image study in the report: data, synthetic-data quality over generator replicates, parameters,
 * statistics, figures, the best width per generator quality, run summary. The prose is the template
 * {@code image-report.html} next to this class.
 */
public final class ImageReport {
    private ImageReport() {}

    /** Body HTML of a finished study (prose from the template {@code image-report.html}). */
    public static String html(
            ImageResults r, ImageDataset data, Path dataFolder, List<ImageFigures.Figure> figures, Path reportDir) {
        ImageStudy s = r.study();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", s.name());
        v.put("description", s.description().isEmpty() ? "" : Html.paragraph(s.description()));
        v.put(
                "dataTable",
                Html.table(
                        List.of("data", "value"),
                        List.of(
                                List.of(
                                        "data set",
                                        s.dataset() + " ("
                                                + dataFolder.toAbsolutePath().normalize() + ")"),
                                List.of(
                                        "training split",
                                        data.train().count() + " images "
                                                + data.train().rows() + "x"
                                                + data.train().cols() + ", "
                                                + data.train().classes() + " classes"),
                                List.of(
                                        "test split (all errors are measured here, on real labels)",
                                        data.test().count() + " images"),
                                List.of(
                                        "reserved for generators",
                                        s.reserved() + " training images (never seen by the studied models)"),
                                List.of(
                                        "pool for real and synthetic samples",
                                        (data.train().count() - s.reserved()) + " training images"))));
        v.put("generatorWidth", s.generator().width());
        v.put("labels", s.generator().labels().name().toLowerCase(Locale.ROOT));
        v.put(
                "noise",
                s.generator().noise() > 0
                        ? " (plus Gaussian noise of s.d. " + s.generator().noise() + ")"
                        : "");
        v.put("replicates", s.generatorSeeds());
        List<List<String>> gq = new ArrayList<>();
        for (GeneratorQuality q : r.generators().values()) {
            gq.add(List.of(
                    q.samples()
                            + (q.samples() == s.generator().samples()
                                            && q.labels() == s.generator().labels()
                                    ? " (main)"
                                    : ""),
                    q.labels().name().toLowerCase(Locale.ROOT),
                    q.pool().size() > 1
                            ? String.format(Locale.ROOT, "%.4f ± %.4f", q.c2(), q.c2Sd())
                            : String.format(Locale.ROOT, "%.4f", q.c2()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * q.labelError()),
                    String.format(Locale.ROOT, "%.4f", q.testMse()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * q.testError()),
                    Integer.toString(q.pool().size())));
        }
        v.put(
                "generatorTable",
                Html.table(
                        List.of(
                                "generator trained on (real images)",
                                "labels",
                                "c² (synthetic vs true, pool; mean ± s.d.)",
                                "wrong synthetic labels",
                                "generator test MSE",
                                "generator test error",
                                "replicates"),
                        gq));
        v.put("parameterTable", Html.table(List.of("parameter", "value"), parameters(s, data)));
        v.put("minEffect", ImageClaims.MIN_EFFECT.describe() + "; " + ImageClaims.NO_FALL.describe());
        v.put("resamples", Bootstrap.RESAMPLES);
        StringBuilder figs = new StringBuilder();
        for (ImageFigures.Figure f : figures) {
            figs.append(Html.figure(reportDir, f.png(), f.svg(), f.caption()));
        }
        v.put("figures", figs.toString());
        v.put(
                "bestWidthTable",
                Html.table(
                        List.of("sweep", "generator", "p2", "best width", "95% bootstrap interval"),
                        WidthClaims.bestWidths(r)));
        v.put("cells", cells(r));
        v.put("cpu", cpu(r));
        return Template.render(ImageReport.class, "image-report.html", v);
    }

    private static List<List<String>> parameters(ImageStudy s, ImageDataset data) {
        List<List<String>> params = new ArrayList<>();
        params.add(List.of("synthetic shares p2", join(s.p2())));
        params.add(List.of(
                "seeds per cell", s.runs() + " (from " + s.seed() + "), generator replicates " + s.generatorSeeds()));
        for (WidthSweep w : s.widthSweeps()) {
            params.add(List.of(
                    "width sweep: " + ImageFigures.name(w.network()),
                    "n = " + w.n() + ", widths "
                            + joinInts(w.widths())
                            + (w.generatorSamples().isEmpty()
                                    ? ""
                                    : ", generators on " + joinInts(w.generatorSamples()) + " real images")
                            + (w.labels() == null
                                    ? ""
                                    : ", " + w.labels().name().toLowerCase(Locale.ROOT) + " synthetic labels")));
        }
        for (SizeSweep z : s.sizeSweeps()) {
            params.add(List.of(
                    "size sweep: " + ImageFigures.name(z.network()),
                    "width " + z.width() + ", n "
                            + joinInts(z.n())
                            + (z.generatorSamples().isEmpty()
                                    ? ""
                                    : ", generators on " + joinInts(z.generatorSamples()) + " real images")
                            + (z.earlyStopping() ? "" : ", fixed epochs (no early " + "stopping)")));
        }
        if (s.qualitySweep() != null) {
            QualitySweep q = s.qualitySweep();
            params.add(List.of(
                    "quality sweep: " + ImageFigures.name(q.network()),
                    "width " + q.width() + ", n = " + q.n() + ", generators on " + joinInts(q.generatorSamples())
                            + " real images"));
        }
        TrainingPlan t = s.training();
        params.add(List.of(
                "training (Adam)",
                String.format(
                        Locale.ROOT,
                        "loss: mean over images of the squared error "
                                + "summed over the %d outputs (one-hot targets); batch %d, learning rate %s, weight decay %s, at least %d "
                                + "epochs and %d steps%s",
                        data.train().classes(),
                        t.batchSize(),
                        ImageFigures.fmt(t.learningRate()),
                        ImageFigures.fmt(t.weightDecay()),
                        t.epochs(),
                        t.minSteps(),
                        t.patience() > 0
                                ? String.format(
                                        Locale.ROOT,
                                        "; early stopping after %d epochs without a lower error on %d real validation images",
                                        t.patience(),
                                        t.validation())
                                : "")));
        params.add(List.of(
                "random features",
                "first layer N(0, 1/d), ReLU, frozen; readout + intercept by ridge, λ = " + ImageFigures.fmt(s.ridge())
                        + " (loss (1/n)Σ‖·‖² + λ‖v‖²), solved exactly in double precision"));
        params.add(List.of("inputs", "pixels/255 standardised by the training split's mean and s.d."));
        return params;
    }

    private static String cells(ImageResults r) {
        double trainSeconds = 0;
        double samples = 0;
        double rfSeconds = 0;
        int rf = 0;
        for (CellResult c : r.results().values()) {
            if (Double.isFinite(c.samplesPerSecond()) && c.samplesPerSecond() > 0) {
                trainSeconds += c.trainSeconds();
                samples += c.samplesPerSecond() * c.trainSeconds();
            } else {
                rfSeconds += c.trainSeconds();
                rf++;
            }
        }
        List<String> speed = new ArrayList<>();
        if (trainSeconds > 0) {
            speed.add(String.format(
                    Locale.ROOT,
                    "Adam training throughput %.0f images/s per worker thread (forward + "
                            + "backward, averaged over all trained cells)",
                    samples / trainSeconds));
        }
        if (rf > 0) {
            speed.add(String.format(Locale.ROOT, "random-features ridge solves %.2f s on average", rfSeconds / rf));
        }
        return String.format(
                Locale.ROOT,
                "%d cells in the result database, %d missing (other shards or failed).%s",
                r.results().size(),
                r.missing(),
                speed.isEmpty() ? "" : " " + capitalised(String.join("; ", speed)) + ".");
    }

    private static String cpu(ImageResults r) {
        double cpu = 0;
        double predicted = 0;
        int timed = 0;
        for (Map.Entry<CellSpec, CellResult> e : r.results().entrySet()) {
            if (e.getValue().cpuSeconds() > 0) {
                cpu += e.getValue().cpuSeconds();
                predicted += CellCost.seconds(e.getKey());
                timed++;
            }
        }
        return timed == 0
                ? ""
                : Html.paragraph(String.format(
                        Locale.ROOT,
                        "CPU time of the %d cells that recorded it (one "
                                + "PyTorch thread each, so it is what the cells cost on idle cores whatever the machine's load): %.1f "
                                + "core-minutes; the cost model used for planning (CellCost) predicted %.1f.",
                        timed,
                        cpu / 60,
                        predicted / 60));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String join(List<Double> v) {
        List<String> t = new ArrayList<>();
        for (double x : v) {
            t.add(ImageFigures.fmt(x));
        }
        return String.join(", ", t);
    }

    private static String joinInts(List<Integer> v) {
        List<String> t = new ArrayList<>();
        for (int x : v) {
            t.add(Integer.toString(x));
        }
        return String.join(", ", t);
    }
}
