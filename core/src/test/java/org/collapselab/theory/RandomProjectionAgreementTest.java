package org.collapselab.theory;

import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random-projection theory against the Java Monte Carlo (300 runs, fixed seed): within 3 standard errors, with
 * standard errors under 2%. Points cover m below/above n, d below/above n, λ = 0, a near-threshold point, a tiny
 * synthetic share (one synthetic row) and isotropic/power-law spectra. (Very close to the ridgeless threshold,
 * n − min(m, d) of order 10, finite-size corrections of relative order 1/(n − min(m, d)) show up; see the report.)
 */
class RandomProjectionAgreementTest {

    @ParameterizedTest(name = "{0} d={1} n={2} m={3} p2={4} c2={5} sigma={6} lambda={7}")
    @CsvSource({
        "iso,       200, 400, 100, 0.1,   0.5, 0.5, 0.01",
        "power:1.0, 100, 300, 600, 0.2,   2.0, 0.5, 0",
        "power:1.5, 300, 150, 100, 0.3,   1.0, 0.2, 0.01",
        "iso,       300, 150, 450, 0.5,   2.0, 0.0, 0.1",
        "power:1.0, 200, 400, 380, 0.1,   1.0, 0.5, 0.1",
        "power:1.5, 150, 600, 300, 0.002, 4.0, 0.2, 0.001",
        "iso,       300, 150, 200, 0.2,   1.0, 0.5, 0",
        "power:1.0, 300, 150, 140, 0.1,   1.0, 0.5, 0.01",
        "power:1.5, 120, 240, 240, 0.5,   0.5, 0.0, 0.0001",
    })
    void theoryWithinThreeStandardErrors(
            String spectrum, int d, int n, int m, double p2, double c2, double sigma, double lambda) {
        Spectrum s = Agreement.spectrum(spectrum, d);
        Problem problem = Problem.randomProjection(s, n, m, p2, c2, sigma, lambda);
        TheoryResult theory = Theory.predict(problem);
        SimulationResult sim = Simulator.simulate(problem, 300, 20261125L, 2);
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
