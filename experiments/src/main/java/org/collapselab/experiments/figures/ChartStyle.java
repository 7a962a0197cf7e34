package org.collapselab.experiments.figures;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * The look shared by every chart {@link FigureWriter} draws: white plot, light grid, fonts, and axes (log axes with
 * decimal tick labels such as 0.01, 1, 100 rather than JFreeChart's exponents).
 */
final class ChartStyle {
    private ChartStyle() {}

    /** White background, light grid, frameless legend, the title font. */
    static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.DARK_GRAY);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setFont(titleFont());
        }
        return chart;
    }

    static Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 13);
    }

    /**
     * A linear axis, or a log axis with {@link CompactFormat} labels, whole-decade ticks beyond 1.5 decades and a 5%
     * margin around the positive {@code values}.
     */
    static ValueAxis axis(String label, boolean log, List<double[]> values) {
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        if (!log) {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            a.setLabelFont(labelFont);
            a.setTickLabelFont(tickFont);
            return a;
        }
        LogAxis a = new LogAxis(label);
        a.setLabelFont(labelFont);
        a.setTickLabelFont(tickFont);
        a.setNumberFormatOverride(new CompactFormat());
        a.setSmallestValue(1e-300);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] arr : values) {
            for (double v : arr) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi > 0) {
            double decades = Math.log10(hi / lo);
            if (decades >= 1.5) {
                a.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 6))));
                a.setMinorTickMarksVisible(true);
            }
            if (decades < 1e-9) {
                a.setRange(lo / 2, hi * 2);
            } else {
                a.setRange(
                        lo / Math.pow(10, 0.05 * Math.max(decades, 0.4)),
                        hi * Math.pow(10, 0.05 * Math.max(decades, 0.4)));
            }
        }
        return a;
    }

    /** Tick labels such as 0.001, 0.5, 10, 2e+06 and 1e-05. */
    static final class CompactFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double a = Math.abs(v);
            if (v == 0) {
                return to.append('0');
            }
            if (a >= 1e-3 && a < 1e5) {
                // at most 3 significant digits: 0.001, 0.79, 1.26, 7.94, 12.6, 2000
                double mag = Math.pow(10, Math.floor(Math.log10(a)) - 2);
                double r = Math.round(v / mag) * mag;
                DecimalFormat f =
                        new DecimalFormat("0.######", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
                return to.append(f.format(r));
            }
            DecimalFormat f = new DecimalFormat("0.##E0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            return to.append(f.format(v).replace("E", "e"));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
