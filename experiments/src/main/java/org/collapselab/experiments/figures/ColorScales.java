package org.collapselab.experiments.figures;

import java.awt.Color;

/** Colour maps for figures: a viridis-like continuous scale and a categorical palette. */
public final class ColorScales {
    // Viridis anchor colours at t = 0, 0.25, 0.5, 0.75, 1 (matplotlib's published values, rounded).
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    private static final Color[] CATEGORICAL = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };

    private ColorScales() {}

    /** Viridis-like colour for t in [0, 1] (clamped). */
    public static Color viridis(double t) {
        double u = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(u), VIRIDIS.length - 2);
        double f = u - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])), (int)
                Math.round(a[2] + f * (b[2] - a[2])));
    }

    /** The i-th of {@code count} ordered shades, light to dark (e.g. darker = more synthetic data). */
    public static Color sequential(int i, int count) {
        double t = count <= 1 ? 0.5 : (double) i / (count - 1);
        // from a light blue-green to a dark purple along viridis, reversed so that later = darker
        return viridis(0.85 - 0.85 * t);
    }

    /** A categorical colour (cycles through ten). */
    public static Color categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }
}
