package org.collapselab.estimation;

import java.util.SplittableRandom;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Estimates the two-source regime from a user's data ({@link TwoSourceData}).
 *
 * <p>Synthetic quality c² = ‖w2 − w1‖²_Σ1 by cross-fitting: the real rows and the synthetic rows are each split at
 * random into halves a and b; least squares with an intercept on each half gives Δ̂_a = ŵ2a − ŵ1a and
 * Δ̂_b = ŵ2b − ŵ1b, which are independent and conditionally unbiased for Δ given the designs, so
 * T = Δ̂_aᵀ Σ̂1 Δ̂_b is unbiased for ΔᵀΣ̂1Δ, itself unbiased for c² — with no estimate of the noise level and no
 * noise model (the naive plug-in ‖Δ̂‖²_Σ̂1 is biased upward by σ1²d/n1 + σ2² tr(Σ̂1(X2ᵀX2)⁻¹), and subtracting that
 * needs homoscedastic noise). T is averaged over {@code splits} random splits. Its variance, given the designs, is
 * uᵀ(V_a + V_b)u + tr(Σ̂1V_aΣ̂1V_b) with u = Σ̂1Δ and V the HC2 covariances of the half differences, plus
 * Var((xᵀΔ)²)/n1 from estimating Σ1; the plug-ins use the full-sample Δ̂ (which makes them slightly conservative)
 * and the single-split variance bounds that of the average. The interval is normal, clipped at 0.
 *
 * <p>Needs at least {@link #minimumRows(int)} = 2(d + 2) rows of each source, so that each half has a least-squares
 * fit with an intercept and leverages below 1.
 */
public final class SourceEstimator {
  /** z for a two-sided 95% normal interval. */
  static final double Z95 = 1.959963984540054;

  private SourceEstimator() {}

  /** Rows of each source needed for d features. */
  public static int minimumRows(int d) {
    return 2 * (d + 2);
  }

  /** The estimates, with {@code splits} random half-splits drawn from {@code seed}. */
  public static SourceEstimates estimate(TwoSourceData data, int splits, long seed) {
    int d = data.dimension();
    int n1 = data.realRows();
    int n2 = data.syntheticRows();
    if (n1 < minimumRows(d) || n2 < minimumRows(d)) {
      throw new IllegalArgumentException("need at least " + minimumRows(d) + " real and synthetic rows for " + d
          + " features, got " + n1 + " and " + n2);
    }
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be >= 1, got " + splits);
    }
    Matrix sigma1 = DenseOps.gramTransposed(data.real(), 1.0 / (n1 - 1));
    Matrix sigma2 = DenseOps.gramTransposed(data.synthetic(), 1.0 / n2);
    Matrix basis = sigma1.copy();
    double[] ascending = new double[d];
    DenseOps.symmetricEigenInPlace(basis, ascending);
    Matrix rotated = DenseOps.multiply(Ols.transpose(basis), DenseOps.multiply(sigma2, basis));
    double[] realSpectrum = new double[d];
    double[] synSpectrum = new double[d];
    double off = 0;
    double all = 0;
    for (int i = 0; i < d; i++) {
      realSpectrum[i] = ascending[d - 1 - i];
      synSpectrum[i] = rotated.get(d - 1 - i, d - 1 - i);
      for (int j = 0; j < d; j++) {
        double v = rotated.get(i, j);
        all += v * v;
        off += i == j ? 0 : v * v;
      }
    }
    double diff = 0;
    double norm1 = 0;
    for (int i = 0; i < d * d; i++) {
      double a = sigma1.data()[i];
      double b = sigma2.data()[i];
      diff += (b - a) * (b - a);
      norm1 += a * a;
    }
    Matrix sigma1Inverse = Ols.inverse(sigma1);
    double[] shift = Rows.columnMeans(data.synthetic());
    double meanShift = Math.sqrt(Math.max(0, quadratic(sigma1Inverse, shift, shift)));

    Ols real = Ols.fit(data.real(), data.realLabels());
    Ols syn = Ols.fit(data.synthetic(), data.syntheticLabels());
    double[] delta = minus(syn.slope(), real.slope());
    double sigma2Real = real.noiseVariance();
    double signal = Math.max(0, quadratic(sigma1, real.slope(), real.slope()) - sigma2Real * d / (n1 - 1));

    SplittableRandom rng = new SplittableRandom(seed);
    double sum = 0;
    double variance = 0;
    for (int s = 0; s < splits; s++) {
      int[] p1 = Rows.permutation(n1, rng);
      int[] p2 = Rows.permutation(n2, rng);
      Half a = half(data, Rows.slice(p1, 0, n1 / 2), Rows.slice(p2, 0, n2 / 2));
      Half b = half(data, Rows.slice(p1, n1 / 2, n1), Rows.slice(p2, n2 / 2, n2));
      sum += quadratic(sigma1, a.delta, b.delta);
      if (s == 0) {
        variance = splitVariance(sigma1, delta, a, b) + designVariance(data.real(), delta);
      }
    }
    double raw = sum / splits;
    double se = Math.sqrt(variance);
    return new SourceEstimates(d, n1, n2, realSpectrum, synSpectrum, Math.sqrt(diff / norm1), Math.sqrt(off / all),
        meanShift, sigma2Real, syn.noiseVariance(), real.noiseVarianceStdError(), syn.noiseVarianceStdError(), signal,
        Math.max(0, raw), raw, se,
        Math.max(0, raw - Z95 * se), Math.max(0, raw + Z95 * se), 0.95, splits);
  }

  /** One half: Δ̂ and the HC2 covariance of Δ̂ (sum of the two sources' covariances). */
  private record Half(double[] delta, Matrix covariance) {
  }

  private static Half half(TwoSourceData data, int[] realRows, int[] synRows) {
    Ols r = Ols.fit(Rows.select(data.real(), realRows), Rows.select(data.realLabels(), realRows));
    Ols s = Ols.fit(Rows.select(data.synthetic(), synRows), Rows.select(data.syntheticLabels(), synRows));
    Matrix cov = r.hc2Covariance();
    double[] c = cov.data();
    double[] cs = s.hc2Covariance().data();
    for (int i = 0; i < c.length; i++) {
      c[i] += cs[i];
    }
    return new Half(minus(s.slope(), r.slope()), cov);
  }

  /** uᵀ(V_a + V_b)u + tr(Σ V_a Σ V_b), u = ΣΔ. */
  private static double splitVariance(Matrix sigma, double[] delta, Half a, Half b) {
    double[] u = DenseOps.multiplyVector(sigma, delta, false, 1.0);
    double linear = quadratic(a.covariance, u, u) + quadratic(b.covariance, u, u);
    Matrix left = DenseOps.multiply(sigma, a.covariance);
    Matrix right = DenseOps.multiply(sigma, b.covariance);
    double trace = 0;
    int d = sigma.rows();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        trace += left.get(i, j) * right.get(j, i);
      }
    }
    return linear + trace;
  }

  /** Var((xᵀΔ)²)/n1 over the real rows: the error of Σ̂1 in ΔᵀΣ̂1Δ. */
  private static double designVariance(Matrix real, double[] delta) {
    double[] proj = DenseOps.multiplyVector(real, delta, false, 1.0);
    for (int i = 0; i < proj.length; i++) {
      proj[i] *= proj[i];
    }
    return Rows.meanAndVariance(proj)[1] / proj.length;
  }

  private static double quadratic(Matrix m, double[] x, double[] y) {
    return DenseOps.dot(x, DenseOps.multiplyVector(m, y, false, 1.0));
  }

  private static double[] minus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }
}
