package org.collapselab.forecast;

/**
 * A covariance spectrum as atoms (eigenvalue s_k with multiplicity m_k), with the teacher's and the synthetic gap's
 * energy per atom, so that the law's traces Σ_i f(s_i) = Σ_k m_k f(s_k) cost O(atoms) for any (real) dimension.
 *
 * <p>Power law s_i = i^−α (top eigenvalue 1), i = 1..d: the first 32 directions are atoms of their own; for d &gt; 33
 * the rest, i ∈ (32.5, d + 0.5], is integrated by two-point Gauss–Legendre in log i over 32 log-spaced bins (the
 * midpoint rule Σ_i f(i) ≈ ∫ f(x) dx there makes a relative error below 1e-5 on the law's traces, tested against
 * the full spectrum); for d ≤ 33 the last direction has the fractional multiplicity d − ⌊d⌋, so the traces are
 * continuous in d. Teacher: w1 ~ N(0, τ²I), energy t_k ∝ m_k s_k (Σ t = 1). Gap: energy u_k ∝ m_k s_k^γ (Σ u = 1);
 * γ = 0 is E ΔΔᵀ ∝ Σ⁻¹ (Dohmatob et al., Strong Model Collapse, ICLR 2025, §2).
 */
public final class LawAtoms {
    static final int EXACT = 32;
    static final int BINS = 32;
    private static final double NODE = 0.5 / Math.sqrt(3); // Gauss–Legendre nodes at ±1/√3 of the half-width

    final double[] s;
    final double[] m;
    final double[] teacher;
    final double[] shift;
    private final double dimension;
    private final double trace;

    private LawAtoms(double[] s, double[] m, double shiftExponent) {
        this.s = s;
        this.m = m;
        int k = s.length;
        teacher = new double[k];
        shift = new double[k];
        double ts = 0;
        double us = 0;
        double dim = 0;
        double tr = 0;
        for (int i = 0; i < k; i++) {
            tr += m[i] * s[i];
            teacher[i] = m[i] * s[i];
            shift[i] = m[i] * Math.pow(s[i], shiftExponent);
            ts += teacher[i];
            us += shift[i];
            dim += m[i];
        }
        for (int i = 0; i < k; i++) {
            teacher[i] /= ts;
            shift[i] /= us;
        }
        dimension = dim;
        trace = tr;
    }

    /** The atoms of a law shape's spectrum (power law, top eigenvalue 1) with its gap exponent. */
    public static LawAtoms of(LawShape shape) {
        double d = shape.dimension();
        double a = shape.exponent();
        if (a == 0) {
            return new LawAtoms(new double[] {1}, new double[] {d}, shape.shiftExponent());
        }
        int whole = (int) Math.floor(d);
        if (whole <= EXACT) {
            boolean partial = d > whole;
            int k = whole + (partial ? 1 : 0);
            double[] s = new double[k];
            double[] m = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = Math.pow(i + 1, -a);
                m[i] = i < whole ? 1 : d - whole;
            }
            return new LawAtoms(s, m, shape.shiftExponent());
        }
        double[] s = new double[EXACT + 2 * BINS];
        double[] m = new double[s.length];
        for (int i = 0; i < EXACT; i++) {
            s[i] = Math.pow(i + 1, -a);
            m[i] = 1;
        }
        double lo = Math.log(EXACT + 0.5);
        double h = (Math.log(d + 0.5) - lo) / BINS;
        for (int b = 0; b < BINS; b++) {
            double mid = lo + (b + 0.5) * h;
            for (int j = 0; j < 2; j++) {
                double u = mid + (j == 0 ? -NODE : NODE) * h;
                double x = Math.exp(u);
                int at = EXACT + 2 * b + j;
                s[at] = Math.pow(x, -a);
                m[at] = 0.5 * h * x; // weight h/2 times the Jacobian dx/du = x
            }
        }
        return new LawAtoms(s, m, shape.shiftExponent());
    }

    /**
     * The atoms of an explicit spectrum, one per eigenvalue, with the core theory's isotropic teacher and
     * E ΔΔᵀ ∝ Σ⁻¹ (γ = 0): the law on these atoms is {@code RidgeTheory}/{@code TwoSourceRidgeTheory} exactly.
     */
    public static LawAtoms ofEigenvalues(double[] eigenvalues) {
        double[] m = new double[eigenvalues.length];
        java.util.Arrays.fill(m, 1);
        return new LawAtoms(eigenvalues.clone(), m, 0);
    }

    /** Σ m_k: the (real) dimension. */
    public double dimension() {
        return dimension;
    }

    /** Number of atoms. */
    public int size() {
        return s.length;
    }

    /** Σ m_k s_k, the trace of the covariance. */
    double trace() {
        return trace;
    }
}
