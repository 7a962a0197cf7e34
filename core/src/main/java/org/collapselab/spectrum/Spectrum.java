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

  /** A user-given list of eigenvalues (each finite and > 0; Σ must be invertible for the synthetic shift). */
  public static Spectrum of(double[] eigenvalues, String label) {
    if (eigenvalues == null || eigenvalues.length == 0) {
      throw new ParameterException("spectrum", "an empty list", "a non-empty list of eigenvalues");
    }
    for (int i = 0; i < eigenvalues.length; i++) {
      double v = eigenvalues[i];
      if (!Double.isFinite(v) || v <= 0) {
        throw new ParameterException("spectrum", "eigenvalue #" + (i + 1) + " = " + v, "finite and > 0");
      }
    }
    return new Spectrum(eigenvalues.clone(), label);
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
