package org.collapselab.nn.image.study;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.stats.Summary;

/**
 * The figures of an image study: test error on real data vs width (one figure per width sweep) and vs n (one per
 * size sweep), one curve per synthetic share (black = clean, darker = more synthetic), markers at the mean over
 * seeds with ± one standard deviation; and error vs p2 per generator quality. Each figure has an MSE panel and a
 * classification-error panel.
 */
public final class ImageFigures {
    /** A written figure. */
    public record Figure(String caption, Path png, Path svg) {}

    private ImageFigures() {}

    /** Writes every figure of the study into {@code dir}. */
    public static List<Figure> write(ImageResults r, Path dir) throws IOException {
        List<Figure> out = new ArrayList<>();
        ImageStudy s = r.study();
        for (WidthSweep w : s.widthSweeps()) {
            for (int gs : w.generators(s.generator().samples())) {
                String note = widthNote(r, w, gs);
                String base = s.name() + "-width-" + slug(w.network()) + "-n" + w.n()
                        + (w.generatorSamples().isEmpty() ? "" : "-g" + gs);
                java.util.function.Predicate<CellSpec> cells = ImageStudy.member(s.cells(w, gs, s.seed()));
                List<LinePlot> panels = new ArrayList<>();
                for (Metric m : Metric.values()) {
                    List<PlotSeries> series = shareSeries(r, cells, c -> c.width(), m);
                    if (w.network() != NetworkKind.TWO_LAYER) {
                        series.add(vertical("interpolation threshold (width = n)", w.n(), series));
                    }
                    panels.add(new LinePlot(
                            title(s, w.network()) + ", n = " + w.n(),
                            "hidden width",
                            m.label(),
                            true,
                            m == Metric.MSE,
                            series));
                }
                List<Path> files = FigureWriter.write(dir, base, panels);
                out.add(new Figure(
                        String.format(
                                Locale.ROOT,
                                "%s: test error on real data vs hidden width (%s, n = %d%s), "
                                        + "one curve per synthetic share p2; mean ± sd over %d seeds.",
                                s.dataset(),
                                name(w.network()),
                                w.n(),
                                note,
                                s.runs()),
                        files.get(0),
                        files.get(1)));
            }
        }
        for (SizeSweep z : s.sizeSweeps()) {
            for (int gs : z.generators(s.generator().samples())) {
                double c2 = generatorC2(r, gs);
                String note = ImageClaims.generatorNote(s, z, gs);
                String base = s.name() + "-size-" + slug(z.network()) + "-w" + z.width()
                        + (gs == s.generator().samples() ? "" : "-g" + gs) + (z.earlyStopping() ? "" : "-fixed-epochs");
                List<LinePlot> panels = new ArrayList<>();
                for (Metric m : Metric.values()) {
                    List<PlotSeries> series =
                            shareSeries(r, ImageStudy.member(s.cells(z, gs, s.seed())), c -> c.n(), m);
                    if (m == Metric.MSE && Double.isFinite(c2)) {
                        series.addAll(floors(s, z, c2, series));
                    }
                    panels.add(new LinePlot(
                            title(s, z.network()) + ", width " + z.width() + note,
                            "training-set size n",
                            m.label(),
                            true,
                            m == Metric.MSE,
                            series));
                }
                List<Path> files = FigureWriter.write(dir, base, panels);
                out.add(new Figure(
                        String.format(
                                Locale.ROOT,
                                "%s: test error on real data vs training-set size n (%s, "
                                        + "width %d%s), one curve per synthetic share p2; mean ± sd over %d seeds. Thin lines: the collapse "
                                        + "floor p2²c² with the measured c² = %.3f (the MSE a perfectly fitted mixture target keeps as n → ∞).",
                                s.dataset(),
                                name(z.network()),
                                z.width(),
                                note,
                                s.runs(),
                                c2),
                        files.get(0),
                        files.get(1)));
            }
        }
        QualitySweep q = s.qualitySweep();
        if (q != null) {
            List<LinePlot> panels = new ArrayList<>();
            for (Metric m : Metric.values()) {
                List<PlotSeries> series = new ArrayList<>();
                int i = 0;
                for (int gs : q.generatorSamples()) {
                    java.util.function.Predicate<CellSpec> cells = ImageStudy.member(s.cells(q, s.seed()));
                    TreeMap<Double, Summary> curve = Curves.curve(
                            r.results(),
                            c -> cells.test(c) && (c.p2() == 0 || c.generator().samples() == gs),
                            CellSpec::p2,
                            m);
                    Color color = ColorScales.categorical(i++);
                    series.add(markers(
                            String.format(Locale.ROOT, "generator on %d images (c² = %.2f)", gs, generatorC2(r, gs)),
                            curve,
                            color));
                    series.add(joined(curve, color));
                }
                panels.add(new LinePlot(
                        title(s, q.network()) + ", width " + q.width() + ", n = " + q.n(),
                        "synthetic share p2",
                        m.label(),
                        false,
                        false,
                        series));
            }
            List<Path> files = FigureWriter.write(dir, s.name() + "-quality", panels);
            out.add(new Figure(
                    String.format(
                            Locale.ROOT,
                            "%s: test error on real data vs synthetic share p2 for "
                                    + "generators of different quality (%s, width %d, n = %d); mean ± sd over %d seeds.",
                            s.dataset(),
                            name(q.network()),
                            q.width(),
                            q.n(),
                            s.runs()),
                    files.get(0),
                    files.get(1)));
        }
        return out;
    }

    /** Measured c² (mean over replicates) of the study's generator trained on {@code samples} images (NaN if unknown). */
    static double generatorC2(ImageResults r, int samples) {
        GeneratorQuality q = r.generator(samples);
        return q == null ? Double.NaN : q.c2();
    }

    /** ", generator on N images (hard labels)" for a width sweep that names its generators or labels. */
    static String widthNote(ImageResults r, WidthSweep w, int gs) {
        String labels = w.labels() == null ? "" : " (" + w.labels().name().toLowerCase(Locale.ROOT) + " labels)";
        GeneratorQuality q =
                r.generator(gs, w.labels() == null ? r.study().generator().labels() : w.labels());
        return w.generatorSamples().isEmpty() && labels.isEmpty()
                ? ""
                : ", generator on " + gs + " images" + labels
                        + (q == null ? "" : String.format(Locale.ROOT, ", c² = %.3f", q.c2()));
    }

    private static List<PlotSeries> shareSeries(
            ImageResults r,
            java.util.function.Predicate<CellSpec> filter,
            java.util.function.ToDoubleFunction<CellSpec> xOf,
            Metric m) {
        List<PlotSeries> out = new ArrayList<>();
        List<Double> shares = r.study().p2();
        for (int i = 0; i < shares.size(); i++) {
            double p2 = shares.get(i);
            TreeMap<Double, Summary> curve = Curves.curve(r.results(), c -> c.p2() == p2 && filter.test(c), xOf, m);
            Color color = shareColor(shares, p2);
            out.add(markers("p2 = " + fmt(p2), curve, color));
            out.add(joined(curve, color));
        }
        return out;
    }

    /** Black for clean data, then light to dark with the synthetic share. */
    static Color shareColor(List<Double> shares, double p2) {
        if (p2 == 0) {
            return Color.BLACK;
        }
        List<Double> positive = shares.stream().filter(v -> v > 0).sorted().toList();
        return ColorScales.sequential(positive.indexOf(p2), positive.size());
    }

    private static PlotSeries markers(String name, TreeMap<Double, Summary> curve, Color color) {
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        double[] e = new double[curve.size()];
        int i = 0;
        for (Map.Entry<Double, Summary> en : curve.entrySet()) {
            x[i] = en.getKey();
            y[i] = en.getValue().mean();
            e[i] = en.getValue().sd();
            i++;
        }
        return PlotSeries.markers(name, x, y, e, color);
    }

    private static PlotSeries joined(TreeMap<Double, Summary> curve, Color color) {
        double[] x = new double[curve.size()];
        double[] y = new double[curve.size()];
        int i = 0;
        for (Map.Entry<Double, Summary> en : curve.entrySet()) {
            x[i] = en.getKey();
            y[i] = en.getValue().mean();
            i++;
        }
        return PlotSeries.line("", x, y, color);
    }

    private static PlotSeries vertical(String name, double x, List<PlotSeries> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PlotSeries s : series) {
            for (int i = 0; i < s.y().length; i++) {
                double err = s.yErr() == null || !Double.isFinite(s.yErr()[i]) ? 0 : s.yErr()[i];
                if (Double.isFinite(s.y()[i]) && s.y()[i] > 0) {
                    lo = Math.min(lo, s.y()[i]);
                    hi = Math.max(hi, s.y()[i] + err);
                }
            }
        }
        if (!(lo < hi)) {
            lo = 0.01;
            hi = 1;
        }
        return PlotSeries.line(name, new double[] {x, x}, new double[] {lo, hi}, Color.GRAY);
    }

    private static List<PlotSeries> floors(ImageStudy s, SizeSweep z, double c2, List<PlotSeries> series) {
        double lo = Double.POSITIVE_INFINITY;
        for (PlotSeries p : series) {
            for (double v : p.y()) {
                if (Double.isFinite(v) && v > 0) {
                    lo = Math.min(lo, v);
                }
            }
        }
        List<PlotSeries> out = new ArrayList<>();
        double x0 = z.n().stream().mapToInt(Integer::intValue).min().orElse(1);
        double x1 = z.n().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (double p2 : s.p2()) {
            double floor = p2 * p2 * c2;
            if (p2 > 0 && floor >= 0.5 * lo) {
                out.add(PlotSeries.line(
                        "floor p2²c², p2 = " + fmt(p2),
                        new double[] {x0, x1},
                        new double[] {floor, floor},
                        shareColor(s.p2(), p2).brighter()));
            }
        }
        return out;
    }

    private static String title(ImageStudy s, NetworkKind k) {
        return s.dataset() + ": " + name(k);
    }

    /** Human name of a network kind. */
    public static String name(NetworkKind k) {
        return switch (k) {
            case TWO_LAYER -> "two-layer network (trained)";
            case RANDOM_FEATURES -> "random features (ridge readout)";
            case RANDOM_FEATURES_ADAM -> "random features (Adam readout)";
        };
    }

    private static String slug(NetworkKind k) {
        return switch (k) {
            case TWO_LAYER -> "twolayer";
            case RANDOM_FEATURES -> "rf";
            case RANDOM_FEATURES_ADAM -> "rf-adam";
        };
    }

    /** Compact number for labels. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
