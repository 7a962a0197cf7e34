package org.collapselab.theory;

import org.collapselab.spectrum.Spectrum;

/**
 * Second moments of the real teacher w1 and the synthetic shift Δ = w2 − w1 that a ridge prediction needs, as
 * diagonals in Σ1's eigenbasis (every matrix the deterministic equivalents contract them with is diagonal there):
 * {@code teacher[i]} = E w1ᵢ², {@code cross[i]} = E w1ᵢΔᵢ, {@code shift[i]} = E Δᵢ². The paper's random shift is
 * E w1w1ᵀ = I/d, E w1Δᵀ = 0, E ΔΔᵀ = (c²/d)Σ1⁻¹; a trained teacher ({@link TeacherTheory}) has a cross moment
 * (its shrinkage bias points against w1) and a non-isotropic shift.
 *
 * @param teacher E w1ᵢ²
 * @param cross E w1ᵢΔᵢ
 * @param shift E Δᵢ²
 */
public record ShiftMoments(double[] teacher, double[] cross, double[] shift) {
    public ShiftMoments {
        if (teacher.length != cross.length || teacher.length != shift.length) {
            throw new IllegalArgumentException("moment diagonals of unequal length");
        }
    }

    /** The paper's random teacher w1 ~ N(0, I/d) and random shift of Σ1-norm c², independent. */
    public static ShiftMoments random(Spectrum real, double c2) {
        int d = real.dimension();
        double[] t = new double[d];
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            t[i] = 1.0 / d;
            s[i] = c2 / (d * real.eigenvalue(i));
        }
        return new ShiftMoments(t, new double[d], s);
    }

    /** E‖Δ‖²_B = Σ bᵢ E Δᵢ² for a diagonal B given by its entries (B = Σ1: the shift's c²). */
    public double shiftNorm(double[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += b[i] * shift[i];
        }
        return s;
    }
}
