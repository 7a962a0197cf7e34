package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SketchedTwoSourceTheory}: exact reduction to the one-covariance random-projection theories, limits, messages. */
class SketchedTwoSourceTheoryTest {

  @ParameterizedTest(name = "{0} d={1} n1={2} n2={3} m={4} σ2={6} A={7} λ={8}")
  @CsvSource({
      // Σ,         d,   n1,  n2,  m,   c2,  σ2,  A,   λ
      "iso,       100, 100, 100, 50,  1.0, 0.5, 1.0, 0.01",
      "iso,       100, 100, 100, 300, 1.0, 0.9, 0.3, 0.01",
      "power:1.0, 100, 90,  60,  75,  1.0, 0.9, 1.0, 0.001",
      "power:1.0, 100, 90,  60,  250, 2.0, 0.8, 3.0, 0.01",
      "iso,       150, 38,  37,  50,  1.0, 0.6, 0.2, 0.001",
      "power:1.0, 150, 30,  45,  200, 1.0, 0.2, 2.0, 0.05",
      "power:1.0, 150, 30,  45,  200, 1.0, 0.2, 2.0, 0",
      "power:1.0, 100, 300, 100, 50,  1.0, 0.2, 0.5, 0",
      "power:1.0, 100, 300, 100, 150, 1.0, 0.2, 0.5, 0",
      "iso,       100, 0,   150, 60,  1.0, 0.4, 1.0, 0.01",
  })
  void reducesToOneCovarianceTheoryAtEqualSpectra(String kind, int d, long n1, long n2, long m, double c2,
                                                  double sigma2, double weight, double lambda) {
    Spectrum s = Agreement.spectrum(kind, d);
    double sigma1 = 0.4;
    TheoryResult general = SketchedTwoSourceTheory.predict(s, s, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
    TheoryResult known = WeightedRandomProjectionTheory.predict(s, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
    double tol = 1e-9 * known.testError();
    assertThat(general.converged()).isTrue();
    assertThat(general.testError()).isCloseTo(known.testError(), within(tol));
    assertThat(general.bias()).isCloseTo(known.bias(), within(tol));
    assertThat(general.variance()).isCloseTo(known.variance(), within(tol));
    assertThat(general.zeta()).isCloseTo(known.zeta(), within(tol));
  }

  @Test
  void reducesToRandomProjectionTheoryAtTheBaseline() {
    Spectrum s = Spectrum.powerLaw(120, 1.0);
    for (long m : new long[] {40, 120, 400}) {
      TheoryResult general = SketchedTwoSourceTheory.predict(s, s, 120, 80, m, 1.0, 0.5, 0.5, 1.0, 0.02);
      TheoryResult known = RandomProjectionTheory.predict(s, 200, m, 0.4, 1.0, 0.5, 0.02);
      assertThat(general.testError()).isCloseTo(known.testError(), within(1e-9 * known.testError()));
      assertThat(general.effectiveRegularization()).isCloseTo(known.effectiveRegularization(), within(1e-9 * known.effectiveRegularization()));
    }
  }
}
