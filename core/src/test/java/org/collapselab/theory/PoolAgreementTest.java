package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.simulation.PoolSimulationResult;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SyntheticPoolTheory} against Monte Carlo (400 runs, seed 20261206, |z| &lt; 3 with relative standard error
 * &lt; 2%): verified pools (ridge and rp students, kept rows like real ones or with weight, σ2, Σ2) and trained teachers
 * (ridge and rp, with a verifier, a weight and as a prior), iso and power-law spectra, both sides of d = n′, λ from
 * 0.001 to 0.1. The teacher's own error is checked on the same runs.
 */
class PoolAgreementTest {
    private static final int RUNS = 400;
    private static final long SEED = 20261206L;

    @ParameterizedTest(
            name = "{0}: {1} d={2} n1={3} pool={4} m={5} λ={6} A={7} σ2={8} Σ2={9} π={10} ϕ={11} ψ={12} "
                    + "teacher {13} {14} {15}")
    @CsvSource({
        // id, Σ1,      d,  n1,  pool, m,  λ,    A,   σ2,  Σ2,      π,   ϕ,   ψ,   teacher,           estimator, sampler
        "V1, iso,       100, 200, 1000, 0,  0.01, 1,   0.5, same,    0.5, 0.9, 0.2, none,              mix, exact",
        "V2, power:1.0, 200, 50,  150,  0,  0.001, 1,  0.5, same,    0.6, 0.8, 0.3, none,              mix, direct",
        "V3, iso,       100, 100, 400,  0,  0.1,  0.5, 0.5, same,    0.3, 0.5, 0.5, none,              mix, exact",
        "V4, power:1.0, 100, 300, 300,  0,  0.01, 1,   0.8, same,    1,   1,   0.4, none,              mix, direct",
        "V5, iso,       300, 60,  120,  0,  0.05, 1,   0.5, same,    0.5, 1,   0,   none,              mix, exact",
        "V6, iso,       100, 150, 300,  50, 0.01, 1,   0.5, same,    0.5, 0.7, 0.3, none,              mix, exact",
        "V7, iso,       200, 20,  80,   0,  0.001, 1,  0.5, same,    0.5, 0.5, 0.5, none,              mix, exact",
        "V8, iso,       100, 200, 400,  0,  0.01, 1,   0.5, power:1.0, 0.5, 0.8, 0.3, none,            mix, exact",
        "T1, power:1.0, 100, 200, 2000, 0,  0.01, 1,   0.5, same,    1,   1,   1,   ridge:150:1.0,     mix, exact",
        "T2, iso,       200, 50,  50,   0,  0.01, 1,   0.5, same,    1,   1,   1,   ridge:400:0.01,    mix, direct",
        "T3, power:1.0, 100, 200, 200,  0,  0.001, 1,  0.5, same,    1,   1,   1,   ridge:60:0.1,      mix, exact",
        "T4, iso,       100, 90,  210,  0,  0.1,  1,   0.5, same,    1,   1,   1,   rp:300:50:0.01,    mix, direct",
        "T5, power:1.5, 150, 32,  48,   0,  0.01, 1,   0.5, same,    1,   1,   1,   rp:500:300:0.001,  mix, exact",
        "T6, iso,       100, 200, 600,  0,  0.01, 1,   0.5, same,    0.5, 0.9, 0.3, ridge:120:0.5,     mix, exact",
        "T7, power:1.0, 100, 200, 300,  0,  0.01, 0.3, 0.5, same,    1,   1,   1,   ridge:200:1.0,     mix, direct",
        "T8, power:1.0, 100, 200, 200,  0,  0.05, 1,   0.5, same,    1,   1,   1,   ridge:150:1.0,     prior, exact",
    })
    void theoryWithinThreeStandardErrors(
            String id,
            String kind,
            int d,
            long n1,
            long pool,
            long m,
            double lambda,
            double weight,
            double sigma2,
            String syntheticKind,
            double badShare,
            double keepGood,
            double keepBad,
            String teacher,
            String estimator,
            String sampler) {
        Spectrum real = Agreement.spectrum(kind, d);
        Spectrum synthetic = syntheticKind.equals("same") ? null : Agreement.spectrum(syntheticKind, d);
        SyntheticTeacher t = SyntheticTeacher.parse(teacher);
        long n = n1 + pool;
        Problem p = new Problem(
                m > 0 ? ModelKind.RANDOM_PROJECTION : ModelKind.RIDGE,
                real,
                synthetic,
                n,
                m,
                (double) pool / n,
                t.isNone() ? 1 : 0,
                0.5,
                lambda,
                sigma2,
                weight,
                Estimator.parse(estimator),
                null,
                new Verifier(badShare, keepGood, keepBad),
                t);
        long start = System.nanoTime();
        SyntheticPoolTheory.Prediction theory = SyntheticPoolTheory.predictAll(p);
        double millis = (System.nanoTime() - start) / 1e6;
        PoolSimulationResult sim =
                Simulator.simulatePool(p, RUNS, SEED, 2, SimulationOptions.DEFAULT.withSampler(Sampler.parse(sampler)));
        System.out.printf(
                "POOL %s theory %.5f sim %.5f ± %.5f z %.2f (%d points, %.1f ms)%s%n",
                id,
                theory.student().testError(),
                sim.student().mean(),
                sim.student().stderr(),
                (sim.student().mean() - theory.student().testError())
                        / sim.student().stderr(),
                theory.points(),
                millis,
                theory.teacher() == null
                        ? ""
                        : String.format(
                                "; teacher %.5f sim %.5f ± %.5f",
                                theory.teacher().testError(),
                                sim.teacher().mean(),
                                sim.teacher().stderr()));
        assertThat(theory.student().converged()).isTrue();
        Agreement.assertAgrees(theory.student().testError(), sim.student());
        if (theory.teacher() != null) {
            Agreement.assertAgrees(theory.teacher().testError(), sim.teacher());
        }
        if (p.estimator() == Estimator.MIX) {
            assertThat(Math.abs(sim.keptRows() - theory.keptRows()))
                    .isLessThan(4 * Math.sqrt(pool / 4.0 / RUNS) + 1e-9);
        }
    }
}
