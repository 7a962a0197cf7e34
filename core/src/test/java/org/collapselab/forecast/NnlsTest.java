package org.collapselab.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The exact-support NNLS meets the Karush–Kuhn–Tucker conditions of min ‖Xβ − y‖², β ≥ 0. */
class NnlsTest {

    @RepeatedTest(40)
    void meetsTheOptimalityConditions(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(20261206L + rep.getCurrentRepetition());
        int rows = 6 + rng.nextInt(10);
        int k = 1 + rng.nextInt(4);
        double[][] x = new double[rows][k];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                x[r][j] = rng.nextGaussian();
            }
            y[r] = rng.nextGaussian();
        }
        boolean[] allowed = new boolean[k];
        java.util.Arrays.fill(allowed, true);
        Nnls.Solution s = Nnls.solve(x, y, allowed);
        double[] grad = new double[k]; // Xᵀ(Xβ − y)
        for (int r = 0; r < rows; r++) {
            double res = -y[r];
            for (int j = 0; j < k; j++) {
                res += x[r][j] * s.beta()[j];
            }
            for (int j = 0; j < k; j++) {
                grad[j] += x[r][j] * res;
            }
        }
        for (int j = 0; j < k; j++) {
            assertThat(s.beta()[j]).isGreaterThanOrEqualTo(0);
            if (s.beta()[j] > 0) {
                assertThat(Math.abs(grad[j])).as("gradient on the support").isLessThan(1e-9);
            } else {
                assertThat(grad[j]).as("gradient off the support").isGreaterThan(-1e-9);
            }
        }
    }

    @Test
    void holdsDisallowedColumnsAtZero() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}};
        double[] y = {1, 2, 3};
        Nnls.Solution s = Nnls.solve(x, y, new boolean[] {true, false});
        assertThat(s.beta()[1]).isZero();
        assertThat(s.beta()[0]).isCloseTo(2, org.assertj.core.api.Assertions.within(1e-12)); // (1 + 3)/2
    }
}
