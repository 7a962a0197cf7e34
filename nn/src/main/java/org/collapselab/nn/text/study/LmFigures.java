package org.collapselab.nn.text.study;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.stats.Effect;

/**
 * The language-model study's figures: the final real-test loss against the budget T per arm (one panel per
 * generator, one for the controls), the penalty against T with its 95% interval and the band ±MIN_EFFECT, and the
 * penalty by position in the context window at the largest budget.
 */
final class LmFigures {
    private LmFigures() {}

    /** The three figures (PNG and SVG each), in the order above. */
    static List<List<Path>> write(Path dir, LmAnalysis a) throws IOException {
        return List.of(
                FigureWriter.write(dir, "lm-loss-vs-budget", lossPanels(a)),
                FigureWriter.write(dir, "lm-penalty-vs-budget", penaltyPanels(a)),
                FigureWriter.write(dir, "lm-penalty-by-position", List.of(positionPanel(a))));
    }

    private static List<LinePlot> lossPanels(LmAnalysis a) {
        LmExperimentConfig c = a.config;
        List<LinePlot> out = new ArrayList<>();
        for (LmGeneratorConfig g : c.generators()) {
            List<PlotSeries> s = new ArrayList<>();
            s.addAll(lossSeries(a, LmArm.REAL_ONLY, Color.BLACK));
            List<Double> shares = c.p2s().stream().filter(p -> p > 0).toList();
            for (int i = 0; i < shares.size(); i++) {
                s.addAll(lossSeries(
                        a,
                        new LmArm(LmArm.Source.GENERATED, g.name(), shares.get(i)),
                        ColorScales.sequential(i + 1, shares.size() + 1)));
            }
            LmAnalysis.Stat gl = a.generatorLoss(g.name());
            double[] x = budgets(c);
            double[] y = new double[x.length];
            java.util.Arrays.fill(y, gl.mean());
            s.add(PlotSeries.line("the generator itself", x, y, Color.GRAY));
            out.add(new LinePlot(
                    g.name() + " generator (" + g.model().shape() + ", "
                            + LmClaims.tokens(g.plan().tokens()) + " tokens)",
                    "training tokens T",
                    "real-test loss (nats/token)",
                    true,
                    false,
                    s));
        }
        List<PlotSeries> s = new ArrayList<>();
        s.addAll(lossSeries(a, LmArm.REAL_ONLY, Color.BLACK));
        int i = 0;
        for (double p : c.shiftedP2s()) {
            s.addAll(lossSeries(a, new LmArm(LmArm.Source.SHIFTED, "", p), ColorScales.categorical(i++)));
        }
        for (double p : c.dilutionP2s()) {
            s.addAll(lossSeries(a, new LmArm(LmArm.Source.DILUTED, "", p), ColorScales.categorical(i++)));
        }
        out.add(new LinePlot(
                "controls: shifted real text, real part alone",
                "training tokens T",
                "real-test loss (nats/token)",
                true,
                false,
                s));
        return out;
    }

    /** The mean loss over seeds as a line, and markers with ±1 s.d. bars carrying the legend. */
    private static List<PlotSeries> lossSeries(LmAnalysis a, LmArm arm, Color color) {
        double[] x = budgets(a.config);
        double[] y = new double[x.length];
        double[] e = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            long t = a.config.budgets().get(k);
            LmAnalysis.Stat st = a.has(arm, t) ? a.finalLoss(arm, t) : new LmAnalysis.Stat(Double.NaN, 0, 0);
            y[k] = st.mean();
            e[k] = st.std();
        }
        return List.of(PlotSeries.line("", x, y, color), PlotSeries.markers(arm.label(), x, y, e, color));
    }

    private static List<LinePlot> penaltyPanels(LmAnalysis a) {
        LmExperimentConfig c = a.config;
        List<LinePlot> out = new ArrayList<>();
        for (LmGeneratorConfig g : c.generators()) {
            List<PlotSeries> s = new ArrayList<>();
            List<Double> shares = c.p2s().stream().filter(p -> p > 0 && p < 1).toList();
            for (int i = 0; i < shares.size(); i++) {
                s.add(penaltySeries(
                        a,
                        new LmArm(LmArm.Source.GENERATED, g.name(), shares.get(i)),
                        ColorScales.sequential(i + 1, shares.size() + 1)));
            }
            s.addAll(band(c));
            out.add(new LinePlot(
                    "penalty of the " + g.name() + " generator's text (95% CI)",
                    "training tokens T",
                    "L(p2) − L(0) (nats/token)",
                    true,
                    false,
                    s));
        }
        return out;
    }

    private static PlotSeries penaltySeries(LmAnalysis a, LmArm arm, Color color) {
        double[] x = budgets(a.config);
        double[] y = new double[x.length];
        double[] e = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            long t = a.config.budgets().get(k);
            Effect p = a.has(arm, t) ? a.penalty(arm, t) : null;
            Interval i = p == null ? null : p.interval(0.95);
            y[k] = i == null ? Double.NaN : i.estimate();
            e[k] = i == null || !Double.isFinite(i.high()) ? 0 : (i.high() - i.low()) / 2;
        }
        return new PlotSeries(arm.label(), x, y, e, false, color);
    }

    /** The lines ±MIN_EFFECT and 0. */
    private static List<PlotSeries> band(LmExperimentConfig c) {
        double[] x = budgets(c);
        List<PlotSeries> out = new ArrayList<>();
        for (double v : new double[] {LmClaims.MIN_EFFECT.value(), 0, -LmClaims.MIN_EFFECT.value()}) {
            double[] y = new double[x.length];
            java.util.Arrays.fill(y, v);
            out.add(PlotSeries.line(v == 0 ? "0" : (v > 0 ? "+" : "−") + "MIN_EFFECT", x, y, Color.LIGHT_GRAY));
        }
        return out;
    }

    private static LinePlot positionPanel(LmAnalysis a) {
        LmExperimentConfig c = a.config;
        long t = c.largestBudget();
        List<PlotSeries> s = new ArrayList<>();
        int i = 0;
        for (LmArm arm : c.arms()) {
            if (arm.source() == LmArm.Source.REAL || !a.has(arm, t) || !a.has(LmArm.REAL_ONLY, t)) {
                continue;
            }
            int ctx = c.model().context();
            double[] x = new double[ctx];
            double[] y = new double[ctx];
            for (int k = 0; k < ctx; k++) {
                final int pos = k;
                x[k] = k + 1;
                Effect e = a.difference(arm, LmArm.REAL_ONLY, t, r -> r.positionLoss()[pos]);
                y[k] = e == null ? Double.NaN : e.mean();
            }
            s.add(PlotSeries.line(arm.label(), x, y, ColorScales.categorical(i++)));
        }
        return new LinePlot(
                "penalty by position in the context window, T = " + LmClaims.tokens(t),
                "position (tokens of context + 1)",
                "L(arm) − L(0) (nats/token)",
                true,
                false,
                s);
    }

    private static double[] budgets(LmExperimentConfig c) {
        return c.budgets().stream().mapToDouble(Long::doubleValue).toArray();
    }
}
