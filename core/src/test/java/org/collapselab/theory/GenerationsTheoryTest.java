package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loop theory against the OLS closed forms, its own stationary limit and contraction factor, and its labels. */
class GenerationsTheoryTest {

    private static Problem loop(
            String spectrum,
            int d,
            long n,
            double p2,
            double c2,
            double sigma,
            double lambda,
            int k,
            Schedule schedule,
            double freshReal) {
        return Problem.ridge(Agreement.spectrum(spectrum, d), n, p2, c2, sigma, lambda)
                .withGenerations(new Generations(k, schedule, freshReal));
    }

    @ParameterizedTest(name = "{0} d={1} n={2}")
    @CsvSource({"iso, 50, 200", "power:1.0, 100, 1000", "power:1.5, 300, 350"})
    void olsReplaceGrowsByOneFitNoisePerGeneration(String spectrum, int d, long n) {
        GenerationsPrediction g =
                GenerationsTheory.predict(loop(spectrum, d, n, 0.3, 1.5, 0.7, 0, 20, Schedule.REPLACE, 0));
        double e0 = g.testError(0);
        assertThat(e0)
                .isEqualTo(Theory.predict(Problem.ridge(Agreement.spectrum(spectrum, d), n, 0.3, 1.5, 0.7, 0))
                        .testError());
        for (int t = 0; t <= 20; t++) {
            double closed = GenerationsClosedForms.replace(e0, t, d, n, 0.7);
            assertThat(g.testError(t)).isCloseTo(closed, within(1e-12 * closed));
        }
        assertThat(g.stability().status()).isEqualTo(LoopStability.Status.MARGINAL);
        assertThat(g.stability().stationaryError()).isNaN();
    }

    @ParameterizedTest(name = "{0} d={1} n={2}")
    @CsvSource({"iso, 50, 200", "power:1.0, 100, 1000", "power:1.5, 300, 350"})
    void olsAccumulateMatchesClosedFormAndStaysUnderTheBound(String spectrum, int d, long n) {
        GenerationsPrediction g =
                GenerationsTheory.predict(loop(spectrum, d, n, 0.3, 1.5, 0.7, 0, 30, Schedule.ACCUMULATE, 0));
        double e0 = g.testError(0);
        for (int t = 0; t <= 30; t++) {
            double closed = GenerationsClosedForms.accumulate(e0, t, d, n, 0.7);
            assertThat(g.testError(t)).isCloseTo(closed, within(1e-12 * closed));
        }
        assertThat(g.stability().status()).isEqualTo(LoopStability.Status.BOUNDED);
        double added = g.stability().stationaryError() - e0;
        assertThat(added)
                .isLessThan(GenerationsClosedForms.accumulateBound(d, n, 0.7))
                .isGreaterThan(g.testError(30) - e0);
        // The limit by brute force: 10^6 terms of the closed form.
        double brute = GenerationsClosedForms.accumulate(e0, 1_000_000, d, n, 0.7);
        assertThat(g.stability().stationaryError()).isCloseTo(brute, within(1e-6 * brute));
    }

    @Test
    void accumulateKeepsTheStrongCollapseErrorOfGenerationZero() {
        // p2²c² = 0.09 at n → ∞; the loop adds noise only, so every generation stays above E_0.
        GenerationsPrediction g =
                GenerationsTheory.predict(loop("iso", 20, 100_000, 0.3, 1.0, 0.5, 0, 50, Schedule.ACCUMULATE, 0));
        assertThat(g.testError(0)).isGreaterThan(0.09);
        assertThat(g.stability().stationaryError()).isCloseTo(g.testError(0), within(1e-3));
    }

    @ParameterizedTest(name = "p2={0} d={1} n={2}")
    @CsvSource({"0.5, 100, 400", "0.5, 700, 1000", "0.8, 50, 200", "0.2, 120, 150"})
    void olsFreshRealFollowsTheLinearRecursion(double p2, int d, long n) {
        double r = 1 - p2;
        GenerationsPrediction g =
                GenerationsTheory.predict(loop("power:1.0", d, n, 0.2, 1.0, 0.5, 0, 15, Schedule.REPLACE, r));
        double e = g.testError(0);
        for (int t = 1; t <= 15; t++) {
            e = GenerationsClosedForms.freshRealStep(e, p2, d, n, 0.5);
            assertThat(g.testError(t)).isCloseTo(e, within(1e-10 * e));
        }
        double rho = GenerationsClosedForms.freshRealContraction(p2, d, n);
        assertThat(g.stability().contractionFactor()).isCloseTo(rho, within(1e-12));
        if (rho < 1) {
            assertThat(g.stability().status()).isEqualTo(LoopStability.Status.STABLE);
            double limit = GenerationsClosedForms.olsNoise(d, n, 0.5) / (1 - rho);
            assertThat(g.stability().stationaryError()).isCloseTo(limit, within(1e-10 * limit));
        } else {
            assertThat(g.stability().status()).isEqualTo(LoopStability.Status.DIVERGENT);
            assertThat(g.stability().stationaryError()).isNaN();
        }
    }

    @Test
    void freshRealLoopIsLabelledDivergentBeyondTheThreshold() {
        // p2 = ½: stable iff d/n < 0.75 (large n).
        long n = 20_000;
        GenerationsPrediction below =
                GenerationsTheory.predict(loop("iso", 14_700, n, 0, 0, 1, 0, 3, Schedule.REPLACE, 0.5));
        GenerationsPrediction above =
                GenerationsTheory.predict(loop("iso", 15_300, n, 0, 0, 1, 0, 3, Schedule.REPLACE, 0.5));
        assertThat(GenerationsClosedForms.criticalRatio(0.5)).isEqualTo(0.75);
        assertThat(below.stability().status()).isEqualTo(LoopStability.Status.STABLE);
        assertThat(below.stability().contractionFactor()).isLessThan(1);
        assertThat(above.stability().status()).isEqualTo(LoopStability.Status.DIVERGENT);
        assertThat(above.stability().contractionFactor()).isGreaterThan(1);
        assertThat(above.stability().stationaryError()).isNaN();
        assertThat(above.stability().description()).startsWith("divergent");
    }

    @ParameterizedTest(name = "phi={0}")
    @CsvSource({"0.55", "0.6", "0.75", "0.9"})
    void criticalShareIsTheClosedFormThresholdForOls(double phi) {
        long n = 20_000;
        Problem p = loop("iso", (int) Math.round(phi * n), n, 0, 0, 1, 0, 1, Schedule.REPLACE, 0);
        double critical = GenerationsTheory.criticalSyntheticShare(p);
        double expected = Math.min(1, (1 - phi) / (2 * phi - 1)); // φ < (1 + p2)/(1 + 2p2) ⇔ p2 < (1 − φ)/(2φ − 1)
        assertThat(critical).isCloseTo(expected, within(1e-3));
        if (expected < 1) {
            assertThat(GenerationsClosedForms.criticalRatio(critical)).isCloseTo(phi, within(1e-3));
        }
    }

    @Test
    void ridgePenaltyWidensTheStableRegion() {
        Problem ols = loop("power:1.0", 900, 1000, 0, 0, 1, 0, 1, Schedule.REPLACE, 0);
        double c0 = GenerationsTheory.criticalSyntheticShare(ols);
        double c1 = GenerationsTheory.criticalSyntheticShare(ols.withLambda(0.1));
        assertThat(c0).isLessThan(0.2);
        assertThat(c1).isGreaterThan(c0);
    }

    @ParameterizedTest(name = "{0} d={1} n={2} lambda={3} r={4}")
    @CsvSource({
        "iso, 100, 200, 0.05, 0.3",
        "power:1.0, 300, 150, 0.01, 0",
        "power:1.0, 300, 150, 0.01, 0.5",
        "power:1.5, 200, 100, 0, 0.2"
    })
    void ridgeRecursionConvergesToItsStationaryErrorAtTheContractionRate(
            String spectrum, int d, long n, double lambda, double r) {
        GenerationsPrediction g =
                GenerationsTheory.predict(loop(spectrum, d, n, 0.4, 1.0, 0.5, lambda, 3000, Schedule.REPLACE, r));
        LoopStability s = g.stability();
        assertThat(s.status()).isEqualTo(LoopStability.Status.STABLE);
        double einf = s.stationaryError();
        assertThat(g.testError(3000)).isCloseTo(einf, within(1e-9 * einf));
        // Geometric convergence: the distance to E_inf shrinks by at most ρ per generation, asymptotically by ρ.
        // Measured over 10 generations once the distance is below 1e-4·E_inf (and far above rounding).
        int k = 0;
        while (Math.abs(g.testError(k) - einf) > 1e-4 * einf) {
            k++;
        }
        double rate = Math.pow(Math.abs(g.testError(k + 10) - einf) / Math.abs(g.testError(k) - einf), 0.1);
        assertThat(rate).isCloseTo(s.contractionFactor(), within(0.02));
    }

    @Test
    void generationZeroStateReproducesTheSingleStepTheory() {
        Spectrum s = Spectrum.powerLaw(200, 1.2);
        for (double lambda : new double[] {0, 1e-3, 0.1}) {
            for (long n : new long[] {100, 400}) {
                TheoryResult one = RidgeTheory.predict(s, n, 0.3, 2.0, 0.4, lambda);
                LoopRecursion rec = LoopRecursion.ridge(s, n, lambda, 0.4, one.effectiveRegularization());
                assertThat(rec.generationZero(0.3, 2.0).error())
                        .isCloseTo(one.testError(), within(1e-12 * one.testError()));
            }
        }
    }

    @ParameterizedTest(name = "{0} d={1} n={2} m={3} lambda={4}")
    @CsvSource({
        "iso, 200, 100, 150, 0",
        "iso, 200, 300, 150, 0.01",
        "power:1.2, 200, 100, 400, 0.001",
        "power:1.2, 200, 400, 300, 0",
        "power:1.0, 100, 300, 250, 0",
        "power:1.0, 300, 100, 1000, 0.1"
    })
    void randomProjectionGenerationZeroStateReproducesTheSingleStepTheory(
            String spectrum, int d, long n, long m, double lambda) {
        Spectrum s = Agreement.spectrum(spectrum, d);
        TheoryResult one = RandomProjectionTheory.predict(s, n, m, 0.3, 2.0, 0.4, lambda);
        LoopRecursion rec = LoopRecursion.randomProjection(s, n, m, 0.4, RandomProjectionTheory.solve(s, n, m, lambda));
        assertThat(rec.generationZero(0.3, 2.0).error()).isCloseTo(one.testError(), within(1e-10 * one.testError()));
    }

    @Test
    void ridgelessRandomProjectionsWithoutRealDataGrowLinearly() {
        // λ = 0, m < n: each generation adds the m-feature least-squares noise σ²m/(n − m); nothing contracts (ρ = 1).
        Problem p = Problem.randomProjection(Spectrum.isotropic(200), 300, 150, 0.3, 1, 0.5, 0)
                .withGenerations(new Generations(300, Schedule.REPLACE, 0));
        GenerationsPrediction g = GenerationsTheory.predict(p);
        assertThat(g.stability().status()).isEqualTo(LoopStability.Status.MARGINAL);
        assertThat(g.stability().stationaryError()).isNaN();
        assertThat(g.testError(300) - g.testError(299)).isCloseTo(0.25 * 150 / 150, within(1e-9));
    }

    @Test
    void theoryPredictGivesTheLastGeneration() {
        Problem p = loop("iso", 50, 200, 0.3, 1, 0.5, 0.01, 7, Schedule.REPLACE, 0.2);
        TheoryResult last = Theory.predict(p);
        GenerationsPrediction g = GenerationsTheory.predict(p);
        assertThat(last.testError()).isEqualTo(g.testError(7));
        assertThat(last.bias() + last.variance() + last.zeta()).isCloseTo(last.testError(), within(1e-12));
    }

    @Test
    void uncoveredCasesSaySimulationOnly() {
        assertThatThrownBy(() -> GenerationsTheory.predict(
                        loop("iso", 50, 200, 0.3, 1, 0.5, 0, 3, Schedule.ACCUMULATE_SUBSAMPLE, 0)))
                .isInstanceOf(TheoryException.class)
                .hasMessageStartingWith("simulation only: accumulate-subsample");
        assertThatThrownBy(() ->
                        GenerationsTheory.predict(loop("iso", 50, 40, 0.3, 1, 0.5, 0, 3, Schedule.ACCUMULATE, 0.5)))
                .hasMessageStartingWith("simulation only");
    }
}
