package org.collapselab.estimation;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;

/**
 * Diagnosed estimates in the theory's units. The theory assumes a random teacher with E‖w1‖² = 1 (so
 * E‖w1‖²_Σ = tr Σ/d); a user's labels have any scale, so they are divided by s with s² = ‖w1‖²_Σ1·d/tr Σ̂1 (the
 * explained variance matched to the theory's), which divides σ1², σ2² and c² by s² and leaves λ unchanged; predicted
 * errors are multiplied back by s². The theory is homogeneous of degree 2 in (w1, σ, Δ), so this is exact for the
 * theory and only fixes the teacher's size, not its direction (assumed isotropic in Σ1's eigenbasis).
 *
 * @param real Σ̂1's eigenvalues (floored at 10⁻¹⁰ of the largest, as the theory needs Σ1 invertible)
 * @param synthetic Σ̂2's diagonal in Σ̂1's basis (same floor)
 * @param sigma1 σ1/s
 * @param sigma2 σ2/s
 * @param c2 c²/s²
 * @param scale2 s²
 * @param noise σ1² (added back to predictions: the error on a fresh real row includes its label noise)
 * @param syntheticRows n2 available
 */
public record NormalisedRegime(Spectrum real, Spectrum synthetic, double sigma1, double sigma2, double c2,
                               double scale2, double noise, int syntheticRows) {

  /** The regime of these estimates. */
  public static NormalisedRegime of(SourceEstimates e) {
    double trace = 0;
    for (double v : e.realSpectrum()) {
      trace += v;
    }
    double s2 = Math.max(Math.max(e.signal() * e.dimension() / trace,
        1e-9 * (e.sigma2Real() + e.sigma2Synthetic() + e.c2())), Double.MIN_NORMAL);
    return new NormalisedRegime(floored(e.realSpectrum(), "real"), floored(e.syntheticSpectrum(), "synthetic"),
        Math.sqrt(e.sigma2Real() / s2), Math.sqrt(e.sigma2Synthetic() / s2), e.c2() / s2, s2, e.sigma2Real(),
        e.syntheticRows());
  }

  /** The theory's problem for a recipe trained on {@code realRows} real rows plus the recipe's synthetic rows. */
  public Problem problem(Recipe r, long realRows) {
    long n = realRows + r.syntheticRows();
    return new Problem(ModelKind.RIDGE, real, synthetic, n, 0, (double) r.syntheticRows() / n, c2, sigma1,
        r.lambda(), sigma2, r.syntheticWeight(), Estimator.MIX, null);
  }

  /** Predicted squared error on a fresh real row, label noise included, in the data's units. */
  public double predict(Recipe r, long realRows) {
    return scale2 * Theory.predict(problem(r, realRows)).testError() + noise;
  }

  private static Spectrum floored(double[] eigenvalues, String label) {
    double max = 0;
    for (double v : eigenvalues) {
      max = Math.max(max, v);
    }
    double[] e = eigenvalues.clone();
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.max(e[i], max * 1e-10);
    }
    return Spectrum.of(e, "estimated " + label);
  }
}
