package org.collapselab.estimation;

import org.collapselab.advice.Advice;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Recipe;
import org.collapselab.advice.Regime;
import org.collapselab.spectrum.Spectrum;

/**
 * Diagnosed estimates as an {@link Advisor} regime, in the theory's units. The theory assumes a random teacher with
 * E‖w1‖² = 1 (so E‖w1‖²_Σ = tr Σ/d); a user's labels have any scale, so they are divided by s with
 * s² = ‖w1‖²_Σ1·d/tr Σ̂1 (the explained variance matched to the theory's). That divides σ1², σ2² and c² by s² and
 * leaves λ unchanged; predicted errors are multiplied back by s² and the real label noise σ1² is added (the error on a
 * fresh real row). The theory is homogeneous of degree 2 in (w1, σ, Δ), so this fixes the teacher's size exactly; its
 * direction is still assumed isotropic in Σ1's eigenbasis. Σ2 is passed as its diagonal in Σ̂1's eigenbasis (the
 * theory assumes the two commute; {@link SourceEstimates#offDiagonalShare()} says how far that is from true).
 *
 * @param estimates what was estimated from the data
 * @param real Σ̂1's eigenvalues, floored at 10⁻¹⁰ of the largest (the theory needs Σ1 invertible)
 * @param synthetic Σ̂2's diagonal in Σ̂1's basis, same floor
 * @param scale2 s²
 */
public record DiagnosedRegime(SourceEstimates estimates, Spectrum real, Spectrum synthetic, double scale2) {

  /** The regime of these estimates. */
  public static DiagnosedRegime of(SourceEstimates e) {
    double trace = 0;
    for (double v : e.realSpectrum()) {
      trace += v;
    }
    double s2 = Math.max(Math.max(e.signal() * e.dimension() / trace,
        1e-9 * (e.sigma2Real() + e.sigma2Synthetic() + e.c2())), Double.MIN_NORMAL);
    return new DiagnosedRegime(e, floored(e.realSpectrum(), "estimated real"),
        floored(e.syntheticSpectrum(), "estimated synthetic"), s2);
  }

  /** The advisor's regime (normalised units) with {@code realRows} real rows and all n2 synthetic rows. */
  public Regime regime(long realRows) {
    return Regime.ridge(real, synthetic, realRows, estimates.syntheticRows(),
        Math.sqrt(estimates.sigma2Real() / scale2), Math.sqrt(estimates.sigma2Synthetic() / scale2),
        estimates.c2() / scale2);
  }

  /** The advisor's recommendation for all n1 real rows. */
  public Advice advise() {
    return Advisor.advise(regime(estimates.realRows()));
  }

  /** A recipe's predicted squared error on a fresh real row, label noise included, in the data's units. */
  public double testMse(Recipe r) {
    return r == null ? Double.NaN : scale2 * r.predictedTestError() + estimates.sigma2Real();
  }

  /** The estimator of an advised recipe. */
  public static WeightedRidge estimator(Recipe r) {
    return new WeightedRidge(Math.toIntExact(r.syntheticRows()), r.syntheticWeight(), r.lambda());
  }

  /** Predicted squared error on a fresh real row of {@code w} trained with {@code realRows} real rows (NaN if none). */
  public double predict(WeightedRidge w, long realRows) {
    return testMse(Advisor.evaluate(regime(realRows), w.syntheticRows(), w.syntheticWeight(), w.lambda(), 0));
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
    return Spectrum.of(e, label);
  }
}
