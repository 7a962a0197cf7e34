package org.collapselab.nn.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.nn.common.TorchRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("neural")
class TwoLayerNetworkTest {
    private static final Engine ENGINE = TorchRuntime.engine(1);

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    /** A learnable toy regression: targets are one-hot classes of a random linear map of the inputs. */
    private static float[][] toy(int n, int d, int classes, long seed) {
        float[] x = gaussian(n * d, seed);
        float[] w = gaussian(d * classes, seed + 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += x[i * d + j] * w[j * classes + c];
                }
                if (s > best) {
                    best = s;
                    labels[i] = c;
                }
            }
        }
        return new float[][] {x, Evaluation.oneHot(labels, classes)};
    }

    @Test
    void closedFormGradientsMatchAutograd() {
        int m = 9;
        int d = 7;
        int h = 6;
        int c = 4;
        float wd = 0.01f;
        try (TwoLayerNetwork net = TwoLayerNetwork.create(ENGINE, d, h, c, FirstLayer.TRAINED, 5);
                NDManager mgr = ENGINE.newBaseManager()) {
            NDArray x = mgr.create(gaussian(m * d, 1), new Shape(m, d));
            NDArray y = mgr.create(gaussian(m * c, 2), new Shape(m, c));
            NDList manual = net.lossAndGradients(x, y, wd);
            List<NDArray> p = net.parametersForTest();
            for (NDArray a : p) {
                a.setRequiresGradient(true);
            }
            float autoLoss;
            try (GradientCollector gc = ENGINE.newGradientCollector()) {
                NDArray out = x.matMul(p.get(0))
                        .add(p.get(1))
                        .maximum(0f)
                        .matMul(p.get(2))
                        .add(p.get(3));
                NDArray loss = out.sub(y)
                        .square()
                        .sum()
                        .div((float) m)
                        .add(p.get(0)
                                .square()
                                .sum()
                                .add(p.get(2).square().sum())
                                .mul(wd));
                gc.backward(loss);
                autoLoss = loss.getFloat();
            }
            assertThat(manual.get(0).getFloat()).isCloseTo(autoLoss, within(1e-5f));
            for (int i = 0; i < 4; i++) {
                float[] a = manual.get(i + 1).toFloatArray();
                float[] b = p.get(i).getGradient().toFloatArray();
                assertThat(a).hasSameSizeAs(b);
                for (int k = 0; k < a.length; k++) {
                    assertThat(a[k])
                            .as("gradient %d entry %d", i, k)
                            .isCloseTo(b[k], within(1e-4f + 1e-4f * Math.abs(b[k])));
                }
            }
            for (NDArray a : p) {
                a.setRequiresGradient(false);
            }
        }
    }

    @Test
    void trainingLossDecreasesAndFitsTheTrainingSet() {
        float[][] data = toy(256, 20, 4, 3);
        try (TwoLayerNetwork net = TwoLayerNetwork.create(ENGINE, 20, 32, 4, FirstLayer.TRAINED, 7)) {
            double before = net.loss(data[0], data[1], 256);
            TrainingTrace t = net.fit(data[0], data[1], 256, new TrainingConfig(30, 32, 3e-3, 0), 1, null);
            double after = net.loss(data[0], data[1], 256);
            assertThat(t.steps()).isEqualTo(30 * 8);
            assertThat(t.lastLoss()).isLessThan(0.5 * t.firstLoss());
            assertThat(after).isLessThan(0.3 * before);
            int[] labels = Evaluation.argMax(data[1], 4);
            assertThat(Evaluation.of(net.predict(data[0], 256), labels, 4).error())
                    .isLessThan(0.1);
        }
    }

    @Test
    void earlyStoppingEndsWhenValidationStopsImprovingAndKeepsTheBestWeights() {
        // few noisy training rows, a wide net and a high learning rate: it overfits, the validation error turns up
        float[][] train = toy(48, 20, 4, 5);
        float[][] val = toy(200, 20, 4, 6);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < train[1].length; i++) {
            train[1][i] += (float) (0.8 * r.nextGaussian());
        }
        try (TwoLayerNetwork net = TwoLayerNetwork.create(ENGINE, 20, 256, 4, FirstLayer.TRAINED, 7)) {
            TrainingTrace t = net.fit(
                    train[0],
                    train[1],
                    48,
                    new TrainingConfig(400, 16, 1e-2, 0),
                    1,
                    new EarlyStopping(val[0], val[1], 200, 5));
            assertThat(t.epochLoss().length).isLessThan(400).isEqualTo(t.bestEpoch() + 6);
            assertThat(t.steps()).isEqualTo(3L * t.epochLoss().length);
            // the restored weights are the best epoch's: their validation error is the recorded minimum
            assertThat(net.loss(val[0], val[1], 200))
                    .isCloseTo(t.validationLoss(), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void frozenFirstLayerStaysFixedAndSameSeedGivesSameModel() {
        float[][] data = toy(64, 10, 3, 4);
        float[] initialOutput;
        float[] out1;
        try (TwoLayerNetwork net = TwoLayerNetwork.create(ENGINE, 10, 16, 3, FirstLayer.FROZEN_RANDOM, 9)) {
            List<NDArray> trained = net.parametersForTest();
            assertThat(trained).hasSize(2);
            assertThat(net.trainableParameters()).isEqualTo(16 * 3 + 3);
            float[] probe = gaussian(10, 99);
            float[] before = net.predict(probe, 1);
            net.fit(data[0], data[1], 64, new TrainingConfig(5, 16, 1e-2, 0), 2, null);
            out1 = net.predict(data[0], 64);
            initialOutput = before;
        }
        try (TwoLayerNetwork net = TwoLayerNetwork.create(ENGINE, 10, 16, 3, FirstLayer.FROZEN_RANDOM, 9)) {
            assertThat(net.predict(gaussian(10, 99), 1)).containsExactly(initialOutput);
            net.fit(data[0], data[1], 64, new TrainingConfig(5, 16, 1e-2, 0), 2, null);
            assertThat(net.predict(data[0], 64)).containsExactly(out1);
        }
    }

    @Test
    void randomFeaturesInterpolateBeyondTheThresholdAndNotBelowIt() {
        int n = 120;
        float[][] data = toy(n, 15, 3, 8);
        try (RandomFeaturesRidge narrow = RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 15, 3, 10, 1e-8, 1);
                RandomFeaturesRidge wide =
                        RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 15, 3, 4 * n, 1e-8, 1)) {
            assertThat(narrow.trainMse()).isGreaterThan(0.1);
            assertThat(wide.trainMse()).isLessThan(1e-4);
            // the stored training error is the error of the model's own predictions
            double check = Evaluation.meanSquaredDistance(wide.predict(data[0], n), data[1], 3);
            assertThat(check).isCloseTo(wide.trainMse(), within(1e-4));
        }
    }

    @Test
    void ridgePenaltyShrinksTheFit() {
        int n = 100;
        float[][] data = toy(n, 12, 3, 10);
        try (RandomFeaturesRidge small = RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 12, 3, 50, 1e-6, 1);
                RandomFeaturesRidge big = RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 12, 3, 50, 10, 1)) {
            assertThat(big.trainMse()).isGreaterThan(small.trainMse());
            // a huge penalty leaves (almost) the zero predictor: error close to ‖y‖² = 1 per image
            assertThat(big.trainMse()).isGreaterThan(0.5);
        }
    }

    @Test
    void theBlockwiseDualEqualsTheOneBlockDualAndItsTrainingErrorIsTheResidual() {
        int n = 60;
        float[][] data = toy(n, 12, 3, 11);
        float[] probe = gaussian(40 * 12, 5);
        // width 3n with λ large enough that the training error is not ~0: the closed-form −nλα residual is exercised
        try (RandomFeaturesRidge one =
                        RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 12, 3, 3 * n, 1e-2, 4, Integer.MAX_VALUE);
                RandomFeaturesRidge blocks =
                        RandomFeaturesRidge.fit(ENGINE, data[0], data[1], n, 12, 3, 3 * n, 1e-2, 4, 7)) {
            float[] a = one.predict(probe, 40);
            float[] b = blocks.predict(probe, 40);
            for (int i = 0; i < a.length; i++) {
                assertThat((double) b[i]).isCloseTo(a[i], within(1e-5));
            }
            assertThat(blocks.trainMse())
                    .isCloseTo(one.trainMse(), within(1e-9))
                    .isGreaterThan(1e-3);
            double direct = Evaluation.meanSquaredDistance(blocks.predict(data[0], n), data[1], 3);
            assertThat(direct).isCloseTo(blocks.trainMse(), within(1e-5 * blocks.trainMse() + 1e-6));
        }
    }
}
