package org.collapselab.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

class ProblemTest {
  private final Spectrum iso = Spectrum.isotropic(10);

  @Test
  void rejectsEachBadFieldWithNameAndRange() {
    assertThatThrownBy(() -> Problem.ridge(iso, -5, 0.1, 1, 0, 0)).hasMessage("n must be an integer in [1, 16777216], got -5");
    assertThatThrownBy(() -> Problem.ridge(iso, 10, 1.5, 1, 0, 0)).hasMessage("p2 must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> Problem.ridge(iso, 10, Double.NaN, 1, 0, 0)).hasMessage("p2 must be in [0, 1], got NaN");
    assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, -1, 0, 0)).hasMessage("c2 must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, 1, Double.POSITIVE_INFINITY, 0))
        .hasMessage("sigma must be finite and >= 0, got Infinity");
    assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, 1, 0, -0.1)).hasMessage("lambda must be finite and >= 0, got -0.1");
    assertThatThrownBy(() -> Problem.randomProjection(iso, 10, 0, 0.1, 1, 0, 0))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("m must be an integer in [1, ");
  }

  @Test
  void countsRoundTheSyntheticShare() {
    Problem p = Problem.ridge(iso, 1000, 0.0015, 1, 0, 0);
    assertThat(p.syntheticCount()).isEqualTo(2);
    assertThat(p.realCount()).isEqualTo(998);
    assertThat(p.m()).isZero();
  }

  @Test
  void spectraAreValidated() {
    assertThatThrownBy(() -> Spectrum.of(new double[] {1, 0, 2}, "f")).hasMessage("spectrum must be finite and > 0, got eigenvalue #2 = 0.0");
    assertThatThrownBy(() -> Spectrum.powerLaw(5, -1)).hasMessageStartingWith("spectrum must be power:A");
    Spectrum p = Spectrum.powerLaw(100, 1.5);
    assertThat(p.trace()).isCloseTo(100, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(p.eigenvalue(0)).isGreaterThan(p.eigenvalue(99));
  }
}
