package org.collapselab.theory;

import static org.collapselab.theory.TwoSourceFixtures.synthetic;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two-source ridge theory ({@link TwoSourceRidgeTheory}, {@link PriorRidgeTheory}) against Monte Carlo, on both sides
 * of d = n: covariate shift alone, label noise alone, weights alone, all together, and the prior estimator.
 */
class TwoSourceAgreementTest {

    @ParameterizedTest(name = "rp {0} d={1} n={2} m={3} p2={4} c2={5} σ1={6} σ2={7} A={8} λ={9}")
    @CsvSource({
        // Σ1 = Σ2,   d,   n,   m,   p2,  c2,  σ1,  σ2,  A,   λ
        "iso,       100, 200, 50,  0.5, 1.0, 0.5, 0.5, 0.3, 0.01",
        "iso,       100, 200, 300, 0.5, 1.0, 0.5, 0.5, 0.3, 0.01",
        "power:1.0, 100, 150, 75,  0.4, 1.0, 0.3, 0.9, 1.0, 0.001",
        "power:1.0, 100, 150, 250, 0.4, 2.0, 0.3, 0.8, 3.0, 0.01",
        "iso,       150, 75,  50,  0.5, 1.0, 0.3, 0.6, 0.2, 0.001",
        "power:1.0, 150, 75,  200, 0.6, 1.0, 0.5, 0.2, 2.0, 0.05",
    })
    void randomProjectionsWithWeightsAndNoise(
            String kind,
            int d,
            int n,
            long m,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        Problem problem = Problem.randomProjection(Agreement.spectrum(kind, d), n, m, p2, c2, sigma1, lambda)
                .withSources(null, sigma2, weight, Estimator.MIX);
        TheoryResult theory = Theory.predict(problem);
        SimulationResult sim = Simulator.simulate(problem, 400, 20261129L, 2);
        System.out.printf(
                "AGREE rp %s d=%d n=%d m=%d p2=%.2f c2=%.2f σ1=%.2f σ2=%.2f A=%.2f λ=%.3f: theory %.5f sim %.5f ± %.5f z %.2f%n",
                kind,
                d,
                n,
                m,
                p2,
                c2,
                sigma1,
                sigma2,
                weight,
                lambda,
                theory.testError(),
                sim.mean(),
                sim.stderr(),
                (sim.mean() - theory.testError()) / sim.stderr());
        Agreement.assertAgrees(theory.testError(), sim);
    }

    @ParameterizedTest(name = "{0} {1} Σ2={2} d={3} n={4} p2={5} c2={6} σ1={7} σ2={8} A={9} λ={10} {11}")
    @CsvSource({
        // case,          Σ1,        Σ2,        d,   n,   p2,  c2,  σ1,  σ2,  A,    λ,     estimator
        "shift,           iso,       power:1.0, 100, 400, 0.5, 1.0, 0.5, 0.5, 1.0,  0,     mix",
        "shift,           power:1.0, iso,       300, 150, 0.4, 1.0, 0.3, 0.3, 1.0,  0.01,  mix",
        "noise,           iso,       same,      100, 400, 0.5, 0.5, 0.3, 1.0, 1.0,  0,     mix",
        "noise,           power:1.0, same,      300, 150, 0.5, 0.5, 0.3, 1.0, 1.0,  0.01,  mix",
        "weight,          iso,       same,      100, 400, 0.5, 1.0, 0.5, 0.5, 0.3,  0,     mix",
        "weight,          iso,       same,      300, 150, 0.5, 1.0, 0.3, 0.3, 3.0,  0.01,  mix",
        "all,             power:1.0, iso,       100, 400, 0.6, 1.0, 0.5, 0.8, 0.5,  0.001, mix",
        "all,             iso,       power:1.5, 300, 150, 0.3, 2.0, 0.3, 0.6, 2.0,  0.05,  mix",
        "no real rows,    iso,       power:1.0, 300, 150, 1.0, 1.0, 0.5, 0.5, 1.0,  0,     mix",
        "prior,           iso,       same,      100, 400, 0.5, 1.0, 0.5, 0.5, 1.0,  0.1,   prior",
        "prior,           power:1.0, same,      300, 150, 0.2, 1.0, 0.3, 0.3, 1.0,  0.05,  prior",
    })
    void theoryWithinThreeStandardErrors(
            String label,
            String realKind,
            String synKind,
            int d,
            int n,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda,
            String estimator) {
        Spectrum real = Agreement.spectrum(realKind, d);
        Problem problem = Problem.ridge(real, n, p2, c2, sigma1, lambda)
                .withSources(synthetic(synKind, real), sigma2, weight, Estimator.parse(estimator));
        TheoryResult theory = Theory.predict(problem);
        SimulationResult sim = Simulator.simulate(problem, 300, 20261129L, 2);
        System.out.printf(
                "AGREE %s %s Σ2=%s d=%d n=%d p2=%.2f c2=%.2f σ1=%.2f σ2=%.2f A=%.2f λ=%.3f %s: theory %.5f sim %.5f ± %.5f z %.2f%n",
                label,
                realKind,
                synKind,
                d,
                n,
                p2,
                c2,
                sigma1,
                sigma2,
                weight,
                lambda,
                estimator,
                theory.testError(),
                sim.mean(),
                sim.stderr(),
                (sim.mean() - theory.testError()) / sim.stderr());
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
