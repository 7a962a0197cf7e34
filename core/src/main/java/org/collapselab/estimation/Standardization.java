package org.collapselab.estimation;

import org.collapselab.linalg.Matrix;

/**
 * The units {@code diagnose} works in: every feature column centred on the real rows' mean and divided by the real
 * rows' standard deviation (ddof 0, as scikit-learn's {@code StandardScaler}), the label likewise. Multiplying a
 * column of every file by a constant therefore changes no estimate, no recipe and no prediction (the fitted model is
 * converted back by {@link #rawModel}). Means and deviations are computed after dividing each column by its largest
 * magnitude, so finite values up to ±{@link Double#MAX_VALUE} neither overflow nor lose precision. A column constant
 * in the real rows gets scale 1 and is zeroed ({@link #constant()}): it cannot help predict real rows.
 *
 * @param featureMean real-row mean of each column
 * @param featureScale real-row standard deviation of each column (1 for a constant column)
 * @param constant true where the column is constant in the real rows
 * @param labelMean real-row label mean
 * @param labelScale real-row label standard deviation (1 if constant)
 */
public record Standardization(
        double[] featureMean, double[] featureScale, boolean[] constant, double labelMean, double labelScale) {

    /** A linear model in the files' units: prediction = intercept + Σ coefficients[j]·x[j]. */
    public record RawModel(double intercept, double[] coefficients) {
        /** Predictions for raw rows. */
        public double[] predict(Matrix raw) {
            int n = raw.rows();
            double[] out = new double[n];
            java.util.Arrays.fill(out, intercept);
            double[] a = raw.data();
            for (int j = 0; j < coefficients.length; j++) {
                double w = coefficients[j];
                if (w != 0) {
                    for (int i = 0; i < n; i++) {
                        out[i] += w * a[i + j * n];
                    }
                }
            }
            return out;
        }
    }

    /** From the real rows. */
    public static Standardization of(Matrix realX, double[] realY) {
        int d = realX.cols();
        int n = realX.rows();
        double[] mean = new double[d];
        double[] scale = new double[d];
        boolean[] constant = new boolean[d];
        double[] a = realX.data();
        for (int j = 0; j < d; j++) {
            double[] ms = meanAndScale(a, j * n, n);
            mean[j] = ms[0];
            constant[j] = !(ms[1] > 0);
            scale[j] = constant[j] ? 1 : ms[1];
        }
        double[] ly = meanAndScale(realY, 0, realY.length);
        return new Standardization(mean, scale, constant, ly[0], ly[1] > 0 ? ly[1] : 1);
    }

    /** {mean, sd (ddof 0)} of values[from, from + n), overflow-safe; sd 0 when all values are equal. */
    static double[] meanAndScale(double[] values, int from, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(values[from + i]));
        }
        if (max == 0 || n == 0) {
            return new double[] {0, 0};
        }
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += values[from + i] / max;
        }
        m /= n;
        double v = 0;
        boolean varies = false;
        for (int i = 0; i < n; i++) {
            double t = values[from + i] / max - m;
            v += t * t;
            varies |= values[from + i] != values[from];
        }
        return new double[] {m * max, varies ? Math.sqrt(v / n) * max : 0};
    }

    /** Dimension d. */
    public int dimension() {
        return featureMean.length;
    }

    /** Standardised copy of raw feature rows (constant columns zeroed). */
    public Matrix features(Matrix raw) {
        int n = raw.rows();
        double[] a = raw.data();
        double[] out = new double[a.length];
        for (int j = 0; j < featureMean.length; j++) {
            if (constant[j]) {
                continue;
            }
            double m = featureMean[j];
            double s = featureScale[j];
            for (int i = 0; i < n; i++) {
                double v = a[i + j * n] / s - m / s;
                out[i + j * n] = Double.isFinite(v) ? v : Math.copySign(1e300, v);
            }
        }
        return new Matrix(n, featureMean.length, out);
    }

    /** Standardised copy of raw labels. */
    public double[] labels(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] / labelScale - labelMean / labelScale;
        }
        return out;
    }

    /** A raw label value in standardised units. */
    public double label(double raw) {
        return raw / labelScale - labelMean / labelScale;
    }

    /**
     * The model ŷ = b + zᵀw in standardised units as a model in the files' units:
     * coefficient_j = s_y·w_j/s_j, intercept = m_y + s_y·b − Σ coefficient_j·m_j.
     */
    public RawModel rawModel(double[] w, double intercept) {
        double[] c = new double[w.length];
        double b = labelMean + labelScale * intercept;
        for (int j = 0; j < w.length; j++) {
            c[j] = constant[j] ? 0 : labelScale * (w[j] / featureScale[j]);
            b -= c[j] * featureMean[j];
        }
        return new RawModel(b, c);
    }

    /** A squared error in standardised label units converted to the files' units. */
    public double squaredLabelUnits(double standardised) {
        return standardised * labelScale * labelScale;
    }
}
