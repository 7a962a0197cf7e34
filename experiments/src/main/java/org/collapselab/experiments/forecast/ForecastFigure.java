package org.collapselab.experiments.forecast;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.forecast.Estimate;
import org.collapselab.forecast.ForecastResult;

/**
 * The forecast figure (JFreeChart, PNG and SVG): error vs n on log axes, one colour per share, pilots as markers
 * (mean ± one standard error), forecast curves as lines with their interval as thin lines of the same colour, the
 * requested point as a black marker with its interval. Left panel: the collapse law; right panel: the per-share
 * power law on the same pilots.
 */
public final class ForecastFigure {
    private ForecastFigure() {}

    /** Writes DIR/forecast.png and DIR/forecast.svg. */
    public static List<Path> write(Path dir, ForecastResult r) throws IOException {
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * r.level());
        return FigureWriter.write(
                dir,
                "forecast",
                List.of(
                        panel("collapse law (" + r.law() + "), " + level + " intervals", r, false),
                        panel("per-share power law E∞ + a·n^−b, " + level + " intervals", r, true)));
    }

    private static LinePlot panel(String title, ForecastResult r, boolean baseline) {
        List<PlotSeries> series = new ArrayList<>();
        for (int c = 0; c < r.curves().size(); c++) {
            ForecastResult.Curve curve = r.curves().get(c);
            Color color = ColorScales.categorical(c);
            Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 110);
            Estimate[] e = baseline ? curve.baseline() : curve.law();
            String name = "p2 = " + fmt(curve.p2()) + (curve.weight() != 1 ? ", A = " + fmt(curve.weight()) : "");
            if (e != null) {
                series.add(PlotSeries.line(name, curve.n(), values(e, 0), color));
                series.add(PlotSeries.line("", curve.n(), values(e, 1), light));
                series.add(PlotSeries.line("", curve.n(), values(e, 2), light));
            }
            List<ForecastResult.FittedGroup> gs = r.groups().stream()
                    .filter(g -> g.p2() == curve.p2() && (curve.p2() == 0 || g.weight() == curve.weight()))
                    .toList();
            if (!gs.isEmpty()) {
                series.add(PlotSeries.markers(
                        e == null ? name + " (pilots only)" : "",
                        gs.stream().mapToDouble(g -> g.n()).toArray(),
                        gs.stream()
                                .mapToDouble(ForecastResult.FittedGroup::mean)
                                .toArray(),
                        gs.stream()
                                .mapToDouble(ForecastResult.FittedGroup::stderr)
                                .toArray(),
                        color));
            }
        }
        ForecastResult.Point p = r.forecast();
        Estimate t = baseline ? p.baseline() : p.law();
        if (t != null && Double.isFinite(t.low())) {
            double half = Math.max(t.high() - t.value(), t.value() - t.low());
            series.add(PlotSeries.markers(
                    "forecast n = " + p.n() + ", p2 = " + fmt(p.p2()),
                    new double[] {p.n()},
                    new double[] {t.value()},
                    new double[] {half},
                    Color.BLACK));
        }
        return new LinePlot(title, "training rows n", "test error", true, true, series);
    }

    private static double[] values(Estimate[] e, int which) {
        double[] v = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            v[i] = which == 0 ? e[i].value() : which == 1 ? e[i].low() : e[i].high();
        }
        return v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
