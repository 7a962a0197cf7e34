package org.collapselab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.collapselab.linalg.Matrix;
import org.collapselab.problem.AcceptBand;
import org.collapselab.problem.SyntheticTeacher;
import org.junit.jupiter.api.Test;

/** {@link AcceptBandFilter}: |y − xᵀθ_c| ≤ r‖x‖ + σ_c row by row, on a hand-checked example. */
class AcceptBandFilterTest {
    @Test
    void keepsRowsInsideTheBand() {
        // Rows (column-major 4×2): x = (3, 4), (1, 0), (0, 2), (1, 1); θ_c = (1, 1).
        Matrix x = new Matrix(4, 2, new double[] {3, 1, 0, 1, 4, 0, 2, 1});
        double[] y = {7.85, 2.6, 2.0, 5.0}; // residuals 0.85, 1.6, 0, 3
        AcceptBand band = new AcceptBand(0.1, 0.4, SyntheticTeacher.NONE); // bounds 0.9, 0.5, 0.6, 0.4 + 0.1·√2
        assertThat(AcceptBandFilter.keeps(band, x, y, 0, new double[] {1, 1}))
                .containsExactly(true, false, true, false);
        assertThat(AcceptBandFilter.keeps(band, x, y, 2, new double[] {1, 1})).containsExactly(true, false);
        assertThat(AcceptBandFilter.keptShare(band, x, y, 0, new double[] {1, 1}))
                .isEqualTo(0.5);
    }
}
