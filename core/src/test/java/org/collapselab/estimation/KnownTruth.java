package org.collapselab.estimation;

import java.util.SplittableRandom;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/** Gaussian two-source data with known truth (w1, Δ, σ1, σ2, Σ1, Σ2) for the estimation tests. */
record KnownTruth(Spectrum real, Spectrum synthetic, int n1, int n2, double c2, double sigma1, double sigma2) {

  /** One draw: data plus the true teacher, shift and a large fresh real test block. */
  record Draw(TwoSourceData data, double[] w1, double[] delta, Moments test) {
  }

  Problem problem(int rows1, int rows2) {
    int n = rows1 + rows2;
    return Problem.ridge(real, n, (double) rows2 / n, c2, sigma1, 0)
        .withSources(synthetic, sigma2, 1.0, Estimator.MIX);
  }

  Draw draw(long seed, int testRows) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] w1 = Teacher.random(real.dimension(), rng);
    double[] delta = SyntheticShift.random(real, c2, rng);
    TrainingSet t = MixtureSampler.sample(problem(n1, n2), w1, delta, rng);
    int[] realRows = range(0, n1);
    int[] synRows = range(n1, n1 + n2);
    TwoSourceData data = TwoSourceData.of(Rows.select(t.x(), realRows), Rows.select(t.y(), realRows),
        Rows.select(t.x(), synRows), Rows.select(t.y(), synRows));
    Moments test = null;
    if (testRows > 0) {
      TrainingSet fresh = MixtureSampler.sample(problem(testRows, 0), w1, delta, rng);
      test = data.centredMoments(fresh.x(), fresh.y());
    }
    return new Draw(data, w1, delta, test);
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
