package org.collapselab.model;

import org.collapselab.spectrum.Spectrum;

/** Test error on the real distribution: the excess risk E = ‖ŵ − w1‖²_Σ (add σ² for the full risk). */
public final class TestError {
    private TestError() {}

    /** ‖w − w1‖²_Σ. */
    public static double excessRisk(double[] w, double[] w1, Spectrum spectrum) {
        double e = 0;
        for (int i = 0; i < w.length; i++) {
            double diff = w[i] - w1[i];
            e += spectrum.eigenvalue(i) * diff * diff;
        }
        return e;
    }
}
