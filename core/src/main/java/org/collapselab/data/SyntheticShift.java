package org.collapselab.data;

import java.util.random.RandomGenerator;
import org.collapselab.spectrum.Spectrum;

/**
 * The synthetic shift Δ = w2 − w1. Default draw: Δ = c·Σ^{-1/2}u/‖u‖ with u ~ N(0, I_d), so that ‖Δ‖²_Σ = c² exactly
 * and E[ΔΔᵀ] = (c²/d)Σ⁻¹ (the random-shift model of the theory).
 */
public final class SyntheticShift {
    private SyntheticShift() {}

    /** Draws Δ with ‖Δ‖²_Σ = c2 exactly, in a uniformly random direction of the Σ-geometry. */
    public static double[] random(Spectrum spectrum, double c2, RandomGenerator rng) {
        int d = spectrum.dimension();
        double[] u = new double[d];
        double norm2 = 0;
        for (int i = 0; i < d; i++) {
            u[i] = rng.nextGaussian();
            norm2 += u[i] * u[i];
        }
        double scale = Math.sqrt(c2 / norm2);
        for (int i = 0; i < d; i++) {
            u[i] *= scale / Math.sqrt(spectrum.eigenvalue(i));
        }
        return u;
    }

    /** The synthetic teacher w2 = w1 + Δ. */
    public static double[] syntheticTeacher(double[] w1, double[] delta) {
        double[] w2 = new double[w1.length];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = w1[i] + delta[i];
        }
        return w2;
    }

    /** ‖v‖²_Σ = vᵀΣv. */
    public static double sigmaNorm2(Spectrum spectrum, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += spectrum.eigenvalue(i) * v[i] * v[i];
        }
        return s;
    }
}
