package org.collapselab.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.collapselab.linalg.Matrix;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;

/** {@link AgreementFilter}: the band's edges around a fit with intercept and offset, the counts, bad parameters. */
class AgreementFilterTest {
    @Test
    void keepsExactlyTheRowsInsideTheBand() {
        // Fit ŷ = 0.5 + 0.25 + 2x (w = 2, b = 0.5, o = 0.25); s² = 0.25, κ = 2: half-width 1.
        // Rows x = 1: ŷ = 2.75; labels 2.75 (residual 0), 3.75 (1, on the edge: kept), 1.7499 (just outside), 6 (3.25).
        Matrix x = new Matrix(4, 1, new double[] {1, 1, 1, 1});
        AgreementFilter.Verdict v =
                AgreementFilter.verify(x, new double[] {2.75, 3.75, 1.7499, 6}, new double[] {2, 0.5, 0.25}, 0.25, 2);
        assertThat(v.keep()).containsExactly(true, true, false, false);
        assertThat(v.kept()).isEqualTo(2);
        assertThat(v.share()).isEqualTo(0.5);
        assertThat(v.halfWidth()).isEqualTo(1.0);
        assertThat(v.keptRows()).containsExactly(0, 1);
    }

    @Test
    void badBandAndErrorAreOneLine() {
        Matrix x = new Matrix(1, 1, new double[] {1});
        assertThatThrownBy(() -> AgreementFilter.verify(x, new double[] {1}, new double[] {1, 0, 0}, 1, 0))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("band")
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> AgreementFilter.verify(x, new double[] {1}, new double[] {1, 0, 0}, Double.NaN, 2))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("referenceError");
    }
}
