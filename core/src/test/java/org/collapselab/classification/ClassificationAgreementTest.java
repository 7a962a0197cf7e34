package org.collapselab.classification;

import org.collapselab.simulation.SimulationResult;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classification theory against Monte Carlo (400 runs, seed 20261206): square and logistic loss, M ∈ {1, 2, 4},
 * flip rates 0.1 to 0.45, d/n from 0.2 to 2, with and without a verifier, isotropic and power-law Σ. Criterion of
 * {@link Agreement}: relative standard error below 2% and |theory − sim| below 3 standard errors. The finite-size
 * deviation of the asymptotic theory is of order 1/d (about −0.001 at d = 200), below one standard error here.
 */
class ClassificationAgreementTest {
    static final int RUNS = 400;
    static final long SEED = 20261206L;

    @ParameterizedTest(name = "{0} {1} d={2} n={3} p2={4} M={5} Q={6} λ={7} A={8} ϕ={9} ψ={10}")
    @CsvSource({
        // loss,   Σ,         d,   n,    p2,  M, Q,    λ,    A,   ϕ,   ψ
        "SQUARE,   iso,       200, 1000, 0.5, 1, 0.1,  0.01, 1,   1,   1",
        "SQUARE,   power:1.0, 200, 100,  0.5, 2, 0.3,  0.05, 1,   1,   1",
        "SQUARE,   iso,       200, 400,  0.8, 4, 0.45, 0.1,  2,   0.9, 0.2",
        "SQUARE,   power:1.0, 200, 300,  0.6, 2, 0.2,  0,    0.5, 1,   0.5",
        "SQUARE,   power:1.5, 200, 200,  0.7, 1, 0.25, 0.5,  1,   0.7, 0.3",
        "LOGISTIC, iso,       200, 400,  0.5, 1, 0.1,  0.01, 1,   1,   1",
        "LOGISTIC, power:1.0, 200, 100,  0.5, 4, 0.3,  0.05, 1,   1,   1",
        "LOGISTIC, iso,       100, 500,  0.8, 2, 0.45, 0.1,  1,   0.9, 0.2",
        "LOGISTIC, power:1.0, 200, 400,  0.5, 2, 0.2,  0.02, 2,   0.8, 0.4",
        "LOGISTIC, power:1.5, 150, 300,  0.6, 2, 0.35, 0.3,  1,   1,   0.5",
    })
    void theoryWithinThreeStandardErrors(
            Loss loss,
            String kind,
            int d,
            long n,
            double p2,
            double mu2,
            double q,
            double lambda,
            double a,
            double keepGood,
            double keepBad) {
        ClassificationProblem p = new ClassificationProblem(
                Agreement.spectrum(kind, d), n, p2, mu2, q, loss, lambda, a, keepGood, keepBad, null);
        ClassificationResult theory = ClassificationTheory.predict(p);
        SimulationResult sim = ClassificationSimulator.simulate(p, RUNS, SEED, 2);
        System.out.printf(
                "AGREE %s %s d=%d n=%d p2=%.2f M=%.0f Q=%.2f λ=%.3g A=%.1f ϕ=%.1f ψ=%.1f: theory %.5f "
                        + "(direction %+.5f) sim %.5f ± %.5f z %.2f runs %d seed %d%n",
                loss.key(),
                kind,
                d,
                n,
                p2,
                mu2,
                q,
                lambda,
                a,
                keepGood,
                keepBad,
                theory.testError(),
                theory.directionCorrection(),
                sim.mean(),
                sim.stderr(),
                (sim.mean() - theory.testError()) / sim.stderr(),
                RUNS,
                SEED);
        org.assertj.core.api.Assertions.assertThat(theory.converged()).isTrue();
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
