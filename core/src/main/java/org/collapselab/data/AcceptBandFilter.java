package org.collapselab.data;

import org.collapselab.linalg.Matrix;
import org.collapselab.problem.AcceptBand;

/**
 * Applies an {@link AcceptBand} to rows: row i is kept iff |yᵢ − xᵢᵀθ_c| ≤ r‖xᵢ‖ + σ_c (Yi, Liu, Cheng, Xu, ICLR 2026).
 * Pure; used by the simulation's verified pools and open to callers that verify their own rows (e.g. a diagnosis
 * counting the share of synthetic rows a verifier built on the real rows would keep).
 */
public final class AcceptBandFilter {
    private AcceptBandFilter() {}

    /** Keep decisions for rows {@code from}..n−1 of (X, y) (X column-major n×d) around the reference θ_c. */
    public static boolean[] keeps(AcceptBand band, Matrix x, double[] y, int from, double[] reference) {
        int n = y.length;
        if (x.rows() != n || reference.length != x.cols() || from < 0 || from > n) {
            throw new IllegalArgumentException("X is " + x.rows() + "x" + x.cols() + ", y has " + n + " entries, theta "
                    + reference.length + ", from " + from);
        }
        double[] a = x.data();
        double[] fit = new double[n];
        double[] norm = new double[n];
        for (int j = 0; j < reference.length; j++) {
            double t = reference[j];
            for (int i = from, base = j * n; i < n; i++) {
                double xv = a[base + i];
                fit[i] += xv * t;
                norm[i] += xv * xv;
            }
        }
        boolean[] out = new boolean[n - from];
        for (int i = from; i < n; i++) {
            out[i - from] = band.accepts(y[i] - fit[i], Math.sqrt(norm[i]));
        }
        return out;
    }

    /** The share of rows {@code from}..n−1 kept (0 when there are none). */
    public static double keptShare(AcceptBand band, Matrix x, double[] y, int from, double[] reference) {
        boolean[] k = keeps(band, x, y, from, reference);
        int c = 0;
        for (boolean b : k) {
            c += b ? 1 : 0;
        }
        return k.length == 0 ? 0 : (double) c / k.length;
    }
}
