package org.collapselab.nn.image.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled grey-scale images held as raw unsigned bytes (compact: 47 MB for the MNIST training set), converted to
 * standardised floats only for the rows a model needs.
 *
 * @param name where the images come from (for messages and reports)
 * @param count number of images
 * @param rows pixel rows per image
 * @param cols pixel columns per image
 * @param pixels {@code count·rows·cols} unsigned bytes, image after image, row-major
 * @param labels class of each image, in {@code [0, classes)}
 * @param classes number of classes
 */
public record ImageSet(String name, int count, int rows, int cols, byte[] pixels, int[] labels, int classes) {
    public ImageSet {
        Objects.requireNonNull(name, "name");
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(name + ": pixel array has " + pixels.length + " bytes, expected " + count
                    + "x" + rows + "x" + cols);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + count + " images");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        name + ": label " + labels[i] + " of image " + i + " is outside [0, " + classes + ")");
            }
        }
    }

    /** Pixels per image (the input dimension d). */
    public int dimension() {
        return rows * cols;
    }

    /** Mean and standard deviation of all pixel values scaled to [0, 1] (the standardisation of the inputs). */
    public double[] pixelMeanAndStd() {
        double sum = 0;
        double sumSq = 0;
        for (byte b : pixels) {
            double v = (b & 0xFF) / 255.0;
            sum += v;
            sumSq += v * v;
        }
        double n = Math.max(1, pixels.length);
        double mean = sum / n;
        double var = Math.max(sumSq / n - mean * mean, 1e-12);
        return new double[] {mean, Math.sqrt(var)};
    }

    /**
     * Standardised inputs {@code (pixel/255 − mean)/std} of the given images, row-major {@code indices.length × d}.
     */
    public float[] features(int[] indices, double mean, double std) {
        int d = dimension();
        float[] out = new float[Math.multiplyExact(indices.length, d)];
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (float) ((v / 255.0 - mean) / std);
        }
        for (int r = 0; r < indices.length; r++) {
            int src = indices[r] * d;
            int dst = r * d;
            for (int j = 0; j < d; j++) {
                out[dst + j] = table[pixels[src + j] & 0xFF];
            }
        }
        return out;
    }

    /** Labels of the given images. */
    public int[] labelsOf(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }

    /** The first {@code n} images (a prefix view copy), for tiny runs and tests. */
    public ImageSet head(int n) {
        if (n < 0 || n > count) {
            throw new IllegalArgumentException(name + ": cannot take " + n + " of " + count + " images");
        }
        int d = dimension();
        return new ImageSet(name, n, rows, cols, Arrays.copyOf(pixels, n * d), Arrays.copyOf(labels, n), classes);
    }

    /** Number of images of each class. */
    public int[] classCounts() {
        int[] c = new int[classes];
        for (int y : labels) {
            c[y]++;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSet s
                && s.name.equals(name)
                && s.count == count
                && s.rows == rows
                && s.cols == cols
                && s.classes == classes
                && Arrays.equals(s.pixels, pixels)
                && Arrays.equals(s.labels, labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, count, rows, cols, classes, Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "ImageSet[" + name + ", " + count + " images " + rows + "x" + cols + ", " + classes + " classes]";
    }
}
