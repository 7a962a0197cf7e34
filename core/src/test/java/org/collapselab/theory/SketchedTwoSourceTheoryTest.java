package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.testing.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SketchedTwoSourceTheory}: exact reduction to the one-covariance random-projection theories, limits, messages. */
class SketchedTwoSourceTheoryTest {

    /** λ = 0 and 1e-7 take the nested solver, the other λ > 0 rows the joint Newton step (SketchedNewton). */
    @ParameterizedTest(name = "{0} d={1} n1={2} n2={3} m={4} σ2={6} A={7} λ={8}")
    @CsvSource({
        // Σ,         d,   n1,  n2,  m,   c2,  σ2,  A,   λ
        "iso,       100, 100, 100, 50,  1.0, 0.5, 1.0, 0.01",
        "iso,       100, 100, 100, 300, 1.0, 0.9, 0.3, 0.01",
        "power:1.0, 100, 90,  60,  75,  1.0, 0.9, 1.0, 0.001",
        "power:1.0, 100, 90,  60,  250, 2.0, 0.8, 3.0, 0.01",
        "iso,       150, 38,  37,  50,  1.0, 0.6, 0.2, 0.001",
        "power:1.0, 150, 30,  45,  200, 1.0, 0.2, 2.0, 0.05",
        "power:1.0, 150, 30,  45,  200, 1.0, 0.2, 2.0, 0",
        "power:1.0, 100, 300, 100, 50,  1.0, 0.2, 0.5, 0",
        "power:1.0, 100, 300, 100, 150, 1.0, 0.2, 0.5, 0",
        "iso,       100, 0,   150, 60,  1.0, 0.4, 1.0, 0.01",
        "power:1.0, 100, 90,  60,  75,  1.0, 0.9, 0.5, 1e-7",
        "power:1.0, 150, 30,  45,  200, 1.0, 0.2, 2.0, 1e-7",
    })
    void reducesToOneCovarianceTheoryAtEqualSpectra(
            String kind, int d, long n1, long n2, long m, double c2, double sigma2, double weight, double lambda) {
        Spectrum s = Agreement.spectrum(kind, d);
        double sigma1 = 0.4;
        TheoryResult general = SketchedTwoSourceTheory.general(s, s, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
        TheoryResult known = WeightedRandomProjectionTheory.predict(s, n1, n2, m, c2, sigma1, sigma2, weight, lambda);
        double tol = 1e-9 * known.testError();
        assertThat(general.converged()).isTrue();
        assertThat(general.testError()).isCloseTo(known.testError(), within(tol));
        assertThat(general.bias()).isCloseTo(known.bias(), within(tol));
        assertThat(general.variance()).isCloseTo(known.variance(), within(tol));
        assertThat(general.zeta()).isCloseTo(known.zeta(), within(tol));
    }

    @Test
    void reducesToRandomProjectionTheoryAtTheBaseline() {
        Spectrum s = Spectrum.powerLaw(120, 1.0);
        for (long m : new long[] {40, 120, 400}) {
            TheoryResult general = SketchedTwoSourceTheory.general(s, s, 120, 80, m, 1.0, 0.5, 0.5, 1.0, 0.02);
            TheoryResult known = RandomProjectionTheory.predict(s, 200, m, 0.4, 1.0, 0.5, 0.02);
            assertThat(general.testError()).isCloseTo(known.testError(), within(1e-9 * known.testError()));
            assertThat(general.effectiveRegularization())
                    .isCloseTo(known.effectiveRegularization(), within(1e-9 * known.effectiveRegularization()));
        }
    }

    @Test
    void priorEstimatorLimits() {
        Spectrum s = Spectrum.powerLaw(100, 1.0);
        double unseen = PriorRandomProjectionTheory.unseenTeacher(s, 40);
        assertThat(unseen).isGreaterThan(0).isLessThan(1);
        assertThat(PriorRandomProjectionTheory.unseenTeacher(s, 100)).isZero();
        // No real rows, or λ → ∞: ŵ = Pw2, E = U_w + c² min(m, d)/d.
        assertThat(PriorRandomProjectionTheory.predict(s, 0, 40, 1.5, 0.5, 0.1).testError())
                .isCloseTo(unseen + 1.5 * 0.4, within(1e-12));
        assertThat(PriorRandomProjectionTheory.predict(s, 300, 40, 1.5, 0.5, 1e9)
                        .testError())
                .isCloseTo(unseen + 1.5 * 0.4, within(1e-5));
        assertThat(PriorRandomProjectionTheory.predict(s, 300, 250, 1.5, 0.5, 1e9)
                        .testError())
                .isCloseTo(1.5, within(1e-5));
        // λ = 0, m ≥ d, n1 > d: least squares in x-space, σ² d/(n1 − d), whatever the prior.
        assertThat(PriorRandomProjectionTheory.predict(s, 400, 250, 1.5, 0.5, 0).testError())
                .isCloseTo(0.25 * 100 / 300.0, within(1e-10));
        // m → ∞ with λ m/d fixed: the ridge prior theory with penalty λ (the gap shrinks like d/m).
        double ridge = PriorRidgeTheory.predict(s, 150, 1.5, 0.5, 0.05).testError();
        double gapSmall = Math.abs(PriorRandomProjectionTheory.predict(s, 150, 2_000, 1.5, 0.5, 0.05 * 20)
                        .testError()
                - ridge);
        double gapLarge = Math.abs(PriorRandomProjectionTheory.predict(s, 150, 200_000, 1.5, 0.5, 0.05 * 2000)
                        .testError()
                - ridge);
        assertThat(gapLarge).isLessThan(1e-3 * ridge).isLessThan(gapSmall / 20);
        assertThatThrownBy(() -> PriorRandomProjectionTheory.predict(s, 60, 60, 1, 0.5, 0))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("diverges");
    }

    @Test
    void covariateShiftLimitsAndMessages() {
        Spectrum s1 = Spectrum.powerLaw(100, 1.0);
        Spectrum s2 = Spectrum.isotropic(100);
        // Weight 0: the synthetic rows drop out, whatever Σ2 (rp on the real rows with penalty λ n/n1).
        TheoryResult zero = SketchedTwoSourceTheory.predict(s1, s2, 150, 50, 80, 1, 0.5, 0.9, 0, 0.01);
        TheoryResult realOnly = RandomProjectionTheory.predict(s1, 150, 80, 0, 0, 0.5, 0.01 * 200 / 150);
        assertThat(zero.testError()).isCloseTo(realOnly.testError(), within(1e-9 * realOnly.testError()));
        // m → ∞ with λ m/d fixed: the two-source ridge theory with penalty λ.
        double ridge = TwoSourceRidgeTheory.predict(s1, s2, 150, 50, 1, 0.5, 0.9, 2, 0.05)
                .testError();
        double wide = SketchedTwoSourceTheory.predict(s1, s2, 150, 50, 200_000, 1, 0.5, 0.9, 2, 0.05 * 2000)
                .testError();
        assertThat(wide).isCloseTo(ridge, within(1e-3 * ridge));
        assertThatThrownBy(() -> SketchedTwoSourceTheory.predict(s1, s2, 40, 40, 80, 1, 0.5, 0.9, 1, 0))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("diverges");
    }
}
