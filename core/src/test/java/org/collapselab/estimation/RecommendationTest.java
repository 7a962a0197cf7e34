package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.advice.Advice;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On Gaussian data with known truth, the recipe recommended from the estimates (advisor on {@link DiagnosedRegime})
 * has a measured error on fresh real rows within 20% of the best recipe of a brute-force grid.
 */
class RecommendationTest {
  static final int[] K_SHARES = {0, 1, 2, 4, 8}; // k = n2·share/8
  static final double[] WEIGHTS = {0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
  static final double[] LAMBDAS = {0, 1e-3, 1e-2, 0.1, 1};

  @ParameterizedTest(name = "c2={0} sigma1={1} sigma2={2} n1={3} n2={4} seed={5}")
  @CsvSource({
      "0.3, 0.7, 0.3, 300, 3000, 1",   // good synthetic data, few real rows: use it, down-weighted
      "0.05, 1.0, 0.2, 200, 4000, 2",  // very good synthetic data
      "2.0, 0.5, 0.5, 600, 2000, 3",   // bad synthetic data: (almost) real only
      "0.5, 0.7, 0.7, 120, 1000, 4"})  // d/n1 = 1/4: regularisation matters
  void recommendedRecipeIsNearTheBestOfAGrid(double c2, double sigma1, double sigma2, int n1, int n2, long seed) {
    int d = 30;
    GaussianTwoSource truth = new GaussianTwoSource(Spectrum.powerLaw(d, 1.0), Spectrum.powerLaw(d, 0.5), n1, n2,
        c2, sigma1, sigma2);
    GaussianTwoSource.Draw draw = truth.draw(seed, 20_000);
    SourceEstimates est = SourceEstimator.estimate(draw.data(), 16, seed);
    DiagnosedRegime regime = DiagnosedRegime.of(est);
    Advice advice = regime.advise();
    RecipeValidation v = new RecipeValidation(draw.data(), 5, seed);
    WeightedRidge chosen = DiagnosedRegime.estimator(advice.best());
    double recommended = v.testError(chosen, draw.test());
    double recommendedExcess = excess(truth, draw, v.fitAll(chosen));
    double best = Double.POSITIVE_INFINITY;
    double bestExcess = Double.POSITIVE_INFINITY;
    WeightedRidge bestRecipe = null;
    for (int share : K_SHARES) {
      for (double a : WEIGHTS) {
        for (double lambda : LAMBDAS) {
          WeightedRidge w = new WeightedRidge(n2 * share / 8, a, lambda);
          double e = v.testError(w, draw.test());
          bestExcess = Math.min(bestExcess, excess(truth, draw, v.fitAll(w)));
          if (e < best) {
            best = e;
            bestRecipe = w;
          }
        }
      }
    }
    System.out.printf("GRID c2=%.2f: recommended %s measured %.4f predicted %.4f excess %.4f; grid best %s %.4f,"
        + " best excess %.4f; noise %.3f%n", c2, chosen, recommended, regime.testMse(advice.best()),
        recommendedExcess, bestRecipe, best, bestExcess, sigma1 * sigma1);
    assertThat(recommended).as("measured error of the recommendation vs grid best %s", best)
        .isLessThanOrEqualTo(1.2 * best);
    // Stricter, without the label noise both share: the exact excess risk against the grid's best excess risk.
    assertThat(recommendedExcess).as("excess risk of the recommendation vs grid best %s", bestExcess)
        .isLessThanOrEqualTo(1.25 * bestExcess);
  }

  /** Exact excess risk of the centred fit w on real data: (ȳ1 − x̄1ᵀw)² + ‖w − w1‖²_Σ1 (the truth has no intercept). */
  static double excess(GaussianTwoSource truth, GaussianTwoSource.Draw draw, double[] w) {
    double intercept = draw.data().labelMean();
    double e = 0;
    for (int i = 0; i < w.length; i++) {
      intercept -= draw.data().featureMean()[i] * w[i];
      double diff = w[i] - draw.w1()[i];
      e += truth.real().eigenvalue(i) * diff * diff;
    }
    return e + intercept * intercept;
  }
}
