package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact reductions and known limits of {@link TwoSourceRidgeTheory} and {@link PriorRidgeTheory}. */
class TwoSourceRidgeTheoryTest {

    @ParameterizedTest(name = "{0} d={1} n={2} p2={3} λ={4}")
    @CsvSource({
        "iso,100,400,0.3,0",
        "iso,400,100,0.3,0",
        "iso,300,300,0.2,0.01",
        "power:1.0,250,100,0.5,0",
        "power:1.5,100,1000,0.9,1e-4",
        "power:1.0,200,200,0.01,0.5",
        "iso,50,100000,0.4,0"
    })
    void reducesExactlyToTheOneSourceTheory(String kind, int d, int n, double p2, double lambda) {
        Spectrum s = Agreement.spectrum(kind, d);
        double c2 = 1.7;
        double sigma = 0.4;
        TheoryResult one = RidgeTheory.predict(Problem.ridge(s, n, p2, c2, sigma, lambda));
        long n2 = Math.round(p2 * n);
        TheoryResult two = TwoSourceRidgeTheory.predict(s, s, n - n2, n2, c2, sigma, sigma, 1.0, lambda);
        assertThat(two.converged()).isTrue();
        assertThat(two.residual()).isLessThan(1e-10);
        assertThat(two.bias()).isCloseTo(one.bias(), within(1e-10 * (1 + one.bias())));
        assertThat(two.variance()).isCloseTo(one.variance(), within(1e-10 * (1 + one.variance())));
        assertThat(two.zeta()).isCloseTo(one.zeta(), within(1e-10 * (1 + one.zeta())));
        assertThat(two.testError()).isCloseTo(one.testError(), within(1e-10 * one.testError()));
    }

    /** the exact two-source theory (docs/two-sources.md): the exact ridgeless weighted formula for Σ2 = Σ1 (any Σ; here power-law), d < n. */
    @ParameterizedTest(name = "d={0} n={1} p2={2} a={3}")
    @CsvSource({"100,400,0.5,0.3", "100,400,0.5,3", "200,250,0.2,0.5", "50,2000,0.8,0.05", "300,1000,0.5,1"})
    void matchesTheExactRidgelessWeightedFormula(int d, int n, double p2, double a) {
        double c2 = 1.3;
        double sigma = 0.6;
        long n2 = Math.round(p2 * n);
        long n1 = n - n2;
        Spectrum s = Spectrum.powerLaw(d, 1.0);
        TheoryResult t = TwoSourceRidgeTheory.predict(s, s, n1, n2, c2, sigma, sigma, a, 0);
        // m > 0 solves n1 m/(1 + d m) + n2 a m/(1 + a d m) = 1 (bisection: the left side increases in m).
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (lo + hi);
            double f = n1 * m / (1 + d * m) + n2 * a * m / (1 + a * d * m) - 1;
            if (f > 0) {
                hi = m;
            } else {
                lo = m;
            }
        }
        double m = 0.5 * (lo + hi);
        double u = n2 * a * m / (1 + a * d * m);
        double den = n1 / Math.pow(1 + d * m, 2) + n2 * a / Math.pow(1 + a * d * m, 2);
        double big1 = d * n1 * m / Math.pow(1 + d * m, 2) / den;
        double big2 = d * n2 * m / Math.pow(1 + a * d * m, 2) / den;
        double expected = u * u * c2
                + (sigma * sigma + u * u * c2) * big1
                + a * a * (sigma * sigma + (1 - u) * (1 - u) * c2) * big2;
        assertThat(t.testError()).isCloseTo(expected, within(1e-9 * expected));
    }

    /** A = 0 drops the synthetic rows: ridge on the n1 real rows with penalty λ n/n1 (the loss is normalised by n). */
    @ParameterizedTest(name = "d={0} n={1} λ={2}")
    @CsvSource({"100,400,0", "100,400,0.02", "300,200,0.01", "300,200,0"})
    void zeroWeightIsRealOnly(int d, int n, double lambda) {
        Spectrum s1 = Spectrum.powerLaw(d, 1.0);
        Spectrum s2 = Spectrum.isotropic(d);
        TheoryResult t = TwoSourceRidgeTheory.predict(s1, s2, n / 2, n / 2, 2.0, 0.5, 0.9, 0, lambda);
        TheoryResult real = RidgeTheory.predict(s1, n / 2, 0, 0, 0.5, lambda * 2);
        assertThat(t.testError()).isCloseTo(real.testError(), within(1e-10 * real.testError()));
        assertThat(t.zeta()).isEqualTo(0.0);
    }

    /** Only the noise of the rows that carry weight counts: σ2 is irrelevant at A → 0 and scales the rest linearly. */
    @Test
    void syntheticNoiseEntersQuadratically() {
        Spectrum s = Spectrum.powerLaw(200, 1.0);
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) {
            e[i] = TwoSourceRidgeTheory.predict(s, s, 300, 200, 1.0, 0.5, i, 0.7, 0.01)
                    .testError();
        }
        // E is affine in σ2²: E(2) − E(0) = 4 (E(1) − E(0)).
        assertThat(e[2] - e[0]).isCloseTo(4 * (e[1] - e[0]), within(1e-9 * e[2]));
        assertThat(e[1]).isGreaterThan(e[0]);
    }

    @Test
    void ridgelessThresholdOfTheWeightedProblemDiverges() {
        Spectrum s = Spectrum.isotropic(300);
        assertThatThrownBy(() ->
                        TwoSourceRidgeTheory.predict(s, Spectrum.powerLaw(300, 1.0), 150, 150, 1, 0.5, 0.5, 0.5, 0))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("diverges");
    }

    @Test
    void priorLimits() {
        Spectrum s = Spectrum.powerLaw(100, 1.0);
        // λ → ∞: ŵ → w2, E → c². λ = 0 with d < n1: ordinary least squares on the real rows, σ² d/(n1 − d).
        assertThat(PriorRidgeTheory.predict(s, 400, 1.5, 0.5, 1e9).testError()).isCloseTo(1.5, within(1e-5));
        assertThat(PriorRidgeTheory.predict(s, 400, 1.5, 0.5, 0).testError())
                .isCloseTo(0.25 * 100 / 300.0, within(1e-12));
        assertThat(PriorRidgeTheory.predict(s, 0, 1.5, 0.5, 0.1).testError()).isEqualTo(1.5);
        // c² = 0 (perfect prior): the error is the variance only, decreasing in λ.
        assertThat(PriorRidgeTheory.predict(s, 150, 0, 0.5, 1).testError())
                .isLessThan(PriorRidgeTheory.predict(s, 150, 0, 0.5, 0.01).testError());
    }

    @Test
    void dispatchRejectsWhatTheoryDoesNotCover() {
        // Random projections with Σ2 ≠ Σ1 and with the prior estimator have their own theories now.
        Problem rp = Problem.randomProjection(Spectrum.isotropic(50), 100, 80, 0.2, 1, 0.5, 0.01)
                .withSources(Spectrum.powerLaw(50, 1.0), 0.9, 1.0, Estimator.MIX);
        assertThat(Theory.predict(rp)).isEqualTo(SketchedTwoSourceTheory.predict(rp));
        Problem rpPrior = Problem.randomProjection(Spectrum.isotropic(50), 100, 80, 0.2, 1, 0.5, 0.01)
                .withSources(null, 0.5, 1.0, Estimator.PRIOR);
        assertThat(Theory.predict(rpPrior)).isEqualTo(PriorRandomProjectionTheory.predict(rpPrior));
        // Retraining loops have theory in the paper's setting only (GenerationsTheory); two sources at generation 0 do
        // not.
        Problem loop = Problem.ridge(Spectrum.isotropic(50), 100, 0.2, 1, 0.5, 0.01)
                .withSources(null, 0.9, 1.0, Estimator.MIX)
                .withGenerations(
                        new org.collapselab.problem.Generations(2, org.collapselab.problem.Schedule.REPLACE, 0));
        assertThatThrownBy(() -> Theory.predict(loop))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("loop theory covers generation 0 in the paper's setting");
    }
}
