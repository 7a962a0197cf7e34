package org.collapselab.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private final Spectrum iso = Spectrum.isotropic(10);

    @Test
    void rejectsEachBadFieldWithNameAndRange() {
        assertThatThrownBy(() -> Problem.ridge(iso, -5, 0.1, 1, 0, 0))
                .hasMessage("n must be an integer in [1, 1000000000000000], got -5");
        assertThatThrownBy(() -> Problem.ridge(iso, 10, 1.5, 1, 0, 0)).hasMessage("p2 must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Problem.ridge(iso, 10, Double.NaN, 1, 0, 0))
                .hasMessage("p2 must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, -1, 0, 0))
                .hasMessage("c2 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, 1, Double.POSITIVE_INFINITY, 0))
                .hasMessage("sigma must be finite and >= 0, got Infinity");
        assertThatThrownBy(() -> Problem.ridge(iso, 10, 0.1, 1, 0, -0.1))
                .hasMessage("lambda must be finite and >= 0, got -0.1");
        assertThatThrownBy(() -> Problem.randomProjection(iso, 10, 0, 0.1, 1, 0, 0))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("m must be an integer in [1, ");
        Problem base = Problem.ridge(iso, 10, 0.1, 1, 0.5, 0);
        assertThatThrownBy(() -> base.withSources(null, -1, 1, Estimator.MIX))
                .hasMessage("syntheticSigma must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> base.withSources(null, 0.5, Double.NaN, Estimator.MIX))
                .hasMessage("syntheticWeight must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> base.withGenerations(new Generations(-1, Schedule.REPLACE, 0)))
                .hasMessage("generations must be an integer in [0, 10000], got -1");
        assertThatThrownBy(() -> new Generations(3, Schedule.ACCUMULATE, 1.5))
                .hasMessage("freshReal must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Schedule.parse("keep"))
                .hasMessage("schedule must be one of replace, accumulate, accumulate-subsample, got keep");
    }

    @Test
    void theoryAcceptsAstronomicalSizesAndTheBaselineIsRecognised() {
        Problem huge = Problem.randomProjection(iso, 1_000_000_000_000L, 2_000_000_000_000L, 0.1, 1, 0.5, 0);
        assertThat(huge.syntheticCount()).isEqualTo(100_000_000_000L);
        Problem base = Problem.ridge(iso, 10, 0.1, 1, 0.5, 0);
        assertThat(base.isBaseline()).isTrue();
        assertThat(base.withSources(null, 0.5, 1, Estimator.MIX).isBaseline()).isTrue();
        assertThat(base.withSources(null, 0.7, 1, Estimator.MIX).isBaseline()).isFalse();
        assertThat(base.withSources(null, 0.5, 2, Estimator.MIX).isBaseline()).isFalse();
        assertThat(base.withSources(null, 0.5, 1, Estimator.PRIOR).isBaseline()).isFalse();
        assertThat(base.withGenerations(new Generations(2, Schedule.REPLACE, 0)).isBaseline())
                .isFalse();
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
        assertThatThrownBy(() -> Spectrum.of(new double[] {1, 0, 2}, "f"))
                .hasMessage("spectrum must be finite eigenvalues > 0, got f: eigenvalue #2 is 0");
        assertThatThrownBy(() -> Spectrum.powerLaw(5, -1)).hasMessageStartingWith("spectrum must be power:A");
        Spectrum p = Spectrum.powerLaw(100, 1.5);
        assertThat(p.trace()).isCloseTo(100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.eigenvalue(0)).isGreaterThan(p.eigenvalue(99));
    }
}
