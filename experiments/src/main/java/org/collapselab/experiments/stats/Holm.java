package org.collapselab.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of p-values for the parts of one claim (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statist. 6(2)): it controls the family-wise error rate at the nominal level
 * without assuming the parts independent. The part with the k-th smallest p of m gets max over j ≤ k of
 * min(1, (m − j + 1)·p_(j)).
 */
public final class Holm {
    private Holm() {}

    /** The Holm-adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }
}
