package org.collapselab.experiments.figures;

import java.awt.Color;

/**
 * One curve of a {@link LinePlot}.
 *
 * @param name legend entry
 * @param x abscissae
 * @param y ordinates (same length as x; non-finite points are skipped)
 * @param yErr half-widths of error bars (mean ± std), or null for none
 * @param line true: drawn as a line (theory); false: markers (simulation)
 * @param color colour, or null for an automatic one
 */
public record PlotSeries(String name, double[] x, double[] y, double[] yErr, boolean line, Color color) {
    public PlotSeries {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x and y must have the same length");
        }
        if (yErr != null && yErr.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": yErr must have the length of y");
        }
    }

    /** A theory line. */
    public static PlotSeries line(String name, double[] x, double[] y, Color color) {
        return new PlotSeries(name, x, y, null, true, color);
    }

    /** Simulation markers with error bars (null for none). */
    public static PlotSeries markers(String name, double[] x, double[] y, double[] yErr, Color color) {
        return new PlotSeries(name, x, y, yErr, false, color);
    }
}
