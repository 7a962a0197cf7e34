package org.collapselab.nn.pilots;

import ai.djl.engine.Engine;
import org.collapselab.estimation.LogisticRidge;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RidgeRegression;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.model.FirstLayer;
import org.collapselab.nn.image.model.RandomFeaturesRidge;
import org.collapselab.nn.image.model.TrainingConfig;
import org.collapselab.nn.image.model.TwoLayerNetwork;

/**
 * One pilot fit: a learner trained on given rows and measured on the real test rows. Features are standardised with
 * the training rows' means and standard deviations (a constant column becomes 0), regression labels centred (and, for
 * the networks, scaled) with the training rows' statistics; nothing is ever estimated from the test rows.
 */
final class PilotFits {
    private static final TrainingConfig MLP_TRAINING = new TrainingConfig(PilotLearner.MLP_EPOCHS, 32, 1e-3, 0);

    private PilotFits() {}

    /**
     * The learner's test error after training on {@code y.length} rows {@code x} (row-major, d columns): MSE, or the
     * misclassification rate for {@link PilotLearner#LOGISTIC} ({@code classes}: the label values, sorted).
     */
    static double error(
            PilotLearner learner,
            int d,
            double[] x,
            double[] y,
            double[] testX,
            double[] testY,
            double[] classes,
            long seed) {
        int n = y.length;
        double[][] units = units(x, n, d);
        double[] xs = standardise(x, n, d, units);
        double[] ts = standardise(testX, testY.length, d, units);
        return switch (learner) {
            case RIDGE -> ridge(xs, y, n, d, ts, testY);
            case LOGISTIC -> logistic(xs, y, n, d, ts, testY, classes);
            case MLP, RANDOM_FEATURES -> neural(learner, xs, y, n, d, ts, testY, seed);
        };
    }

    private static double ridge(double[] xs, double[] y, int n, int d, double[] ts, double[] testY) {
        double mean = mean(y);
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - mean;
        }
        double[] w = new RidgeRegression(PilotLearner.LAMBDA)
                .fit(columnMajor(xs, n, d), yc)
                .weights();
        double sse = 0;
        for (int i = 0; i < testY.length; i++) {
            double p = mean;
            for (int j = 0; j < d; j++) {
                p += w[j] * ts[i * d + j];
            }
            sse += (p - testY[i]) * (p - testY[i]);
        }
        return sse / testY.length;
    }

    private static double logistic(
            double[] xs, double[] y, int n, int d, double[] ts, double[] testY, double[] classes) {
        Matrix train = columnMajor(xs, n, d);
        Matrix test = columnMajor(ts, testY.length, d);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        int k = classes.length;
        double[][] prob = new double[k == 2 ? 1 : k][];
        for (int c = 0; c < prob.length; c++) {
            double target = classes[k == 2 ? 1 : c];
            double[] yc = new double[n];
            for (int i = 0; i < n; i++) {
                yc[i] = y[i] == target ? 1 : 0;
            }
            prob[c] = LogisticRidge.probabilities(LogisticRidge.fit(train, yc, ones, PilotLearner.LAMBDA), test);
        }
        int wrong = 0;
        for (int i = 0; i < testY.length; i++) {
            double predicted;
            if (k == 2) {
                predicted = prob[0][i] >= 0.5 ? classes[1] : classes[0];
            } else {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = prob[c][i] > prob[best][i] ? c : best;
                }
                predicted = classes[best];
            }
            wrong += predicted == testY[i] ? 0 : 1;
        }
        return (double) wrong / testY.length;
    }

    private static double neural(
            PilotLearner learner, double[] xs, double[] y, int n, int d, double[] ts, double[] testY, long seed) {
        double mean = mean(y);
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double scale = n > 1 && var > 0 ? Math.sqrt(var / (n - 1)) : 1;
        float[] inputs = floats(xs);
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            targets[i] = (float) ((y[i] - mean) / scale);
        }
        Engine engine = TorchRuntime.engine(1);
        float[] out;
        if (learner == PilotLearner.MLP) {
            try (TwoLayerNetwork net =
                    TwoLayerNetwork.create(engine, d, PilotLearner.MLP_WIDTH, 1, FirstLayer.TRAINED, seed)) {
                net.fit(inputs, targets, n, MLP_TRAINING, seed, null);
                out = net.predict(floats(ts), testY.length);
            }
        } else {
            try (RandomFeaturesRidge rf = RandomFeaturesRidge.fit(
                    engine, inputs, targets, n, d, 1, PilotLearner.RF_WIDTH, PilotLearner.LAMBDA, seed)) {
                out = rf.predict(floats(ts), testY.length);
            }
        }
        double sse = 0;
        for (int i = 0; i < testY.length; i++) {
            double p = mean + scale * out[i];
            sse += (p - testY[i]) * (p - testY[i]);
        }
        return sse / testY.length;
    }

    /** Per-feature mean, scale and constant flag (1) of the training rows; a constant column becomes 0 everywhere. */
    static double[][] units(double[] x, int n, int d) {
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] constant = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * d + j];
            }
            mean[j] = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                double c = x[i * d + j] - mean[j];
                v += c * c;
            }
            scale[j] = v > 0 ? Math.sqrt(v / n) : 1;
            constant[j] = v > 0 ? 0 : 1;
        }
        return new double[][] {mean, scale, constant};
    }

    private static double[] standardise(double[] x, int n, int d, double[][] units) {
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = units[2][j] != 0 ? 0 : (x[i * d + j] - units[0][j]) / units[1][j];
            }
        }
        return out;
    }

    private static Matrix columnMajor(double[] rows, int n, int d) {
        double[] c = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[i + j * n] = rows[i * d + j];
            }
        }
        return new Matrix(n, d, c);
    }

    private static float[] floats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
