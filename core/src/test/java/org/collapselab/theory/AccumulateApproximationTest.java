package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The approximate accumulate recursions against their exact limits: r = 0, r = 1 and λ → 0. */
class AccumulateApproximationTest {

    private static Problem loop(
            String spectrum,
            int d,
            long n,
            double p2,
            double c2,
            double sigma,
            double lambda,
            int k,
            double freshReal) {
        return Problem.ridge(Agreement.spectrum(spectrum, d), n, p2, c2, sigma, lambda)
                .withGenerations(new Generations(k, Schedule.ACCUMULATE, freshReal));
    }

    private static TheoryResult g0(Problem p) {
        return Theory.predict(p.withGenerations(Generations.NONE));
    }

    @ParameterizedTest(name = "{0} d={1} n={2}")
    @CsvSource({"iso, 50, 200", "power:1.0, 100, 250"})
    void olsSplitAtFreshRealZeroAddsExactlyTodaysIncrements(String spectrum, int d, long n) {
        Problem p = loop(spectrum, d, n, 0.3, 1.5, 0.7, 0, 12, 0);
        GenerationsPrediction split = AccumulateApproximation.ols(p, g0(p));
        GenerationsPrediction exact = GenerationsTheory.predict(p);
        // The split starts from the exact-moment level p²c² + (σ² + p(1−p)c²)·d/(n − d − 1): one offset for all k ≥ 1.
        double offset = 0.09 * 1.5 + (0.49 + 0.21 * 1.5) * d / (n - d - 1.0) - exact.testError(0);
        assertThat(Math.abs(offset)).isLessThan(0.02 * exact.testError(0));
        for (int k = 1; k <= 12; k++) {
            assertThat(split.testError(k) - exact.testError(k)).isCloseTo(offset, within(1e-12));
        }
    }

    @ParameterizedTest(name = "d={0} n={1}")
    @CsvSource({"50, 200", "150, 200", "10, 13"})
    void olsSplitAtFreshRealOneIsOneFitOnAllPooledRows(int d, long n) {
        // All rows real: generation k is one OLS fit on (k+1)n rows, E_k = σ²d/((k+1)n − d − 1) exactly.
        Problem p = loop("iso", d, n, 0, 1, 0.7, 0, 8, 1);
        GenerationsPrediction g = AccumulateApproximation.ols(p, g0(p));
        for (int k = 1; k <= 8; k++) {
            double exact = GenerationsClosedForms.olsNoise(d, (k + 1) * n, 0.7);
            assertThat(g.testError(k)).isCloseTo(exact, within(1e-12 * exact));
        }
    }

    @ParameterizedTest(name = "p2={0}")
    @CsvSource({"0.5", "0.2"})
    void olsSplitAtFreshRealOneDilutesGenerationZerosSyntheticRows(double p2) {
        // r = 1 with synthetic rows at generation 0: one mixed fit on N_k rows with share p2·n/N_k (large size).
        int d = 400;
        long n = 2000;
        Problem p = loop("iso", d, n, p2, 1.5, 0.7, 0, 4, 1);
        GenerationsPrediction g = AccumulateApproximation.ols(p, g0(p));
        for (int k = 1; k <= 4; k++) {
            long big = (k + 1) * n;
            double single = Theory.predict(Problem.ridge(Agreement.spectrum("iso", d), big, p2 * n / big, 1.5, 0.7, 0))
                    .testError();
            assertThat(g.testError(k)).isCloseTo(single, within(0.005 * single));
        }
    }

    @ParameterizedTest(name = "{0} d={1} n={2}")
    @CsvSource({"iso, 50, 200", "power:1.0, 100, 400"})
    void ridgeRecursionTendsToTheOlsFormAsLambdaVanishes(String spectrum, int d, long n) {
        Problem ols = loop(spectrum, d, n, 0.3, 1.5, 0.7, 0, 10, 0);
        Problem ridge = loop(spectrum, d, n, 0.3, 1.5, 0.7, 1e-9, 10, 0);
        GenerationsPrediction exact = GenerationsTheory.predict(ols);
        GenerationsPrediction approx = AccumulateApproximation.ridge(ridge, g0(ridge));
        double e0 = exact.testError(0);
        assertThat(approx.testError(0)).isCloseTo(e0, within(1e-6 * e0));
        for (int k = 1; k <= 10; k++) {
            // The ridge noise moment is the deterministic equivalent d/(N − d): the OLS form with N − d − 1 → N − d.
            double detEq = e0;
            for (int i = 2; i <= k + 1; i++) {
                detEq += 0.49 * d / (i * (i * (double) n - d));
            }
            assertThat(approx.testError(k)).isCloseTo(detEq, within(1e-6 * detEq));
            assertThat(approx.testError(k)).isCloseTo(exact.testError(k), within(0.01 * exact.testError(k)));
        }
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"1000, 0.02", "4000, 0.007"})
    void ridgeRecursionAtFreshRealOneNearsOneFitOnAllPooledRows(long n, double tolerance) {
        // First order in df2/N: the gap to the single-step ridge on N_k rows shrinks with d/n (1.4% at 1/20, 0.5% at
        // 1/80).
        int d = 50;
        Problem p = loop("power:1.0", d, n, 0.3, 1.5, 0.7, 0.05, 5, 1);
        GenerationsPrediction g = AccumulateApproximation.ridge(p, g0(p));
        for (int k = 1; k <= 5; k++) {
            long big = (k + 1) * n;
            double single = Theory.predict(
                            Problem.ridge(Agreement.spectrum("power:1.0", d), big, 0.3 * n / big, 1.5, 0.7, 0.05))
                    .testError();
            assertThat(g.testError(k)).isCloseTo(single, within(tolerance * single));
        }
    }

    @Test
    void ridgeLimitShrinksTowardZeroPredictor() {
        // r = 0: every refit shrinks again, the error tends to ‖w1‖²_Σ = tr Σ/d; the recursion heads there.
        Problem p = loop("iso", 20, 200, 0, 1, 0.5, 0.5, 400, 0);
        GenerationsPrediction g = AccumulateApproximation.ridge(p, g0(p));
        assertThat(g.stability().stationaryError()).isCloseTo(1.0, within(1e-12));
        assertThat(g.testError(400)).isGreaterThan(g.testError(20)).isGreaterThan(g.testError(1));
        assertThat(g.basis()).startsWith("approximate (");
    }

    @Test
    void outsideTheMeasuredRegionItSaysSimulationOnly() {
        assertThatThrownBy(() -> GenerationsTheory.predict(loop("iso", 50, 40, 0.3, 1, 0.5, 0, 3, 0.5)))
                .isInstanceOf(TheoryException.class)
                .hasMessageStartingWith("simulation only: accumulate theory with "
                        + "fresh-real > 0 at lambda = 0 needs n > d + 1 (got d = 50, n = 40)");
        assertThatThrownBy(() -> GenerationsTheory.predict(loop("iso", 50, 60, 0.3, 1, 0.5, 0.01, 3, 0)))
                .isInstanceOf(TheoryException.class)
                .hasMessageStartingWith(
                        "simulation only: accumulate theory with "
                                + "lambda > 0 is an approximation offered for n > d and df2/n <= 0.5 (got d = 50, n = 60, df2/n = 0.7");
        assertThatThrownBy(() -> GenerationsTheory.predict(loop("power:1.0", 40, 20, 0.3, 1, 0.5, 0.1, 3, 0.5)))
                .hasMessageStartingWith(
                        "simulation only: accumulate theory with lambda > 0 is an approximation offered for "
                                + "n > d and df2/n <= 0.5 (got d = 40, n = 20");
        assertThat(GenerationsTheory.predict(loop("iso", 40, 80, 0.3, 1, 0.5, 0.1, 3, 0.5))
                        .basis())
                .startsWith("approximate (accumulate, lambda > 0");
        assertThat(GenerationsTheory.predict(loop("iso", 50, 200, 0.3, 1, 0.5, 0, 3, 0.5))
                        .basis())
                .startsWith("approximate (accumulate, lambda = 0, fresh-real > 0");
        assertThat(GenerationsTheory.predict(loop("iso", 50, 200, 0.3, 1, 0.5, 0, 3, 0))
                        .basis())
                .startsWith("exact");
    }
}
