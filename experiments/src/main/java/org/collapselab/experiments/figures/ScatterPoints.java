package org.collapselab.experiments.figures;

/**
 * A group of points of a {@link ColorScatterPlot} sharing one marker shape; each point is coloured by its value z on
 * the plot's continuous colour scale.
 *
 * @param name legend entry (e.g. the synthetic quality)
 * @param x abscissae
 * @param y ordinates
 * @param z colour values (same length)
 */
public record ScatterPoints(String name, double[] x, double[] y, double[] z) {
    public ScatterPoints {
        if (x == null || y == null || z == null || x.length != y.length || y.length != z.length) {
            throw new IllegalArgumentException("points " + name + ": x, y and z must have the same length");
        }
    }
}
