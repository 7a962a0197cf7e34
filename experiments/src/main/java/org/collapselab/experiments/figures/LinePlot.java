package org.collapselab.experiments.figures;

import java.util.List;

/**
 * A panel of curves (theory lines and simulation markers with error bars) on linear or log axes.
 *
 * @param title panel title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX log-scaled x axis (non-positive x are skipped)
 * @param logY log-scaled y axis (non-positive y are skipped; error bars are clipped above 0)
 * @param series the curves, drawn in order
 */
public record LinePlot(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<PlotSeries> series)
        implements Panel {
    public LinePlot {
        series = List.copyOf(series);
    }
}
