package org.collapselab.experiments.figures;

/** One panel of a figure: a {@link LinePlot} or a {@link ColorScatterPlot}. */
public sealed interface Panel permits LinePlot, ColorScatterPlot {
    /** Panel title. */
    String title();
}
