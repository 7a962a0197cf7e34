package org.collapselab.nn.pilots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The non-neural pilot fits: what they measure on the test rows, and what they learn from the training rows only. */
class PilotFitsTest {
    /** n rows of d standard normal features, row-major, from {@code seed}. */
    static double[] features(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextGaussian() + 1;
        }
        return x;
    }

    static double[] linear(double[] x, int d, double[] w, double offset) {
        double[] y = new double[x.length / d];
        for (int i = 0; i < y.length; i++) {
            y[i] = offset;
            for (int j = 0; j < d; j++) {
                y[i] += w[j] * x[i * d + j];
            }
        }
        return y;
    }

    @Test
    void ridgeRecoversANoiselessTeacherWithAnOffset() {
        double[] w = {1, -2, 0.5};
        double[] x = features(200, 3, 1);
        double[] t = features(100, 3, 2);
        double mse =
                PilotFits.error(PilotLearner.RIDGE, 3, x, linear(x, 3, w, 7), t, linear(t, 3, w, 7), new double[0], 1);
        assertThat(mse).as("λ = 1e-3 shrinks by about 0.1%").isLessThan(1e-3);
    }

    @Test
    void ridgeMeasuresTheTestRowsMeanSquaredError() {
        double[] w = {1, -2, 0.5};
        double[] x = features(200, 3, 1);
        double[] t = features(100, 3, 2);
        double[] shifted = linear(t, 3, w, 7);
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += i % 2 == 0 ? 0.5 : -0.5; // every test label off by 0.5: MSE grows by 0.25
        }
        double mse = PilotFits.error(PilotLearner.RIDGE, 3, x, linear(x, 3, w, 7), t, shifted, new double[0], 1);
        assertThat(mse).isCloseTo(0.25, within(2e-3));
    }

    @Test
    void aColumnConstantInTheTrainingRowsIsIgnored() {
        double[] x = features(200, 3, 1);
        double[] t = features(100, 3, 2);
        double[] y = linear(x, 3, new double[] {1, -2, 0}, 0);
        double[] ty = linear(t, 3, new double[] {1, -2, 0}, 0);
        for (int i = 0; i < 200; i++) {
            x[i * 3 + 2] = 4; // constant in training, varying in the test rows
        }
        double mse = PilotFits.error(PilotLearner.RIDGE, 3, x, y, t, ty, new double[0], 1);
        assertThat(mse)
                .as("no division by a zero scale, no weight on the column")
                .isLessThan(1e-3);
    }

    @Test
    void logisticCountsMisclassifiedTestRowsForTwoAndThreeClasses() {
        int d = 2;
        double[] x = features(300, d, 3);
        double[] t = features(200, d, 4);
        // two classes coded 2 and 5 by the sign of x0 − 1
        double[] y2 = new double[300];
        double[] t2 = new double[200];
        for (int i = 0; i < 300; i++) {
            y2[i] = x[i * d] > 1 ? 5 : 2;
        }
        for (int i = 0; i < 200; i++) {
            t2[i] = t[i * d] > 1 ? 5 : 2;
        }
        double e2 = PilotFits.error(PilotLearner.LOGISTIC, d, x, y2, t, t2, new double[] {2, 5}, 1);
        assertThat(e2).isLessThan(0.03);
        double[] flipped = t2.clone();
        for (int i = 0; i < 20; i++) {
            flipped[i] = flipped[i] == 2 ? 5 : 2; // 20 of 200 test labels wrong: the rate rises by about 0.1
        }
        double ef = PilotFits.error(PilotLearner.LOGISTIC, d, x, y2, t, flipped, new double[] {2, 5}, 1);
        assertThat(ef).isBetween(0.1 - e2, 0.1 + e2);
        assertThat(ef * 200).isCloseTo(Math.rint(ef * 200), within(1e-9));
        // three classes by the angle of (x0 − 1, x1 − 1): one-vs-rest
        double[] y3 = new double[300];
        double[] t3 = new double[200];
        for (int i = 0; i < 300; i++) {
            y3[i] = sector(x[i * d] - 1, x[i * d + 1] - 1);
        }
        for (int i = 0; i < 200; i++) {
            t3[i] = sector(t[i * d] - 1, t[i * d + 1] - 1);
        }
        double e3 = PilotFits.error(PilotLearner.LOGISTIC, d, x, y3, t, t3, new double[] {0, 1, 2}, 1);
        assertThat(e3).as("linear one-vs-rest on three sectors").isLessThan(0.15);
    }

    private static double sector(double a, double b) {
        double angle = Math.atan2(b, a) + Math.PI; // [0, 2π]
        return Math.min(2, Math.floor(angle / (2 * Math.PI / 3)));
    }
}
