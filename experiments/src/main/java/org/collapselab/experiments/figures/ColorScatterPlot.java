package org.collapselab.experiments.figures;

import java.util.List;

/**
 * A scatter panel whose points are coloured on a continuous scale with a colour bar (the paper's Pareto figure:
 * colour = log ψ), one marker shape per group, plus optional reference curves (e.g. the diagonal y = x).
 *
 * @param title panel title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX log x axis
 * @param logY log y axis
 * @param colorLabel colour-bar label
 * @param zMin lower end of the colour scale (NaN: the data's minimum)
 * @param zMax upper end of the colour scale (NaN: the data's maximum)
 * @param groups point groups (one marker shape each)
 * @param overlays reference curves drawn under the points
 */
public record ColorScatterPlot(
        String title,
        String xLabel,
        String yLabel,
        boolean logX,
        boolean logY,
        String colorLabel,
        double zMin,
        double zMax,
        List<ScatterPoints> groups,
        List<PlotSeries> overlays)
        implements Panel {
    public ColorScatterPlot {
        groups = List.copyOf(groups);
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
    }
}
