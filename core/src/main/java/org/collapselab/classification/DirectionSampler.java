package org.collapselab.classification;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;

/**
 * Draws the fluctuation e = (Σ δπ_i a_i, Σ δπ_i b_i) of two linear functionals of π = u²/‖u‖², u ~ N(0, I_d)
 * (Dirichlet(½, …, ½)), with a fixed seed so that the theory stays a deterministic function of its input. With
 * π_i = g_i/Σ g_j, g_i ~ χ²₁: up to {@link #EXACT_DIMENSION} coordinates every g_i is drawn; above it the
 * {@link #HEAD} coordinates whose (a_i, b_i) deviate most from the means are drawn exactly and the rest enter through
 * the Gaussian law of (Σ_tail a_i g_i, Σ_tail b_i g_i, Σ_tail g_i) (mean Σ_tail (a_i, b_i, 1), covariance
 * 2 Σ_tail (a_i, b_i, 1)(a_i, b_i, 1)ᵀ; at least {@code EXACT_DIMENSION − HEAD} tail terms, each small).
 */
final class DirectionSampler {
  /** Dimensions up to which every coordinate is drawn. */
  static final int EXACT_DIMENSION = 256;
  /** Coordinates drawn exactly above {@link #EXACT_DIMENSION}. */
  static final int HEAD = 64;
  private static final long SEED = 0x5eed_d1ecL;

  private final double[] a;
  private final double[] b;
  private final int[] head;
  private final double[] tailMean;
  private final double[][] tailRoot; // 3×3 square root of the tail covariance
  private final double meanA;
  private final double meanB;
  private final SplittableRandom rng = new SplittableRandom(SEED);

  DirectionSampler(double[] a, double[] b) {
    int d = a.length;
    this.a = a;
    this.b = b;
    meanA = Arrays.stream(a).sum() / d;
    meanB = Arrays.stream(b).sum() / d;
    if (d <= EXACT_DIMENSION) {
      head = java.util.stream.IntStream.range(0, d).toArray();
      tailMean = new double[3];
      tailRoot = new double[3][3];
      return;
    }
    double va = 0, vb = 0;
    for (int i = 0; i < d; i++) {
      va += (a[i] - meanA) * (a[i] - meanA);
      vb += (b[i] - meanB) * (b[i] - meanB);
    }
    double sa = va > 0 ? va : 1;
    double sb = vb > 0 ? vb : 1;
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(score(y, sa, sb), score(x, sa, sb)));
    head = new int[HEAD];
    boolean[] inHead = new boolean[d];
    for (int k = 0; k < HEAD; k++) {
      head[k] = order[k];
      inHead[order[k]] = true;
    }
    tailMean = new double[3];
    Matrix cov = Matrix.zeros(3, 3);
    for (int i = 0; i < d; i++) {
      if (inHead[i]) {
        continue;
      }
      double[] v = {a[i], b[i], 1};
      for (int j = 0; j < 3; j++) {
        tailMean[j] += v[j];
        for (int l = 0; l < 3; l++) {
          cov.set(j, l, cov.get(j, l) + 2 * v[j] * v[l]);
        }
      }
    }
    double[] w = new double[3];
    DenseOps.symmetricEigenInPlace(cov, w);
    tailRoot = new double[3][3];
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        tailRoot[j][k] = cov.get(j, k) * Math.sqrt(Math.max(w[k], 0));
      }
    }
  }

  private double score(int i, double sa, double sb) {
    return (a[i] - meanA) * (a[i] - meanA) / sa + (b[i] - meanB) * (b[i] - meanB) / sb;
  }

  /** The next draw of e. */
  double[] next() {
    double sumA = 0, sumB = 0, total = 0;
    for (int i : head) {
      double z = rng.nextGaussian();
      double g = z * z;
      sumA += a[i] * g;
      sumB += b[i] * g;
      total += g;
    }
    if (head.length < a.length) {
      double z0 = rng.nextGaussian(), z1 = rng.nextGaussian(), z2 = rng.nextGaussian();
      sumA += tailMean[0] + tailRoot[0][0] * z0 + tailRoot[0][1] * z1 + tailRoot[0][2] * z2;
      sumB += tailMean[1] + tailRoot[1][0] * z0 + tailRoot[1][1] * z1 + tailRoot[1][2] * z2;
      total += tailMean[2] + tailRoot[2][0] * z0 + tailRoot[2][1] * z1 + tailRoot[2][2] * z2;
    }
    return new double[] {sumA / total - meanA, sumB / total - meanB};
  }
}
