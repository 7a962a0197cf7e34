package org.collapselab.simulation;

import java.util.SplittableRandom;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.collapselab.theory.RidgeTheory;
import org.collapselab.theory.TheoryResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixed teacher and shift (cross term included): theory within 3 standard errors of simulation. */
class FixedVectorAgreementTest {

    @ParameterizedTest(name = "{0} d={1} n={2} lambda={3} aligned={4}")
    @CsvSource({
        "power:1.0, 200, 400, 0.05, false",
        "power:1.0, 200, 400, 0.05, true",
        "iso,       300, 150, 0.1,  true",
        "power:1.5, 300, 150, 0.01, false",
    })
    void fixedVectorsTheoryMatchesSimulation(String spec, int d, int n, double lambda, boolean aligned) {
        Spectrum s = Agreement.spectrum(spec, d);
        SplittableRandom rng = new SplittableRandom(11);
        double[] w1 = Teacher.random(d, rng);
        double[] delta;
        if (aligned) { // Δ = 0.8·w1 scaled to ‖Δ‖²_Σ = 1: a strong teacher/shift correlation, so the cross term matters
            delta = w1.clone();
            double norm = Math.sqrt(SyntheticShift.sigmaNorm2(s, delta));
            for (int i = 0; i < d; i++) {
                delta[i] /= norm;
            }
        } else {
            delta = SyntheticShift.random(s, 1.0, rng);
        }
        double p2 = 0.4;
        Problem problem = Problem.ridge(s, n, p2, 1.0, 0.3, lambda);
        TheoryResult theory = RidgeTheory.predictFixed(s, n, p2, 0.3, lambda, w1, delta);
        SimulationResult sim = Simulator.simulateFixed(problem, w1, delta, 300, 5);
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
