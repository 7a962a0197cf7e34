package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recovery and coverage of the c² estimate on Gaussian data with known truth. */
class SourceEstimatorTest {
  static final int REPETITIONS = Integer.getInteger("collapselab.coverageRepetitions", 50);

  static java.util.stream.Stream<GaussianTwoSource> cases() {
    return Coverage.cases().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void recoversC2AndCoversTheTruth(GaussianTwoSource truth) {
    double c2 = truth.c2();
    Coverage c = Coverage.run(truth, REPETITIONS, 8, 1000);
    int covered = c.covered();
    double worst = c.worstRelativeError();
    System.out.printf("COVER %d/%d worst rel err %.3f mean %.4f%n", covered, REPETITIONS, worst, c.meanEstimate());
    assertThat(covered).as("repetitions whose 95%% interval covers c² = %s", c2)
        .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * REPETITIONS));
    if (c2 >= 0.3) {
      assertThat(worst).as("largest relative error of ĉ² over %d repetitions", REPETITIONS).isLessThan(0.25);
    }
  }

  @Test
  void estimatesNoiseLevelsAndSpectrum() {
    Spectrum real = Spectrum.powerLaw(20, 1.0);
    GaussianTwoSource truth = new GaussianTwoSource(real, real, 4000, 4000, 0.5, 0.7, 0.2);
    SourceEstimates e = SourceEstimator.estimate(truth.draw(7, 0).data(), 4, 1);
    assertThat(e.sigma2Real()).isCloseTo(0.49, org.assertj.core.data.Percentage.withPercentage(8));
    assertThat(e.sigma2Synthetic()).isCloseTo(0.04, org.assertj.core.data.Percentage.withPercentage(8));
    assertThat(e.realSpectrum()[0]).isCloseTo(real.eigenvalue(0), org.assertj.core.data.Percentage.withPercentage(10));
    assertThat(e.covarianceDistance()).isLessThan(0.1);
    assertThat(e.offDiagonalShare()).isLessThan(0.1);
  }
}
