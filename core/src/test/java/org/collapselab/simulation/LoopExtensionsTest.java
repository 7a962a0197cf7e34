package org.collapselab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.problem.AcceptBand;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.collapselab.theory.GenerationsClosedForms;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.LoopStability;
import org.collapselab.theory.TheoryException;
import org.junit.jupiter.api.Test;

/**
 * Loops with growing samples, a correction toward the truth and verifiers: exact OLS closed forms, the recursion vs
 * Monte Carlo (|z| &lt; 3, relative standard error &lt; 2%), and simulation-only verifiers against their unverified loop.
 */
class LoopExtensionsTest {
    private static final long SEED = 20261206L;
    private static final Spectrum POWER = Spectrum.powerLaw(30, 1.0);

    private static Problem loop(double lambda, double freshReal, int k, double growth, double correction) {
        return Problem.ridge(POWER, 80, 0.5, 1.0, 0.5, lambda)
                .withGenerations(new Generations(k, Schedule.REPLACE, freshReal, growth, correction));
    }

    @Test
    void olsWithGrowthAndCorrectionIsTheClosedForm() {
        for (double growth : new double[] {1, 1.5, 0.9}) {
            for (double correction : new double[] {0, 0.3}) {
                Problem p = loop(0, 0, 4, growth, correction);
                GenerationsPrediction t = GenerationsTheory.predict(p);
                for (int k = 1; k <= 4; k++) {
                    double closed =
                            GenerationsClosedForms.replaceGrowing(t.testError(0), k, 30, 80, growth, correction, 0.5);
                    assertThat(Math.abs(t.testError(k) - closed))
                            .as("g=%s γ=%s k=%d", growth, correction, k)
                            .isLessThan(1e-12 * closed);
                }
            }
        }
    }

    @Test
    void correctionScalesTheContractionFactor() {
        // OLS, fresh real share 1/2: ρ(γ) = (1 − γ)²ρ(0).
        double rho0 =
                GenerationsTheory.predict(loop(0, 0.5, 3, 1, 0)).stability().contractionFactor();
        double rho =
                GenerationsTheory.predict(loop(0, 0.5, 3, 1, 0.4)).stability().contractionFactor();
        assertThat(rho).isCloseTo(0.36 * rho0, org.assertj.core.api.Assertions.within(1e-12));
        LoopStability grown = GenerationsTheory.predict(loop(0, 0, 3, 1.5, 0)).stability();
        assertThat(grown.status()).isEqualTo(LoopStability.Status.BOUNDED);
        assertThat(grown.stationaryError()).isFinite();
    }

    @Test
    void growthAndCorrectionAgreeWithSimulation() {
        for (Problem p :
                new Problem[] {loop(0, 0, 4, 1.5, 0), loop(0.05, 0.3, 4, 1.3, 0.3), loop(0.01, 0, 3, 1, 0.5)}) {
            GenerationsPrediction theory = GenerationsTheory.predict(p);
            LoopSimulator.Result sim = LoopSimulator.simulate(p, 600, SEED, 2);
            for (int k = 0; k <= p.generations().count(); k++) {
                Agreement.assertAgrees(theory.testError(k), sim.generations().get(k));
            }
        }
    }

    @Test
    void verifiedLoopsAreSimulationOnly() {
        Problem verified = Problem.ridge(POWER, 80, 0.5, 1.0, 0.5, 0.01)
                .withGenerations(new Generations(3, Schedule.REPLACE, 0))
                .withVerifier(new Verifier(0.5, 1, 0));
        assertThatThrownBy(() -> GenerationsTheory.predict(verified))
                .isInstanceOf(TheoryException.class)
                .hasMessageStartingWith("simulation only");
    }

    @Test
    void rejectingEverySyntheticRowLeavesTheRealRowsOfEachGeneration() {
        // π = 1, ψ = 0: generation k trains on its round(r·n_k) fresh real rows alone (clean ridge on them).
        Problem p = Problem.ridge(POWER, 200, 0.5, 1.0, 0.5, 0.01)
                .withGenerations(new Generations(3, Schedule.REPLACE, 0.4, 1.2, 0))
                .withVerifier(new Verifier(1, 1, 0));
        LoopSimulator.Result sim = LoopSimulator.simulate(p, 600, SEED, 2);
        for (int k = 0; k <= 3; k++) {
            long rows = p.generations().rows(200, k);
            long real = k == 0 ? 100 : Math.round(0.4 * rows);
            double clean = org.collapselab.theory.RidgeTheory.predict(POWER, real, 0, 0, 0.5, 0.01)
                    .testError();
            Agreement.assertAgrees(clean, sim.generations().get(k));
        }
    }

    @Test
    void anOracleAcceptBandHelpsAgainstABadGenerator() {
        // c² = 4: the band |y − xᵀw1| ≤ 1.5 (σ = 0.5) rejects most rows of the shifted generator and of bad
        // generations.
        Problem plain = Problem.ridge(POWER, 200, 0.5, 4.0, 0.5, 0.01)
                .withGenerations(new Generations(3, Schedule.REPLACE, 0.5));
        Problem band = plain.withVerifier(new Verifier(1, 1, 1, new AcceptBand(0, 1.5, SyntheticTeacher.NONE)));
        assertClearlyBelow(band, plain);
    }

    @Test
    void acceptBandNeedsTheDirectSampler() {
        Problem p = Problem.ridge(POWER, 80, 0.5, 1.0, 0.5, 0.01)
                .withVerifier(new Verifier(1, 1, 1, new AcceptBand(0.1, 0.5, SyntheticTeacher.ridge(40, 0.1))));
        assertThatThrownBy(() -> Simulator.simulate(p, 2, 1, 1, SimulationOptions.DEFAULT.withSampler(Sampler.EXACT)))
                .hasMessageStartingWith("sampler must be direct or auto with an accept band");
        assertThat(Simulator.simulatePool(p, 20, 1, 1, SimulationOptions.DEFAULT)
                        .sampler())
                .isEqualTo(Sampler.DIRECT);
    }

    /** Last-generation errors paired by run seed: the mean difference lies below 0 by more than 3 standard errors. */
    private static void assertClearlyBelow(Problem better, Problem worse) {
        LoopSimulator.Result a = LoopSimulator.simulate(better, 200, SEED, 2);
        LoopSimulator.Result b = LoopSimulator.simulate(worse, 200, SEED, 2);
        double[] x = a.last().runs();
        double[] y = b.last().runs();
        double[] diff = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            diff[i] = x[i] - y[i];
        }
        SimulationResult d = SimulationResult.of(diff, 0);
        assertThat(d.mean() + 3 * d.stderr())
                .as("paired difference %.4f ± %.4f", d.mean(), d.stderr())
                .isLessThan(0);
    }
}
