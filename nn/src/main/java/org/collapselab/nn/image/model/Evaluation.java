package org.collapselab.nn.image.model;

/**
 * Test metrics of a regressor on labelled images against one-hot targets.
 *
 * @param mse squared error summed over the class outputs, averaged over images: {@code mean_i ‖f(x_i) − e_{y_i}‖²}
 * @param error classification error: fraction of images whose arg-max output is not the label
 * @param count number of images evaluated
 */
public record Evaluation(double mse, double error, int count) {
    /** Metrics of row-major outputs ({@code labels.length × classes}) against the labels. */
    public static Evaluation of(float[] outputs, int[] labels, int classes) {
        int n = labels.length;
        if (outputs.length != (long) n * classes) {
            throw new IllegalArgumentException(
                    "outputs have " + outputs.length + " values, expected " + n + "x" + classes);
        }
        double sq = 0;
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            int base = i * classes;
            int best = 0;
            for (int c = 0; c < classes; c++) {
                double t = c == labels[i] ? 1.0 : 0.0;
                double e = outputs[base + c] - t;
                sq += e * e;
                if (outputs[base + c] > outputs[base + best]) {
                    best = c;
                }
            }
            if (best != labels[i]) {
                wrong++;
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : sq / n, n == 0 ? Double.NaN : (double) wrong / n, n);
    }

    /** Mean squared distance {@code mean_i ‖a_i − b_i‖²} between two row-major output tables. */
    public static double meanSquaredDistance(float[] a, float[] b, int classes) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("tables differ in size: " + a.length + " vs " + b.length);
        }
        int n = a.length / classes;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            sq += e * e;
        }
        return n == 0 ? Double.NaN : sq / n;
    }

    /** One-hot targets, row-major {@code labels.length × classes}. */
    public static float[] oneHot(int[] labels, int classes) {
        float[] y = new float[Math.multiplyExact(labels.length, classes)];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + labels[i]] = 1f;
        }
        return y;
    }

    /** Arg-max class of each row. */
    public static int[] argMax(float[] outputs, int classes) {
        int n = outputs.length / classes;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (outputs[i * classes + c] > outputs[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
