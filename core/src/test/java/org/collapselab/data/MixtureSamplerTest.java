package org.collapselab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

class MixtureSamplerTest {
    @Test
    void shiftHasExactlyTheRequestedSigmaNorm() {
        Spectrum s = Spectrum.powerLaw(200, 1.3);
        SplittableRandom rng = new SplittableRandom(1);
        for (double c2 : new double[] {0, 0.01, 1, 7.5}) {
            assertThat(SyntheticShift.sigmaNorm2(s, SyntheticShift.random(s, c2, rng)))
                    .isCloseTo(c2, within(1e-12 * (1 + c2)));
        }
    }

    @Test
    void explicitVectorsDriveTheLabelsOfEachSource() {
        int d = 3;
        Problem p =
                new Problem(ModelKind.RIDGE, Spectrum.of(new double[] {1, 4, 9}, "f"), null, 2000, 0, 0.25, 1, 0, 0);
        double[] w1 = {1, 0, 0};
        double[] delta = {0, 1, 0};
        TrainingSet t = MixtureSampler.sample(p, w1, delta, new SplittableRandom(2));
        assertThat(t.realRows()).isEqualTo(1500);
        assertThat(t.syntheticRows()).isEqualTo(500);
        for (int i = 0; i < 2000; i++) {
            double expected = t.x().get(i, 0) + (i >= 1500 ? t.x().get(i, 1) : 0);
            assertThat(t.y()[i]).isCloseTo(expected, within(1e-12));
        }
        // Column variances follow the spectrum.
        double var2 = 0;
        for (int i = 0; i < 2000; i++) {
            var2 += t.x().get(i, 2) * t.x().get(i, 2);
        }
        assertThat(var2 / 2000).isCloseTo(9, within(0.8));
        assertThatThrownBy(() -> MixtureSampler.sample(p, new double[d + 1], delta, new SplittableRandom(3)))
                .hasMessage("w1 must be a vector of length d = 3, got a vector of length 4");
    }

    @Test
    void differentSyntheticCovarianceIsUsedForSyntheticRows() {
        Problem p = new Problem(
                ModelKind.RIDGE,
                Spectrum.isotropic(2),
                Spectrum.of(new double[] {25, 25}, "wide"),
                4000,
                0,
                0.5,
                0,
                0,
                0);
        TrainingSet t = MixtureSampler.sample(p, new double[2], new double[2], new SplittableRandom(4));
        double real = 0;
        double synth = 0;
        for (int i = 0; i < 2000; i++) {
            real += t.x().get(i, 0) * t.x().get(i, 0);
            synth += t.x().get(2000 + i, 0) * t.x().get(2000 + i, 0);
        }
        assertThat(real / 2000).isCloseTo(1, within(0.15));
        assertThat(synth / 2000).isCloseTo(25, within(3.0));
    }
}
