package org.collapselab.classification;

import java.util.function.ToDoubleFunction;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * The average over the random direction of μ. With μ = √M·Σ^{1/2}u/‖u‖, μ_i² = M·s_i·π_i where π = u²/‖u‖² is
 * Dirichlet(½, …, ½): E π_i = 1/d, Cov(π_i, π_j) = (δ_ij/d − 1/d²)/(d/2 + 1). The deterministic equivalents depend
 * on μ only through the quadratic forms τ1(κ) = μᵀ(Σ + κ)⁻¹μ and τ2(κ) = μᵀ(Σ + κ)⁻¹Σ(Σ + κ)⁻¹μ, linear in π. To
 * second order in δπ = π − E π they move by e = (Σ δπ_i a_i, Σ δπ_i b_i, Σ δπ_i a_i', Σ δπ_i b_i') at the solution's
 * κ0 (a_i = M s_i/(s_i + κ0), b_i = M s_i²/(s_i + κ0)², primes = κ-derivatives; τ1(κ) ≈ τ̄1(κ) + e1 + e3(κ − κ0),
 * likewise τ2), whose covariance is C_jk = [(1/d)Σ v_j,i v_k,i − v̄_j v̄_k]/(d/2 + 1). The mean test error is then
 * E G(e) ≈ G(0) + ½ Σ_k [G(l_k) + G(−l_k) − 2G(0)] for C = Σ_k l_k l_kᵀ (central second differences one standard
 * deviation along each principal axis; exact for quadratic G). Isotropic Σ gives C = 0: no correction.
 */
final class DirectionAverage {
  /** Principal variances below this fraction of the largest (after scaling to unit variances) are dropped. */
  private static final double RANK_TOLERANCE = 1e-10;

  private DirectionAverage() {}

  /**
   * Covariance of e (4×4, or its first {@code k} coordinates) at κ0 for eigenvalues {@code s} and separation M.
   */
  static double[][] covariance(double[] s, double mu2, double kappa, int k) {
    int d = s.length;
    double[][] v = new double[4][d];
    for (int i = 0; i < d; i++) {
      double inv = 1 / (s[i] + kappa);
      v[0][i] = mu2 * s[i] * inv;
      v[1][i] = mu2 * s[i] * s[i] * inv * inv;
      v[2][i] = -v[0][i] * inv;
      v[3][i] = -2 * v[1][i] * inv;
    }
    double[] mean = new double[k];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < d; i++) {
        mean[j] += v[j][i];
      }
      mean[j] /= d;
    }
    double[][] c = new double[k][k];
    double scale = 1.0 / (d / 2.0 + 1);
    for (int j = 0; j < k; j++) {
      for (int l = 0; l <= j; l++) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
          sum += (v[j][i] - mean[j]) * (v[l][i] - mean[l]);
        }
        c[j][l] = c[l][j] = sum / d * scale;
      }
    }
    return c;
  }

  /**
   * The second-order average of G over e with covariance {@code cov}, given G(0) = {@code g0}. Calls G at most twice
   * per principal axis.
   */
  static double average(ToDoubleFunction<double[]> g, double g0, double[][] cov) {
    int k = cov.length;
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      sd[j] = Math.sqrt(Math.max(cov[j][j], 0));
    }
    Matrix corr = Matrix.zeros(k, k);
    int live = 0;
    for (int j = 0; j < k; j++) {
      for (int l = 0; l < k; l++) {
        corr.set(j, l, sd[j] > 0 && sd[l] > 0 ? cov[j][l] / (sd[j] * sd[l]) : 0);
      }
      live += sd[j] > 0 ? 1 : 0;
    }
    if (live == 0) {
      return g0;
    }
    double[] w = new double[k];
    DenseOps.symmetricEigenInPlace(corr, w);
    double max = w[k - 1];
    double correction = 0;
    for (int a = 0; a < k; a++) {
      if (!(w[a] > RANK_TOLERANCE * max)) {
        continue;
      }
      double[] plus = new double[k];
      double[] minus = new double[k];
      for (int j = 0; j < k; j++) {
        double step = Math.sqrt(w[a]) * corr.get(j, a) * sd[j];
        plus[j] = step;
        minus[j] = -step;
      }
      correction += 0.5 * (g.applyAsDouble(plus) + g.applyAsDouble(minus) - 2 * g0);
    }
    return g0 + correction;
  }
}
