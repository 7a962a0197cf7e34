package org.collapselab.nn.image.diagnose;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.collapselab.experiments.diagnose.CsvDataFile;
import org.collapselab.experiments.diagnose.LabelledRows;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageSet;
import org.collapselab.nn.image.model.TrainingConfig;
import org.collapselab.nn.image.synthetic.GeneratorSpec;
import org.collapselab.nn.image.synthetic.LabelKind;
import org.collapselab.nn.image.synthetic.SyntheticLabels;

/**
 * Real vs synthetic data files from MNIST for {@code diagnose}: features are the top-d principal components of the
 * standardised images (PCA fitted on unlabelled pool images); the real target of an image is 1 if it shows
 * {@code digit} and 0 otherwise; the synthetic target is the weak generator network's output for that class (the
 * image experiment's generator, trained on {@code generatorSamples} reserved images). Real, synthetic and test images
 * are disjoint: real and synthetic rows come from the generator's pool, test rows from the MNIST test split, and
 * held-out rows (true labels) from the rest of the pool, i.e. the real rows' own distribution.
 *
 * @param d principal components kept
 * @param realRows n1
 * @param syntheticRows n2
 * @param testRows rows of the test file
 * @param digit the class whose indicator is the target
 * @param generatorSamples real images the generator is trained on
 */
public record MnistDiagnosis(int d, int realRows, int syntheticRows, int testRows, int digit, int generatorSamples)
        implements java.io.Serializable {
    /** Reserved training images for the generator (as in the image experiment). */
    static final int RESERVED = 5000;
    /** Pool images the PCA is fitted on. */
    static final int PCA_IMAGES = 10_000;

    /** The three files written, and the generator's quality. */
    public record Files(
            Path real, Path synthetic, Path test, Path heldOut, double generatorTestMse, double generatorTestError) {}

    /** Trains the generator, builds the features and writes real.csv, synthetic.csv, test.csv and heldout.csv. */
    public Files write(Engine engine, ImageDataset data, Path dir, long seed) throws java.io.IOException {
        ImageSet train = data.train();
        double[] ms = train.pixelMeanAndStd();
        GeneratorSpec spec = new GeneratorSpec(
                generatorSamples,
                128,
                new TrainingConfig(Math.max(20, (500 * 128 + generatorSamples - 1) / generatorSamples), 128, 1e-3, 0),
                LabelKind.SOFT,
                0,
                seed);
        SyntheticLabels gen = SyntheticLabels.generate(engine, train, data.test(), spec, RESERVED, ms[0], ms[1]);
        int[] pool = gen.pool();
        int heldOutRows = Math.min(testRows, pool.length - realRows - syntheticRows);
        if (heldOutRows < 2) {
            throw new IllegalArgumentException(
                    "MNIST pool has " + pool.length + " images, need more than " + (realRows + syntheticRows));
        }
        Matrix basis = pca(train, Arrays.copyOf(pool, Math.min(PCA_IMAGES, pool.length)), ms);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("pc" + (j + 1));
        }
        int[] realIdx = Arrays.copyOfRange(pool, 0, realRows);
        int[] synPos = new int[syntheticRows];
        for (int i = 0; i < syntheticRows; i++) {
            synPos[i] = realRows + i;
        }
        int[] synIdx = Arrays.copyOfRange(pool, realRows, realRows + syntheticRows);
        float[] soft = gen.targetsAt(synPos);
        double[] ySyn = new double[syntheticRows];
        for (int i = 0; i < syntheticRows; i++) {
            ySyn[i] = soft[i * train.classes() + digit];
        }
        int[] testIdx = new int[Math.min(testRows, data.test().count())];
        for (int i = 0; i < testIdx.length; i++) {
            testIdx[i] = i;
        }
        Files f = new Files(
                dir.resolve("real.csv"),
                dir.resolve("synthetic.csv"),
                dir.resolve("test.csv"),
                dir.resolve("heldout.csv"),
                gen.generatorTestQuality().mse(),
                gen.generatorTestQuality().labelError());
        int[] heldIdx = Arrays.copyOfRange(pool, realRows + syntheticRows, realRows + syntheticRows + heldOutRows);
        CsvDataFile.write(
                f.heldOut(),
                new LabelledRows(
                        "heldout", names, project(train, heldIdx, ms, basis), indicator(train.labelsOf(heldIdx))),
                "y");
        CsvDataFile.write(
                f.real(),
                new LabelledRows("real", names, project(train, realIdx, ms, basis), indicator(train.labelsOf(realIdx))),
                "y");
        CsvDataFile.write(
                f.synthetic(), new LabelledRows("synthetic", names, project(train, synIdx, ms, basis), ySyn), "y");
        CsvDataFile.write(
                f.test(),
                new LabelledRows(
                        "test",
                        names,
                        project(data.test(), testIdx, ms, basis),
                        indicator(data.test().labelsOf(testIdx))),
                "y");
        return f;
    }

    private double[] indicator(int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i] == digit ? 1 : 0;
        }
        return y;
    }

    /** The standardised images as a column-major n×784 matrix. */
    private static Matrix pixels(ImageSet set, int[] idx, double[] ms) {
        int p = set.dimension();
        float[] f = set.features(idx, ms[0], ms[1]);
        Matrix x = Matrix.zeros(idx.length, p);
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < p; j++) {
                x.set(i, j, f[i * p + j]);
            }
        }
        return x;
    }

    /** The top-d eigenvectors (784×d) of the pixel covariance of the given images. */
    private Matrix pca(ImageSet set, int[] idx, double[] ms) {
        Matrix x = pixels(set, idx, ms);
        int n = x.rows();
        int p = x.cols();
        double[] a = x.data();
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += a[i + j * n] / n;
            }
            for (int i = 0; i < n; i++) {
                a[i + j * n] -= mean;
            }
        }
        Matrix cov = DenseOps.gramTransposed(x, 1.0 / (n - 1));
        double[] w = new double[p];
        DenseOps.symmetricEigenInPlace(cov, w);
        Matrix basis = Matrix.zeros(p, d);
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < p; i++) {
                basis.set(i, k, cov.get(i, p - 1 - k)); // ascending eigenvalues: take the last d columns
            }
        }
        return basis;
    }

    private static Matrix project(ImageSet set, int[] idx, double[] ms, Matrix basis) {
        return DenseOps.multiply(pixels(set, idx, ms), basis);
    }
}
