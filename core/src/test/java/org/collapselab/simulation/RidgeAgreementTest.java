package org.collapselab.simulation;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ridge theory against Monte Carlo: within 3 standard errors, with standard errors under about 2%. */
class RidgeAgreementTest {

    @ParameterizedTest(name = "{0} d={1} n={2} p2={3} c2={4} sigma={5} lambda={6}")
    @CsvSource({
        "iso,      100, 400, 0.2,   1.0, 0.5, 0",
        "iso,      200, 400, 0.5,   2.0, 0.0, 0.01",
        "iso,      400, 200, 0.2,   1.0, 0.5, 0",
        "iso,      300, 300, 0.1,   1.0, 0.5, 0.05",
        "power:1.0, 100, 400, 0.001, 4.0, 0.5, 0.001",
        "power:1.5, 300, 150, 0.3,   1.0, 0.2, 0.01",
        "power:1.0, 250, 250, 0.2,   1.0, 0.3, 0.05",
    })
    void theoryWithinThreeStandardErrors(
            String spectrum, int d, int n, double p2, double c2, double sigma, double lambda) {
        Spectrum s = Agreement.spectrum(spectrum, d);
        Problem problem = Problem.ridge(s, n, p2, c2, sigma, lambda);
        TheoryResult theory = Theory.predict(problem);
        SimulationResult sim = Simulator.simulate(problem, 300, 20261125L, 2);
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
