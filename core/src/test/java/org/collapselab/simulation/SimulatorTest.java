package org.collapselab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.IsotropicClosedForms;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private final Problem ridge = Problem.ridge(Spectrum.powerLaw(60, 1.0), 100, 0.3, 1.0, 0.5, 0.01);
    private final Problem rp = Problem.randomProjection(Spectrum.isotropic(60), 100, 150, 0.3, 1.0, 0.5, 0.01);

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        for (Problem p : new Problem[] {ridge, rp}) {
            SimulationResult one = Simulator.simulate(p, 8, 42, 1);
            SimulationResult two = Simulator.simulate(p, 8, 42, 2);
            SimulationResult four = Simulator.simulate(p, 8, 42, 4);
            assertThat(two.runs()).containsExactly(one.runs());
            assertThat(four.runs()).containsExactly(one.runs());
            assertThat(Simulator.simulate(p, 8, 43, 2).runs()).isNotEqualTo(one.runs());
        }
    }

    @Test
    void summaryStatisticsAreConsistent() {
        SimulationResult r = SimulationResult.of(new double[] {1, 2, 3, 4}, 0);
        assertThat(r.mean()).isEqualTo(2.5);
        assertThat(r.std()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));
        assertThat(r.stderr()).isCloseTo(r.std() / 2, within(1e-12));
    }

    @Test
    void noiselessCleanOrdinaryLeastSquaresIsExact() {
        Problem clean = Problem.ridge(Spectrum.powerLaw(30, 1.0), 100, 0, 1.0, 0, 0);
        assertThat(Simulator.simulate(clean, 3, 7, 1).mean()).isLessThan(1e-18);
    }

    @Test
    void plateauAtPTwoSquaredCTwoInSimulation() {
        // Isotropic, ridgeless, n >> d, no label noise: E ≈ p2²c² + p2(1−p2)c²·d/(n−d), far above 0.
        double p2 = 0.01;
        double c2 = 1.0;
        Problem p = Problem.ridge(Spectrum.isotropic(20), 40_000, p2, c2, 0, 0);
        SimulationResult r = Simulator.simulate(p, 40, 3, 2);
        double expected = IsotropicClosedForms.ridgeless(20.0 / 40_000, p2, c2, 0);
        assertThat(r.mean()).isCloseTo(expected, within(3 * r.stderr()));
        assertThat(r.mean()).isGreaterThan(0.9 * IsotropicClosedForms.collapsePlateau(p2, c2));
    }

    @Test
    void badRunsAreRejectedWithTheFieldName() {
        assertThatThrownBy(() -> Simulator.simulate(ridge, 0, 1, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessage("runs must be an integer in [1, 1000000], got 0");
        assertThatThrownBy(() -> Simulator.simulate(ridge, 2_000_000_000, 1, 1)).hasMessageContaining("[1, 1000000]");
    }
}
