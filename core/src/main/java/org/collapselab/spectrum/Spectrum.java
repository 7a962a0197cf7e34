package org.collapselab.spectrum;

import java.util.Arrays;
import org.collapselab.validation.ParameterException;

/**
 * The eigenvalues of a covariance Σ (without loss of generality Σ is diagonal in its eigenbasis).
 * Immutable; every theory formula and sampler reads Σ only through this type.
 */
public final class Spectrum implements java.io.Serializable {
    /** Largest dimension d accepted (the eigenvalues are held in memory; theory is O(d) per evaluation). */
    public static final int MAX_DIMENSION = 1 << 24;

    /**
     * Largest λ_max/λ_min accepted. Beyond it the small eigenvalues are lost to rounding: the shift Σ^{-1/2}u grows like
     * √(λ_max/λ_min) and simulated errors cancel catastrophically (power:114.2 at d = 73, ratio 1e213, gave a
     * simulation 12 standard errors off the theory). 1e12 keeps about 10 significant digits in double precision.
     */
    public static final double MAX_CONDITION = 1e12;

    private static final long serialVersionUID = 1L;
    private final double[] eigenvalues;
    private final String label;
    private final double trace;

    private Spectrum(double[] eigenvalues, String label) {
        this.eigenvalues = eigenvalues;
        this.label = label;
        double t = 0;
        for (double v : eigenvalues) {
            t += v;
        }
        this.trace = t;
    }

    /** Isotropic Σ = I_d. */
    public static Spectrum isotropic(int d) {
        requireDimension(d);
        double[] e = new double[d];
        Arrays.fill(e, 1.0);
        return new Spectrum(e, "iso");
    }

    /** Power law λ_i ∝ i^{-α}, i = 1..d, normalised so that tr Σ = d. */
    public static Spectrum powerLaw(int d, double alpha) {
        requireDimension(d);
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new ParameterException("spectrum", "power:" + alpha, "power:A with A a finite number >= 0");
        }
        if (d > 1 && alpha * Math.log(d) > Math.log(MAX_CONDITION)) {
            throw new ParameterException(
                    "spectrum",
                    "power:" + alpha + " at d = " + d + " (λ_max/λ_min = d^A = "
                            + String.format(java.util.Locale.ROOT, "%.3g", Math.exp(alpha * Math.log(d))) + ")",
                    "a spectrum with λ_max/λ_min <= " + conditionText() + ", i.e. A <= "
                            + String.format(java.util.Locale.ROOT, "%.4g", Math.log(MAX_CONDITION) / Math.log(d))
                            + " at this d");
        }
        double[] e = new double[d];
        double sum = 0;
        for (int i = 0; i < d; i++) {
            e[i] = Math.pow(i + 1, -alpha);
            sum += e[i];
        }
        for (int i = 0; i < d; i++) {
            e[i] *= d / sum;
        }
        return new Spectrum(e, "power:" + alpha);
    }

    /**
     * A user-given list of eigenvalues (each finite and > 0, λ_max/λ_min at most {@link #MAX_CONDITION}; Σ must be
     * invertible for the synthetic shift). {@code label} names the source in messages (a file name, never its content).
     */
    public static Spectrum of(double[] eigenvalues, String label) {
        if (eigenvalues == null || eigenvalues.length == 0) {
            throw new ParameterException("spectrum", "an empty list", "a non-empty list of eigenvalues");
        }
        for (int i = 0; i < eigenvalues.length; i++) {
            double v = eigenvalues[i];
            if (!Double.isFinite(v) || v <= 0) {
                throw new ParameterException(
                        "spectrum",
                        label + ": eigenvalue #" + (i + 1) + " is "
                                + (Double.isNaN(v)
                                        ? "NaN"
                                        : Double.isInfinite(v) ? "infinite" : v == 0 ? "0" : "negative"),
                        "finite eigenvalues > 0");
            }
        }
        double max = Arrays.stream(eigenvalues).max().orElseThrow();
        double min = Arrays.stream(eigenvalues).min().orElseThrow();
        if (!(max / min <= MAX_CONDITION)) {
            throw new ParameterException(
                    "spectrum",
                    label + ": λ_max/λ_min = " + String.format(java.util.Locale.ROOT, "%.3g", max / min),
                    "a spectrum with λ_max/λ_min <= " + conditionText()
                            + " (smaller eigenvalues are lost to rounding)");
        }
        return new Spectrum(eigenvalues.clone(), label);
    }

    private static String conditionText() {
        return String.format(java.util.Locale.ROOT, "%.0e", MAX_CONDITION);
    }

    private static void requireDimension(long d) {
        if (d < 1 || d > MAX_DIMENSION) {
            throw new ParameterException("d", d, "an integer in [1, " + MAX_DIMENSION + "]");
        }
    }

    /** Dimension d. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** Eigenvalue i (0-based). */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** A copy of the eigenvalues. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** tr Σ. */
    public double trace() {
        return trace;
    }

    /** True when every eigenvalue is equal (Σ ∝ I). */
    public boolean isIsotropic() {
        for (double v : eigenvalues) {
            if (v != eigenvalues[0]) {
                return false;
            }
        }
        return true;
    }

    /** Short description, e.g. {@code iso}, {@code power:1.5} or the file name. */
    public String label() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && Arrays.equals(eigenvalues, s.eigenvalues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return label + " (d=" + eigenvalues.length + ")";
    }
}
