package org.collapselab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.model.RidgeRegression;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
    private final Problem p = Problem.ridge(Spectrum.powerLaw(6, 1.0), 40, 0.25, 1.0, 0.5, 0.1);

    @Test
    void weightedRowsSolveTheWeightedNormalEquations() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] w1 = Teacher.random(6, rng);
        double[] delta = SyntheticShift.random(p.spectrum(), p.c2(), rng);
        TrainingSet t = MixtureSampler.sample(p, w1, delta, rng);
        double a = 0.3;
        double[] w = new RidgeRegression(p.lambda())
                .fit(t.weighted(a).x(), t.weighted(a).y())
                .weights();
        // Gradient of (1/n)[Σ_real r² + a Σ_syn r²] + λ‖w‖² vanishes at w.
        int n = t.y().length;
        for (int j = 0; j < 6; j++) {
            double g = 2 * p.lambda() * w[j];
            for (int i = 0; i < n; i++) {
                double r = -t.y()[i];
                for (int k = 0; k < 6; k++) {
                    r += t.x().get(i, k) * w[k];
                }
                g += 2.0 / n * (i < t.realRows() ? 1 : a) * r * t.x().get(i, j);
            }
            assertThat(g).isCloseTo(0, within(1e-10));
        }
        assertThat(t.weighted(1.0)).isSameAs(t);
    }

    @Test
    void realRowsMinusKeepsOnlyRealRowsWithTheResidualTarget() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] w1 = Teacher.random(6, rng);
        TrainingSet t = MixtureSampler.sample(p, w1, new double[6], rng);
        TrainingSet r = t.realRowsMinus(w1);
        assertThat(r.realRows()).isEqualTo(30);
        assertThat(r.syntheticRows()).isZero();
        for (int i = 0; i < 30; i++) {
            double fit = 0;
            for (int k = 0; k < 6; k++) {
                assertThat(r.x().get(i, k)).isEqualTo(t.x().get(i, k));
                fit += t.x().get(i, k) * w1[k];
            }
            assertThat(r.y()[i]).isCloseTo(t.y()[i] - fit, within(1e-12));
        }
    }
}
