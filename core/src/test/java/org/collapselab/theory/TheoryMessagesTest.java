package org.collapselab.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** Messages name the parameters the user gave ("threshold d = n = 2719" at d = 73, "use lambda > 0" at λ = 0.417). */
class TheoryMessagesTest {
    @Test
    void ridgeDivergenceNamesDNAndLambdaAsGiven() {
        assertThatThrownBy(() -> RidgeTheory.predict(Spectrum.isotropic(100), 100, 0.1, 1, 0.5, 1e-300))
                .isInstanceOf(TheoryException.class)
                .hasMessageContaining("d = 100, n = 100, lambda = 1.0E-300")
                .hasMessageNotContaining("lambda > 0");
    }

    @Test
    void degenerateSpectraAreRefusedWithTheReason() {
        // power:114.2 at d = 73 spans 1e212: simulation disagreed with theory by 12 standard errors.
        assertThatThrownBy(() -> Spectrum.powerLaw(73, 114.2))
                .isInstanceOf(ParameterException.class)
                .hasMessage("spectrum must be a spectrum with λ_max/λ_min <= 1e+12, i.e. A <= 6.440 at this d, got "
                        + "power:114.2 at d = 73 (λ_max/λ_min = d^A = 6.19e+212)");
        assertThatThrownBy(() -> Spectrum.powerLaw(10, 400)).hasMessageContaining("λ_max/λ_min = d^A");
        assertThatThrownBy(() -> Spectrum.of(new double[] {1, 4.9e-324}, "f.txt"))
                .hasMessageContaining("f.txt: λ_max/λ_min = ")
                .hasMessageContaining("lost to rounding");
        assertThatThrownBy(() -> Spectrum.of(new double[] {1, Double.NaN}, "f.txt"))
                .hasMessage("spectrum must be finite eigenvalues > 0, got f.txt: eigenvalue #2 is NaN");
        assertThat(Spectrum.powerLaw(1000, 4.0).dimension()).isEqualTo(1000); // 1e12 exactly: still allowed
    }
}
