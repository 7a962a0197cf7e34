package org.collapselab.theory;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random projections on two different sources ({@link SketchedTwoSourceTheory}) and with the prior estimator
 * ({@link PriorRandomProjectionTheory}) against Monte Carlo (400 runs — 1000 for the prior cell whose per-run errors are
 * heaviest-tailed, the unseen teacher part varying with w1 and S —, exact sampler, seed 20261129): covariate shift
 * alone, with σ2 and A, and all together (λ = 0 included), on both sides of m = n and d = n; the prior on both sides
 * of m = n1.
 */
class SketchedAgreementTest {
    private static final SimulationOptions EXACT = SimulationOptions.DEFAULT.withSampler(Sampler.EXACT);

    @ParameterizedTest(
            name = "{0} Σ1={1} Σ2={2} d={3} n={4} m={5} p2={6} c2={7} σ1={8} σ2={9} A={10} λ={11} {12} runs={13}")
    @CsvSource({
        // case,  Σ1,        Σ2,        d,   n,   m,   p2,  c2,  σ1,  σ2,  A,   λ,     estimator, runs
        "shift,   iso,       power:1.0, 100, 200, 50,  0.5, 1.0, 0.5, 0.5, 1.0, 0.01,  mix, 400",
        "shift,   power:1.0, iso,       100, 200, 300, 0.5, 1.0, 0.5, 0.5, 1.0, 0.01,  mix, 400",
        "shift,   iso,       power:1.0, 150, 75,  50,  0.5, 1.0, 0.5, 0.5, 1.0, 0.001, mix, 400",
        "shift,   power:1.0, iso,       150, 75,  200, 0.4, 1.0, 0.3, 0.3, 1.0, 0.01,  mix, 400",
        "σ2 A,    iso,       power:1.0, 100, 200, 300, 0.5, 1.0, 0.3, 0.9, 0.3, 0.01,  mix, 400",
        "σ2 A,    power:1.0, iso,       150, 75,  50,  0.6, 1.0, 0.5, 0.2, 2.0, 0.05,  mix, 400",
        "all,     power:1.0, iso,       100, 300, 50,  0.5, 2.0, 0.5, 0.8, 0.5, 0,     mix, 400",
        "all,     iso,       power:1.5, 150, 75,  200, 0.3, 2.0, 0.3, 0.6, 2.0, 0,     mix, 400",
        "all,     power:1.0, iso,       150, 100, 50,  0.4, 1.0, 0.5, 0.8, 0.5, 0,     mix, 400",
        "all,     iso,       power:1.0, 150, 75,  110, 0.4, 1.0, 0.3, 0.6, 2.0, 0,     mix, 400",
        "prior,   iso,       same,      100, 200, 50,  0.5, 1.0, 0.5, 0.5, 1.0, 0.1,   prior, 1000",
        "prior,   power:1.0, same,      100, 200, 300, 0.5, 1.0, 0.3, 0.3, 1.0, 0.05,  prior, 400",
        "prior,   power:1.0, same,      150, 150, 50,  0.5, 1.0, 0.3, 0.3, 1.0, 0.01,  prior, 400",
        "prior,   iso,       same,      150, 150, 120, 0.5, 1.0, 0.5, 0.5, 1.0, 0.01,  prior, 400",
    })
    void theoryWithinThreeStandardErrors(
            String label,
            String realKind,
            String synKind,
            int d,
            int n,
            long m,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda,
            String estimator,
            int runs) {
        Spectrum real = Agreement.spectrum(realKind, d);
        Problem problem = Problem.randomProjection(real, n, m, p2, c2, sigma1, lambda)
                .withSources(TwoSourceFixtures.synthetic(synKind, real), sigma2, weight, Estimator.parse(estimator));
        TheoryResult theory = Theory.predict(problem);
        SimulationResult sim = Simulator.simulate(problem, runs, 20261129L, 2, EXACT);
        System.out.printf(
                "AGREE rp %s %s Σ2=%s d=%d n=%d m=%d p2=%.2f c2=%.2f σ1=%.2f σ2=%.2f A=%.2f λ=%.3f %s: "
                        + "theory %.5f sim %.5f ± %.5f z %.2f (%.1f s)%n",
                label,
                realKind,
                synKind,
                d,
                n,
                m,
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
                (sim.mean() - theory.testError()) / sim.stderr(),
                sim.seconds());
        Agreement.assertAgrees(theory.testError(), sim);
    }
}
