package org.collapselab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** Moments of the exact statistics against the Wishart(k, Σ) and N(0, σ²G) laws, by both routes (k ≥ d and k &lt; d). */
class SourceStatisticsTest {
    @Test
    void gramAndNoiseCrossTermHaveTheWishartMoments() {
        Spectrum s = Spectrum.of(new double[] {1, 2, 4}, "t");
        for (long k : new long[] {7, 2}) { // Bartlett, then row by row
            SplittableRandom rng = new SplittableRandom(9);
            int draws = 20_000;
            double[][] mean = new double[3][3];
            double g01sq = 0;
            double noise00 = 0;
            double noiseG00 = 0;
            for (int r = 0; r < draws; r++) {
                SourceStatistics st = SourceStatistics.draw(s, k, rng);
                double[] e = st.noiseCross(0.5, rng);
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        mean[i][j] += st.gram().get(i, j) / draws;
                    }
                }
                g01sq += st.gram().get(0, 1) * st.gram().get(0, 1) / draws;
                noise00 += e[2] * e[2] / draws;
                noiseG00 += 0.25 * st.gram().get(2, 2) / draws;
            }
            // E G = kΣ; Var G_01 = k Σ00 Σ11; E (σXᵀε)_2² = σ² E G_22 = σ² k Σ22.
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double expected = i == j ? k * s.eigenvalue(i) : 0;
                    assertThat(mean[i][j]).as("E G[%d][%d], k=%d", i, j, k).isCloseTo(expected, within(0.05 * k * 4));
                }
            }
            assertThat(g01sq).as("Var G01, k=%d", k).isCloseTo(k * 2.0, within(0.06 * k * 2));
            assertThat(noise00).as("E noise², k=%d", k).isCloseTo(noiseG00, within(0.05 * noiseG00));
            assertThat(noiseG00).isCloseTo(0.25 * k * 4, within(0.03 * k * 4));
        }
    }
}
