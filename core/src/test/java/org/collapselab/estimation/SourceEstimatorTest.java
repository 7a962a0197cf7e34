package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recovery and coverage of the c² estimate on Gaussian data with known truth (issue 9, "what must be shown"). */
class SourceEstimatorTest {
  static final int REPETITIONS = Integer.getInteger("collapselab.coverageRepetitions", 50);

  @ParameterizedTest(name = "c2={0} d={1} n1={2} n2={3} sigma1={4} sigma2={5}")
  @CsvSource({
      "0.3, 30, 1200, 1200, 0.5, 0.5",
      "1.0, 30, 800, 800, 1.0, 0.3",
      "0.3, 40, 1500, 3000, 0.5, 1.0",
      "0.05, 20, 200, 200, 1.0, 1.0"})
  void recoversC2AndCoversTheTruth(double c2, int d, int n1, int n2, double sigma1, double sigma2) {
    Spectrum real = Spectrum.powerLaw(d, 1.0);
    Spectrum syn = Spectrum.powerLaw(d, 0.5);
    KnownTruth truth = new KnownTruth(real, syn, n1, n2, c2, sigma1, sigma2);
    int covered = 0;
    double worst = 0;
    double sum = 0;
    for (int r = 0; r < REPETITIONS; r++) {
      SourceEstimates e = SourceEstimator.estimate(truth.draw(1000 + r, 0).data(), 8, r);
      covered += e.c2Low() <= c2 && c2 <= e.c2High() ? 1 : 0;
      worst = Math.max(worst, Math.abs(e.c2() - c2) / c2);
      sum += e.c2Raw();
    }
    System.out.printf("COVER %d/%d worst rel err %.3f mean %.4f%n", covered, REPETITIONS, worst, sum / REPETITIONS);
    assertThat(covered).as("repetitions whose 95%% interval covers c² = %s", c2)
        .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * REPETITIONS));
    if (c2 >= 0.3) {
      assertThat(worst).as("largest relative error of ĉ² over %d repetitions", REPETITIONS).isLessThan(0.25);
    }
  }

  @Test
  void estimatesNoiseLevelsAndSpectrum() {
    Spectrum real = Spectrum.powerLaw(20, 1.0);
    KnownTruth truth = new KnownTruth(real, real, 4000, 4000, 0.5, 0.7, 0.2);
    SourceEstimates e = SourceEstimator.estimate(truth.draw(7, 0).data(), 4, 1);
    assertThat(e.sigma2Real()).isCloseTo(0.49, org.assertj.core.data.Percentage.withPercentage(8));
    assertThat(e.sigma2Synthetic()).isCloseTo(0.04, org.assertj.core.data.Percentage.withPercentage(8));
    assertThat(e.realSpectrum()[0]).isCloseTo(real.eigenvalue(0), org.assertj.core.data.Percentage.withPercentage(10));
    assertThat(e.covarianceDistance()).isLessThan(0.1);
    assertThat(e.offDiagonalShare()).isLessThan(0.1);
  }
}
