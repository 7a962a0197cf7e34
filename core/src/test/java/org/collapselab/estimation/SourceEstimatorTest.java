package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Coverage of the c² interval on Gaussian data with known truth, from n1 = 10 to 10d, and the noise estimates. */
class SourceEstimatorTest {
    static final int REPETITIONS = Integer.getInteger("collapselab.coverageRepetitions", 100);

    static java.util.stream.Stream<GaussianTwoSource> cases() {
        return Coverage.cases().stream();
    }

    /** At least 90% of the 95% intervals cover c² (100 seeded repetitions per setting). */
    @ParameterizedTest
    @MethodSource("cases")
    void intervalCoversC2(GaussianTwoSource truth) {
        Coverage c = Coverage.run(truth, REPETITIONS, 1000);
        System.out.printf(
                "COVER d=%d n1=%d: %d/%d mean %.4f (c2 %.3g)%n",
                truth.real().dimension(), truth.n1(), c.covered(), REPETITIONS, c.meanEstimate(), truth.c2());
        assertThat(c.covered())
                .as("repetitions whose 95%% interval covers c² = %s", truth.c2())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * REPETITIONS));
    }

    /** With many rows of each source the least-squares route recovers σ1², σ2², c² and the spectrum. */
    @Test
    void estimatesNoiseLevelsAndSpectrum() {
        Spectrum real = Spectrum.powerLaw(20, 1.0);
        GaussianTwoSource truth = new GaussianTwoSource(real, real, 4000, 4000, 0.5, 0.7, 0.2);
        GaussianTwoSource.Draw draw = truth.draw(7, 0);
        SourceEstimates e = SourceEstimator.estimate(draw.data())
                .inLabelUnits(draw.data().units().labelScale());
        assertThat(e.estimator()).isEqualTo("least-squares");
        assertThat(e.sigma2Real()).isCloseTo(0.49, org.assertj.core.data.Percentage.withPercentage(8));
        assertThat(e.sigma2Synthetic()).isCloseTo(0.04, org.assertj.core.data.Percentage.withPercentage(8));
        assertThat(e.c2()).isCloseTo(0.5, org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(e.covarianceDistance()).isLessThan(0.15);
        assertThat(e.offDiagonalShare()).isLessThan(0.1);
    }
}
