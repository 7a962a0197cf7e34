package org.collapselab.experiments.advice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapselab.advice.Advice;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Recipe;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.problem.ModelKind;

/**
 * The figure of {@code collapselab advise --out}: predicted real-test MSE vs the number k of synthetic rows used,
 * one line per weight A (the advised A, a quarter and four times it, and A = 1; λ tuned at each point), with the advised recipe and
 * the real-only / use-everything baselines as markers.
 */
public final class AdviceFigure {
    /** Points per curve. */
    static final int POINTS = 25;

    private AdviceFigure() {}

    /** The weights drawn for an advice. */
    public static List<Double> weights(Advice advice) {
        double a = advice.best().syntheticWeight();
        TreeSet<Double> w = new TreeSet<>();
        if (a > 0) {
            w.add(a);
            w.add(a / 4);
            w.add(a * 4);
        } else {
            w.add(0.01);
            w.add(0.1);
        }
        w.add(1.0);
        return new ArrayList<>(w);
    }

    /** The panel (theory only). */
    public static LinePlot panel(Advice advice) {
        List<PlotSeries> series = new ArrayList<>();
        List<Double> weights = weights(advice);
        long width = advice.best().width();
        for (int i = 0; i < weights.size(); i++) {
            List<Recipe> curve = Advisor.curve(advice.regime(), weights.get(i), width, POINTS);
            double[] x = new double[curve.size()];
            double[] y = new double[curve.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = curve.get(j).syntheticRows();
                y[j] = curve.get(j).predictedTestMse();
            }
            series.add(PlotSeries.line(
                    String.format("A = %.3g", weights.get(i)), x, y, ColorScales.sequential(i, weights.size())));
        }
        series.add(marker("advised", advice.best(), 0));
        series.add(marker("real only", advice.realOnly(), 1));
        series.add(marker("use everything", advice.useEverything(), 2));
        String title = advice.regime().model() == ModelKind.RIDGE ? "ridge" : "random projections, m = " + width;
        return new LinePlot(
                "Predicted error vs synthetic rows (" + title + ")",
                "synthetic rows used k",
                "predicted test MSE (incl. σ1²)",
                false,
                true,
                series);
    }

    /** Writes DIR/advise.png and DIR/advise.svg. */
    public static List<Path> write(Advice advice, Path dir) throws IOException {
        return FigureWriter.write(dir, "advise", List.of(panel(advice)));
    }

    private static PlotSeries marker(String name, Recipe r, int colour) {
        return PlotSeries.markers(
                name,
                new double[] {r.syntheticRows()},
                new double[] {r.predictedTestMse()},
                null,
                ColorScales.categorical(colour));
    }
}
