package org.collapselab.estimation;

import org.collapselab.linalg.Matrix;

/**
 * A user's two data sets in {@link Standardization} units (features and labels standardised by the REAL rows'
 * means and deviations). Row order is kept: "the first k synthetic rows" are rows 0..k−1 of {@link #synthetic()}.
 *
 * @param real real rows (n1×d), standardised
 * @param realLabels real labels, standardised
 * @param synthetic synthetic rows (n2×d), standardised with the real rows' statistics
 * @param syntheticLabels synthetic labels, likewise
 * @param units the standardisation (to convert models and errors back to the files' units)
 */
public record TwoSourceData(
        Matrix real, double[] realLabels, Matrix synthetic, double[] syntheticLabels, Standardization units) {

    /** Standardises raw rows with the real rows' statistics. */
    public static TwoSourceData of(Matrix realRaw, double[] realY, Matrix syntheticRaw, double[] syntheticY) {
        if (realRaw.cols() != syntheticRaw.cols()
                || realRaw.rows() != realY.length
                || syntheticRaw.rows() != syntheticY.length) {
            throw new IllegalArgumentException(
                    "real and synthetic data must have the same features and one label per row");
        }
        Standardization s = Standardization.of(realRaw, realY);
        return new TwoSourceData(
                s.features(realRaw), s.labels(realY), s.features(syntheticRaw), s.labels(syntheticY), s);
    }

    /** Dimension d. */
    public int dimension() {
        return real.cols();
    }

    /** n1. */
    public int realRows() {
        return real.rows();
    }

    /** n2. */
    public int syntheticRows() {
        return synthetic.rows();
    }

    /** Augmented statistics ([z, 1, 1]) of other real rows (e.g. a test file) in these units. */
    public Moments testMoments(Matrix raw, double[] y) {
        return Moments.of(WeightedRidge.augment(units.features(raw), 1.0), units.labels(y));
    }
}
