package org.collapselab.estimation;

import org.collapselab.linalg.Matrix;
import org.collapselab.validation.ParameterException;

/**
 * A simple verifier of synthetic rows: keep a row when its label agrees with a reference model fitted on the real
 * rows, |y − ŷ(x)| ≤ κ·s, with s² the reference's own held-out squared error (so the band widens with the label
 * noise and the reference's estimation error). The accept-band shape of Yi et al., <i>Escaping Model Collapse via
 * Synthetic Data Verification</i> (ICLR 2026), with a constant half-width; Feng et al., <i>Beyond Model Collapse:
 * Scaling Up with Synthesized Data Requires Verification</i> (ICLR 2025) for why a verifier pays.
 */
public final class AgreementFilter {
  /** Half-width of the band in units of s: κ = 2 keeps about 95% of rows whose labels follow the reference. */
  public static final double DEFAULT_BAND = 2;

  private AgreementFilter() {}

  /**
   * The verdict on each row.
   *
   * @param keep true for each kept row, in row order
   * @param kept number of kept rows
   * @param share kept / rows
   * @param halfWidth κ·s, the band's half-width (label units of the inputs)
   */
  public record Verdict(boolean[] keep, int kept, double share, double halfWidth) {
    /** Indices of the kept rows, ascending. */
    public int[] keptRows() {
      int[] out = new int[kept];
      for (int i = 0, j = 0; i < keep.length; i++) {
        if (keep[i]) {
          out[j++] = i;
        }
      }
      return out;
    }
  }

  /**
   * Verifies rows ({@code x}, {@code y}) against the reference predictions {@code predicted} with reference error
   * {@code referenceError} = s² and band κ.
   */
  public static Verdict verify(double[] y, double[] predicted, double referenceError, double band) {
    if (!(band > 0) || Double.isInfinite(band)) {
      throw new ParameterException("band", band, "finite and > 0");
    }
    if (!(referenceError >= 0) || Double.isInfinite(referenceError)) {
      throw new ParameterException("referenceError", referenceError, "finite and >= 0");
    }
    if (y.length != predicted.length) {
      throw new IllegalArgumentException("one prediction per label: " + y.length + " labels, " + predicted.length
          + " predictions");
    }
    double h = band * Math.sqrt(referenceError);
    boolean[] keep = new boolean[y.length];
    int kept = 0;
    for (int i = 0; i < y.length; i++) {
      keep[i] = Math.abs(y[i] - predicted[i]) <= h;
      kept += keep[i] ? 1 : 0;
    }
    return new Verdict(keep, kept, y.length == 0 ? 0 : (double) kept / y.length, h);
  }

  /**
   * Verifies the synthetic rows of {@code data} against a {@link WeightedRidge} fit (w, b, o) as a real row would be
   * predicted (offset included), with s² = {@code referenceError} (standardised units).
   */
  public static Verdict verify(TwoSourceData data, double[] coefficients, double referenceError, double band) {
    Matrix x = data.synthetic();
    return verify(data.syntheticLabels(), WeightedRidge.predict(coefficients, x, 1.0), referenceError, band);
  }
}
