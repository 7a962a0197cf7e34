package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RidgeTheoryTest {

    @ParameterizedTest(name = "d={0} n={1} lambda={2}")
    @CsvSource({
        "50,200,0",
        "50,200,0.01",
        "200,200,0.001",
        "400,100,0",
        "400,100,0.5",
        "1000,999,1e-6",
        "10,1000000,1e-3"
    })
    void generalSolverMatchesIsotropicClosedForm(int d, int n, double lambda) {
        double p2 = 0.3;
        double c2 = 1.7;
        double sigma = 0.4;
        TheoryResult t = RidgeTheory.predict(Spectrum.isotropic(d), n, p2, c2, sigma, lambda);
        double phi = (double) d / n;
        double[] closed = IsotropicClosedForms.ridge(phi, p2, c2, sigma, lambda);
        assertThat(t.converged()).isTrue();
        assertThat(t.residual()).isLessThan(1e-10);
        assertThat(t.effectiveRegularization())
                .isCloseTo(IsotropicClosedForms.kappa(phi, lambda), within(1e-9 * (1 + t.effectiveRegularization())));
        assertThat(t.bias()).isCloseTo(closed[0], within(1e-8 * (1 + closed[0])));
        assertThat(t.variance()).isCloseTo(closed[1], within(1e-8 * (1 + closed[1])));
        assertThat(t.zeta()).isCloseTo(closed[2], within(1e-8 * (1 + closed[2])));
    }

    @ParameterizedTest(name = "phi={0}")
    @CsvSource({"0.1", "0.5", "0.9", "1.5", "4"})
    void ridgelessLimitMatchesPaperFormula(double phi) {
        int n = 1000;
        int d = (int) Math.round(phi * n);
        double expected = IsotropicClosedForms.ridgeless(phi, 0.2, 2.0, 0.5);
        // λ = 0 exactly and λ → 0+ must both give the ridgeless value.
        assertThat(RidgeTheory.predict(Spectrum.isotropic(d), n, 0.2, 2.0, 0.5, 0)
                        .testError())
                .isCloseTo(expected, within(1e-9 * expected));
        assertThat(RidgeTheory.predict(Spectrum.isotropic(d), n, 0.2, 2.0, 0.5, 1e-9)
                        .testError())
                .isCloseTo(expected, within(1e-5 * expected));
    }

    @ParameterizedTest(name = "p2={0}")
    @CsvSource({"0.001", "0.01", "0.1", "0.5"})
    void strongCollapsePlateauAsNGrowsAtFixedD(double p2) {
        double c2 = 1.0;
        Spectrum iso = Spectrum.isotropic(20);
        double plateau = IsotropicClosedForms.collapsePlateau(p2, c2);
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {1_000, 10_000, 100_000, 1_000_000, 10_000_000}) {
            double e = RidgeTheory.predict(iso, n, p2, c2, 0.0, 0).testError();
            assertThat(e).isGreaterThanOrEqualTo(plateau).isLessThan(previous);
            previous = e;
        }
        // At n = 10^7, d = 20 the error is within 0.01% of p2²c² + O(d/n) — it does not go to 0.
        assertThat(previous).isCloseTo(plateau, within(plateau * 1e-4 + 2e-6 * p2 * c2));
        assertThat(previous).isGreaterThan(0.99 * plateau);
    }

    @Test
    void noSyntheticOrPerfectSyntheticMeansNoZeta() {
        Spectrum s = Spectrum.powerLaw(300, 1.2);
        assertThat(RidgeTheory.predict(s, 500, 0, 3.0, 0.3, 0.01).zeta()).isZero();
        assertThat(RidgeTheory.predict(s, 500, 0.4, 0, 0.3, 0.01).zeta()).isZero();
        TheoryResult r = RidgeTheory.predict(s, 500, 0.4, 3.0, 0.3, 0.01);
        assertThat(r.zeta()).isPositive();
        assertThat(r.testError()).isCloseTo(r.bias() + r.variance() + r.zeta(), within(1e-12));
    }

    @Test
    void zetaGrowsWithShareAndWorseQuality() {
        Spectrum s = Spectrum.powerLaw(200, 1.0);
        double a = RidgeTheory.predict(s, 400, 0.1, 1.0, 0.1, 0.01).zeta();
        double b = RidgeTheory.predict(s, 400, 0.3, 1.0, 0.1, 0.01).zeta();
        double c = RidgeTheory.predict(s, 400, 0.3, 2.0, 0.1, 0.01).zeta();
        assertThat(a).isLessThan(b);
        assertThat(c).isCloseTo(2 * b, within(1e-12)); // ζ is linear in c²
    }

    @Test
    void ridgelessAtInterpolationThresholdIsAClearError() {
        assertThatThrownBy(() -> Theory.predict(Problem.ridge(Spectrum.isotropic(300), 300, 0.1, 1, 0.5, 0)))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("d = n = 300");
    }

    @Test
    void tinyLambdaAtThresholdStaysFiniteAndConverged() {
        TheoryResult r = Theory.predict(Problem.ridge(Spectrum.powerLaw(300, 1.5), 300, 0.1, 1, 0.5, 1e-8));
        assertThat(r.converged()).isTrue();
        assertThat(r.testError()).isFinite().isPositive();
    }

    @Test
    void differentSyntheticCovarianceGoesToTheSketchedTwoSourceTheory() {
        // Σ2 ≠ Σ1: ridge → TwoSourceRidgeTheory, random projections → SketchedTwoSourceTheory; the baseline class
        // refuses.
        Problem p = new Problem(
                org.collapselab.problem.ModelKind.RANDOM_PROJECTION,
                Spectrum.isotropic(10),
                Spectrum.powerLaw(10, 1),
                100,
                20,
                0.1,
                1,
                0,
                0.1);
        assertThat(Theory.predict(p)).isEqualTo(SketchedTwoSourceTheory.predict(p));
        assertThatThrownBy(() -> RandomProjectionTheory.predict(p))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("Σ2 ≠ Σ");
    }
}
