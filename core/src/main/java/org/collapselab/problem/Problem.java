package org.collapselab.problem;

import org.collapselab.spectrum.Spectrum;

/**
 * One point of the paper's setting: a model (ridge or random projections of width m) fitted on n samples of
 * which a share p2 is synthetic, with shift quality c² = ‖Δ‖²_Σ, label noise σ and ridge penalty λ.
 * Theory and simulation both take this value. Every field is validated here, with messages naming the field.
 *
 * @param model ridge or random projections
 * @param spectrum eigenvalues of the real covariance Σ (its length is d)
 * @param syntheticSpectrum eigenvalues of the synthetic covariance Σ2, or null for Σ2 = Σ
 * @param n training-set size (n2 = round(p2·n) synthetic rows)
 * @param m width for random projections (ignored, and 0, for ridge)
 * @param p2 synthetic share in [0, 1]
 * @param c2 synthetic quality c² = ‖Δ‖²_Σ ≥ 0 (0 = perfect synthetic data)
 * @param sigma label-noise standard deviation ≥ 0
 * @param lambda ridge penalty ≥ 0 (0 = minimum-norm least squares)
 */
public record Problem(ModelKind model, Spectrum spectrum, Spectrum syntheticSpectrum, int n, int m,
                      double p2, double c2, double sigma, double lambda) implements java.io.Serializable {

  /** Largest n, d or m accepted (dense n×d designs beyond this do not fit in memory anyway). */
  public static final int MAX_SIZE = 1 << 24;

  public Problem {
    if (model == null) {
      throw new ParameterException("model", null, "one of ridge, rp");
    }
    if (spectrum == null) {
      throw new ParameterException("spectrum", null, "iso, power:A or file:PATH");
    }
    if (syntheticSpectrum != null && syntheticSpectrum.dimension() != spectrum.dimension()) {
      throw new ParameterException("syntheticSpectrum", "dimension " + syntheticSpectrum.dimension(),
          "of the same dimension as spectrum (d = " + spectrum.dimension() + ")");
    }
    if (n < 1 || n > MAX_SIZE) {
      throw new ParameterException("n", n, "an integer in [1, " + MAX_SIZE + "]");
    }
    if (model == ModelKind.RANDOM_PROJECTION) {
      if (m < 1 || m > MAX_SIZE) {
        throw new ParameterException("m", m, "an integer in [1, " + MAX_SIZE + "] (required for model rp)");
      }
    } else {
      m = 0;
    }
    requireRange("p2", p2, 0, 1, "in [0, 1]");
    requireRange("c2", c2, 0, Double.MAX_VALUE, "finite and >= 0");
    requireRange("sigma", sigma, 0, Double.MAX_VALUE, "finite and >= 0");
    requireRange("lambda", lambda, 0, Double.MAX_VALUE, "finite and >= 0");
    if (syntheticSpectrum != null && syntheticSpectrum.equals(spectrum)) {
      syntheticSpectrum = null;
    }
  }

  private static void requireRange(String field, double v, double lo, double hi, String allowed) {
    if (!(v >= lo && v <= hi)) { // also rejects NaN
      throw new ParameterException(field, v, allowed);
    }
  }

  /** Ridge problem with Σ2 = Σ. */
  public static Problem ridge(Spectrum spectrum, int n, double p2, double c2, double sigma, double lambda) {
    return new Problem(ModelKind.RIDGE, spectrum, null, n, 0, p2, c2, sigma, lambda);
  }

  /** Random-projection problem of width m with Σ2 = Σ. */
  public static Problem randomProjection(Spectrum spectrum, int n, int m, double p2, double c2, double sigma,
                                         double lambda) {
    return new Problem(ModelKind.RANDOM_PROJECTION, spectrum, null, n, m, p2, c2, sigma, lambda);
  }

  /** Dimension d. */
  public int d() {
    return spectrum.dimension();
  }

  /** Number of synthetic rows n2 = round(p2·n). */
  public int syntheticCount() {
    return (int) Math.round(p2 * n);
  }

  /** Number of real rows n1 = n − n2. */
  public int realCount() {
    return n - syntheticCount();
  }

  /** The synthetic covariance's spectrum (Σ itself unless a different Σ2 was given). */
  public Spectrum effectiveSyntheticSpectrum() {
    return syntheticSpectrum == null ? spectrum : syntheticSpectrum;
  }

  /** Copies with one field changed (handy for sweeps). */
  public Problem withN(int newN) {
    return new Problem(model, spectrum, syntheticSpectrum, newN, m, p2, c2, sigma, lambda);
  }

  public Problem withM(int newM) {
    return new Problem(model, spectrum, syntheticSpectrum, n, newM, p2, c2, sigma, lambda);
  }

  public Problem withP2(double newP2) {
    return new Problem(model, spectrum, syntheticSpectrum, n, m, newP2, c2, sigma, lambda);
  }

  public Problem withLambda(double newLambda) {
    return new Problem(model, spectrum, syntheticSpectrum, n, m, p2, c2, sigma, newLambda);
  }
}
