package org.collapselab.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.collapselab.experiments.study.SafeNames;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Draws figures with JFreeChart, headless, to PNG (2× resolution) and SVG. Several panels are laid out side by
 * side in one image. Log axes get decimal tick labels (0.01, 1, 100) rather than JFreeChart's exponents.
 */
public final class FigureWriter {
    /** Size of one panel in points (the PNG is drawn at twice this). */
    public static final int PANEL_WIDTH = 520;

    public static final int PANEL_HEIGHT = 430;
    private static final int PNG_SCALE = 2;
    private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FigureWriter() {}

    /** Writes dir/baseName.png and dir/baseName.svg; several panels are laid out side by side. Returns [png, svg]. */
    public static List<Path> write(Path dir, String baseName, List<LinePlot> panels) throws IOException {
        return writePanels(dir, baseName, new ArrayList<Panel>(panels));
    }

    /** Like {@link #write} for any mix of panel types (line plots, colour-scale scatter plots). */
    public static List<Path> writePanels(Path dir, String baseName, List<? extends Panel> panels) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        Files.createDirectories(dir);
        List<JFreeChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(chart(p));
        }
        int w = PANEL_WIDTH * charts.size();
        int h = PANEL_HEIGHT;

        Path png = SafeNames.resolve(dir, baseName, ".png", "figure name");
        BufferedImage img = new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(PNG_SCALE, PNG_SCALE);
            drawAll(g, charts);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());

        Path svg = SafeNames.resolve(dir, baseName, ".svg", "figure name");
        SVGGraphics2D s = new SVGGraphics2D(w, h);
        s.setPaint(Color.WHITE);
        s.fill(new Rectangle2D.Double(0, 0, w, h));
        drawAll(s, charts);
        SVGUtils.writeToSVG(svg.toFile(), s.getSVGElement());
        return List.of(png, svg);
    }

    private static void drawAll(Graphics2D g, List<JFreeChart> charts) {
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(i * (double) PANEL_WIDTH, 0, PANEL_WIDTH, PANEL_HEIGHT));
        }
    }

    private static JFreeChart chart(Panel panel) {
        if (panel instanceof LinePlot lp) {
            return lineChart(lp);
        }
        return scatterChart((ColorScatterPlot) panel);
    }

    private static JFreeChart lineChart(LinePlot lp) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartStyle.axis(lp.xLabel(), lp.logX(), allX(lp.series())));
        plot.setRangeAxis(ChartStyle.axis(lp.yLabel(), lp.logY(), allY(lp.series())));
        int idx = 0;
        int auto = 0;
        for (PlotSeries s : lp.series()) {
            Color color = s.color() != null ? s.color() : ColorScales.categorical(auto++);
            if (s.line()) {
                addLine(plot, idx++, s, color, new BasicStroke(2f), lp.logX(), lp.logY());
            } else {
                YIntervalSeries ys = new YIntervalSeries(label(s.name()), false, true);
                for (int i = 0; i < s.x().length; i++) {
                    double x = s.x()[i];
                    double y = s.y()[i];
                    if (!usable(x, lp.logX()) || !usable(y, lp.logY())) {
                        continue;
                    }
                    double e = s.yErr() == null || !Double.isFinite(s.yErr()[i]) ? 0 : Math.abs(s.yErr()[i]);
                    double lo = y - e;
                    if (lp.logY() && lo <= 0) {
                        lo = y * 1e-2; // clip the bar above zero on a log axis
                    }
                    ys.add(x, y, lo, y + e);
                }
                YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
                ds.addSeries(ys);
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDrawXError(false);
                r.setDrawYError(s.yErr() != null);
                r.setDefaultLinesVisible(false);
                r.setDefaultShapesVisible(true);
                r.setSeriesPaint(0, color);
                r.setSeriesShape(0, SHAPES[Math.floorMod(idx, SHAPES.length)]);
                r.setCapLength(4);
                r.setSeriesVisibleInLegend(0, s.name() != null && !s.name().isEmpty());
                plot.setDataset(idx, ds);
                plot.setRenderer(idx, r);
                idx++;
            }
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return ChartStyle.finish(new JFreeChart(lp.title(), ChartStyle.titleFont(), plot, true));
    }

    private static void addLine(
            XYPlot plot, int idx, PlotSeries s, Color color, BasicStroke stroke, boolean logX, boolean logY) {
        XYSeries xs = new XYSeries(label(s.name()), false, true);
        for (int i = 0; i < s.x().length; i++) {
            if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                xs.add(s.x()[i], s.y()[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, stroke);
        r.setSeriesVisibleInLegend(0, s.name() != null && !s.name().isEmpty());
        plot.setDataset(idx, new XYSeriesCollection(xs));
        plot.setRenderer(idx, r);
    }

    private static JFreeChart scatterChart(ColorScatterPlot sp) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        for (ScatterPoints g : sp.groups()) {
            xs.add(g.x());
            ys.add(g.y());
            for (double z : g.z()) {
                if (Double.isFinite(z)) {
                    zMin = Math.min(zMin, z);
                    zMax = Math.max(zMax, z);
                }
            }
        }
        for (PlotSeries o : sp.overlays()) {
            xs.add(o.x());
            ys.add(o.y());
        }
        if (!Double.isNaN(sp.zMin())) {
            zMin = sp.zMin();
        }
        if (!Double.isNaN(sp.zMax())) {
            zMax = sp.zMax();
        }
        if (!(zMin < zMax)) {
            double c = Double.isFinite(zMin) ? zMin : 0;
            zMin = c - 0.5;
            zMax = c + 0.5;
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartStyle.axis(sp.xLabel(), sp.logX(), xs));
        plot.setRangeAxis(ChartStyle.axis(sp.yLabel(), sp.logY(), ys));

        LookupPaintScale scale = new LookupPaintScale(zMin, zMax, Color.GRAY);
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            scale.add(zMin + (zMax - zMin) * i / steps, ColorScales.viridis((double) i / (steps - 1)));
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        XYShapeRenderer r = new XYShapeRenderer();
        r.setPaintScale(scale);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(true);
        r.setDefaultOutlinePaint(new Color(40, 40, 40));
        int k = 0;
        for (ScatterPoints g : sp.groups()) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < g.x().length; i++) {
                if (usable(g.x()[i], sp.logX()) && usable(g.y()[i], sp.logY()) && Double.isFinite(g.z()[i])) {
                    kept.add(new double[] {g.x()[i], g.y()[i], g.z()[i]});
                }
            }
            double[][] data = new double[3][kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                data[0][i] = kept.get(i)[0];
                data[1][i] = kept.get(i)[1];
                data[2][i] = kept.get(i)[2];
            }
            ds.addSeries(label(g.name()) + "#" + k, data);
            Shape shape = enlarge(SHAPES[Math.floorMod(k, SHAPES.length)], 1.4);
            r.setSeriesShape(k, shape);
            r.setSeriesPaint(k, new Color(90, 90, 90));
            k++;
        }
        r.setLegendItemLabelGenerator((dataset, series) -> {
            String key = String.valueOf(dataset.getSeriesKey(series));
            int hash = key.lastIndexOf('#');
            return hash >= 0 ? key.substring(0, hash) : key;
        });
        int idx = 0;
        for (PlotSeries o : sp.overlays()) {
            Color c = o.color() != null ? o.color() : Color.GRAY;
            addLine(
                    plot,
                    idx++,
                    o,
                    c,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f),
                    sp.logX(),
                    sp.logY());
        }
        plot.setDataset(idx, ds);
        plot.setRenderer(idx, r);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // XYShapeRenderer's own legend ignores the per-series shapes: build the legend explicitly.
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < sp.overlays().size(); i++) {
            org.jfree.chart.LegendItem li = plot.getRenderer(i).getLegendItem(i, 0);
            if (li != null) {
                legend.add(li);
            }
        }
        for (int g = 0; g < sp.groups().size(); g++) {
            String name = sp.groups().get(g).name();
            if (name != null && !name.isEmpty()) {
                legend.add(new org.jfree.chart.LegendItem(
                        name,
                        null,
                        null,
                        null,
                        r.getSeriesShape(g),
                        new Color(150, 150, 150),
                        new BasicStroke(1f),
                        new Color(40, 40, 40)));
            }
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.finish(new JFreeChart(sp.title(), ChartStyle.titleFont(), plot, true));
        NumberAxis zAxis = new NumberAxis(sp.colorLabel());
        zAxis.setRange(zMin, zMax);
        zAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        zAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        PaintScaleLegend bar = new PaintScaleLegend(scale, zAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(12);
        bar.setSubdivisionCount(64);
        bar.setMargin(new RectangleInsets(20, 4, 20, 4));
        chart.addSubtitle(bar);
        return chart;
    }

    private static Shape enlarge(Shape s, double f) {
        return java.awt.geom.AffineTransform.getScaleInstance(f, f).createTransformedShape(s);
    }

    private static List<double[]> allX(List<PlotSeries> series) {
        List<double[]> out = new ArrayList<>();
        for (PlotSeries s : series) {
            out.add(s.x());
        }
        return out;
    }

    private static List<double[]> allY(List<PlotSeries> series) {
        List<double[]> out = new ArrayList<>();
        for (PlotSeries s : series) {
            out.add(s.y());
            if (s.yErr() != null) {
                double[] hi = new double[s.y().length];
                for (int i = 0; i < hi.length; i++) {
                    hi[i] = s.y()[i] + (Double.isFinite(s.yErr()[i]) ? Math.abs(s.yErr()[i]) : 0);
                }
                out.add(hi);
            }
        }
        return out;
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static String label(String name) {
        return name == null ? "" : name;
    }
}
