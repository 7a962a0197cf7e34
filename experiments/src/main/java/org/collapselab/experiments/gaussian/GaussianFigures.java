package org.collapselab.experiments.gaussian;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.ColorScatterPlot;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.Panel;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.figures.ScatterPoints;

/**
 * Draws the figures an experiment file declares from its stored results: line figures (theory as lines, simulation
 * as markers with mean ± std bars) and Pareto figures (mixture error vs real-only error, coloured by log ψ).
 */
public final class GaussianFigures {
    private GaussianFigures() {}

    /** Draws every figure of {@code e} into {@code dir}; returns the files written (PNG and SVG per figure). */
    public static List<Path> draw(Experiment e, List<GaussianResult> results, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (FigureSpec f : e.figures()) {
            List<Panel> panels =
                    f.type() == FigureSpec.Type.LINE ? linePanels(e, f, results) : paretoPanels(e, f, results);
            out.addAll(FigureWriter.writePanels(dir, f.name(), panels));
        }
        return out;
    }

    /** The panels of a line figure. */
    public static List<Panel> linePanels(Experiment e, FigureSpec f, List<GaussianResult> results) {
        List<GaussianResult> rs = filter(results, f);
        List<Object> panelValues = f.panels() == null
                ? java.util.Collections.singletonList(null)
                : e.values().get(f.panels());
        List<Object> seriesValues = f.series() == null
                ? java.util.Collections.singletonList(null)
                : e.values().get(f.series());
        List<Panel> panels = new ArrayList<>();
        for (Object pv : panelValues) {
            List<PlotSeries> series = new ArrayList<>();
            for (int si = 0; si < seriesValues.size(); si++) {
                Object sv = seriesValues.get(si);
                List<GaussianResult> pts = new ArrayList<>();
                for (GaussianResult r : rs) {
                    if ((pv == null || matches(r.cell(), f.panels(), pv))
                            && (sv == null || matches(r.cell(), f.series(), sv))) {
                        pts.add(r);
                    }
                }
                pts.sort(Comparator.comparingDouble(r -> num(r.cell().get(f.x()))));
                Color color = sv == null
                        ? ColorScales.categorical(0)
                        : f.series().numeric()
                                ? ColorScales.sequential(si, seriesValues.size())
                                : ColorScales.categorical(si);
                String name = sv == null ? "" : label(f.series(), sv);
                double[] x = new double[pts.size()];
                double[] th = new double[pts.size()];
                double[] sm = new double[pts.size()];
                double[] sd = new double[pts.size()];
                boolean anyTheory = false;
                boolean anySim = false;
                boolean deviation = f.metric() == FigureSpec.Metric.DEVIATION;
                // deviation plots: the series' markers side by side around each x (they share x and theory is 0 for
                // all)
                double dodge = deviation ? 0.04 * (si - (seriesValues.size() - 1) / 2.0) : 0;
                for (int i = 0; i < pts.size(); i++) {
                    GaussianResult r = pts.get(i);
                    double xv = num(r.cell().get(f.x()));
                    x[i] = f.logX() ? xv * Math.exp(dodge) : xv + dodge * Math.abs(xv);
                    th[i] = deviation ? Double.NaN : r.theoryValue(f.metric());
                    anyTheory |= Double.isFinite(th[i]);
                    if (deviation) {
                        sm[i] = r.relativeDeviation();
                        sd[i] = 2 * r.relativeStderr();
                        anySim |= Double.isFinite(sm[i]);
                    } else if (f.metric() == FigureSpec.Metric.ERROR && r.simulation() != null) {
                        sm[i] = r.simulation().mean();
                        sd[i] = r.simulation().std();
                        anySim = true;
                    } else {
                        sm[i] = Double.NaN;
                        sd[i] = Double.NaN;
                    }
                }
                if (anyTheory) {
                    series.add(PlotSeries.line(name.isEmpty() ? "theory" : name, x, th, color));
                }
                if (anySim) {
                    series.add(PlotSeries.markers(
                            anyTheory ? (sv == null ? "simulation" : "") : (name.isEmpty() ? "simulation" : name),
                            x,
                            sm,
                            sd,
                            color));
                }
            }
            if (f.metric() == FigureSpec.Metric.DEVIATION) {
                double[] xs = series.stream()
                        .flatMapToDouble(p -> java.util.Arrays.stream(p.x()))
                        .toArray();
                if (xs.length > 0) {
                    double lo = java.util.Arrays.stream(xs).min().getAsDouble();
                    double hi = java.util.Arrays.stream(xs).max().getAsDouble();
                    series.add(PlotSeries.line("theory", new double[] {lo, hi}, new double[] {0, 0}, Color.GRAY));
                }
            }
            String title = f.title() + (pv == null ? "" : " — " + label(f.panels(), pv));
            panels.add(new LinePlot(
                    title,
                    axisLabel(f.x()),
                    f.metric().label()
                            + (f.metric() == FigureSpec.Metric.ERROR
                                    ? " (lines: theory, markers: simulation ± std)"
                                    : ""),
                    f.logX(),
                    f.logY(),
                    series));
        }
        return panels;
    }

    /** The panels of a Pareto figure. */
    public static List<Panel> paretoPanels(Experiment e, FigureSpec f, List<GaussianResult> results) {
        List<GaussianResult> rs = filter(results, f);
        Map<String, GaussianResult> byKey = new HashMap<>();
        for (GaussianResult r : results) {
            byKey.put(r.cell().key(), r);
        }
        boolean preferTheory = rs.stream().allMatch(r -> r.theory() != null);
        String source = preferTheory ? "theory" : "simulation";
        List<Object> panelValues = f.panels() == null
                ? java.util.Collections.singletonList(null)
                : e.values().get(f.panels());
        List<Object> shapeValues = f.shape() == null
                ? java.util.Collections.singletonList(null)
                : e.values().get(f.shape());
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        for (GaussianResult r : rs) {
            double z = Math.log(r.cell().psi());
            if (Double.isFinite(z)) {
                zMin = Math.min(zMin, z);
                zMax = Math.max(zMax, z);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (Object pv : panelValues) {
            if (pv instanceof Double d && d == 0 && f.panels() == Param.P2) {
                continue; // the baseline is the x axis, not a panel
            }
            List<ScatterPoints> groups = new ArrayList<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Object shv : shapeValues) {
                List<double[]> pts = new ArrayList<>();
                for (GaussianResult r : rs) {
                    GaussianCell c = r.cell();
                    if (c.p2() == 0
                            || (pv != null && !matches(c, f.panels(), pv))
                            || (shv != null && !matches(c, f.shape(), shv))) {
                        continue;
                    }
                    GaussianResult base = byKey.get(c.withP2(0, 0).key());
                    if (base == null) {
                        continue;
                    }
                    double x = base.value(FigureSpec.Metric.ERROR, preferTheory);
                    double y = r.value(FigureSpec.Metric.ERROR, preferTheory);
                    if (Double.isFinite(x) && Double.isFinite(y) && x > 0 && y > 0) {
                        pts.add(new double[] {x, y, Math.log(c.psi())});
                        lo = Math.min(lo, Math.min(x, y));
                        hi = Math.max(hi, Math.max(x, y));
                    }
                }
                double[] x = new double[pts.size()];
                double[] y = new double[pts.size()];
                double[] z = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    x[i] = pts.get(i)[0];
                    y[i] = pts.get(i)[1];
                    z[i] = pts.get(i)[2];
                }
                groups.add(new ScatterPoints(shv == null ? "" : label(f.shape(), shv), x, y, z));
            }
            List<PlotSeries> overlays = new ArrayList<>();
            if (hi > 0) {
                overlays.add(PlotSeries.line("y = x", new double[] {lo, hi}, new double[] {lo, hi}, Color.GRAY));
            }
            String title = f.title() + (pv == null ? "" : " — " + label(f.panels(), pv));
            panels.add(new ColorScatterPlot(
                    title,
                    "error, trained on real data only (" + source + ")",
                    "error, trained on the mixture (" + source + ")",
                    f.logX(),
                    f.logY(),
                    "log ψ = log(m/n)",
                    Double.isFinite(zMin) ? zMin : Double.NaN,
                    Double.isFinite(zMax) ? zMax : Double.NaN,
                    groups,
                    overlays));
        }
        return panels;
    }

    private static List<GaussianResult> filter(List<GaussianResult> results, FigureSpec f) {
        List<GaussianResult> out = new ArrayList<>();
        for (GaussianResult r : results) {
            boolean ok = true;
            for (Map.Entry<Param, Object> w : f.where().entrySet()) {
                ok &= matches(r.cell(), w.getKey(), w.getValue());
            }
            if (ok) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean matches(GaussianCell c, Param p, Object v) {
        Object cv = c.get(p);
        if (p == Param.C2 && c.p2() == 0) {
            return true; // the baseline belongs to every quality
        }
        if (cv instanceof Number a && v instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(cv, v);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** e.g. {@code p2 = 0.1}, {@code c² = 0.5}. */
    public static String label(Param p, Object v) {
        return symbol(p) + " = " + format(v);
    }

    private static String axisLabel(Param p) {
        return switch (p) {
            case M -> "width m";
            case N -> "training-set size n";
            case P2 -> "synthetic share p2";
            case C2 -> "synthetic quality c²";
            case D -> "dimension d";
            case LAMBDA -> "ridge penalty λ";
            case SIGMA -> "label noise σ";
            default -> p.key();
        };
    }

    private static String symbol(Param p) {
        return switch (p) {
            case C2 -> "c²";
            case LAMBDA -> "λ";
            case SIGMA -> "σ";
            default -> p.key();
        };
    }

    /** Compact number formatting for labels. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e9) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%.4g", d)
                    .replaceAll("(\\.\\d*?)0+($|e)", "$1$2")
                    .replace(".e", "e")
                    .replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }
}
