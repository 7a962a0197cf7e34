package org.collapselab.estimation;

import org.collapselab.linalg.Matrix;

/**
 * A user's two data sets, both centred with the REAL rows' feature and label means (the fit has an intercept through
 * this centring). Row order is kept: "the first k synthetic rows" are rows 0..k−1 of {@link #synthetic()}.
 *
 * @param real real rows (n1×d), centred
 * @param realLabels real labels, centred
 * @param synthetic synthetic rows (n2×d), centred with the real means
 * @param syntheticLabels synthetic labels, centred with the real label mean
 * @param featureMean the real rows' feature means
 * @param labelMean the real rows' label mean
 */
public record TwoSourceData(Matrix real, double[] realLabels, Matrix synthetic, double[] syntheticLabels,
                            double[] featureMean, double labelMean) {

  /** Centres raw rows with the real means. */
  public static TwoSourceData of(Matrix realRaw, double[] realY, Matrix syntheticRaw, double[] syntheticY) {
    if (realRaw.cols() != syntheticRaw.cols() || realRaw.rows() != realY.length
        || syntheticRaw.rows() != syntheticY.length) {
      throw new IllegalArgumentException("real and synthetic data must have the same features and one label per row");
    }
    double[] mean = Rows.columnMeans(realRaw);
    double ym = Rows.mean(realY);
    return new TwoSourceData(Rows.centred(realRaw, mean), Rows.centred(realY, ym), Rows.centred(syntheticRaw, mean),
        Rows.centred(syntheticY, ym), mean, ym);
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

  /** Other rows (e.g. a test file) centred the same way. */
  public Matrix centreFeatures(Matrix raw) {
    return Rows.centred(raw, featureMean);
  }

  /** Other labels centred the same way. */
  public double[] centreLabels(double[] y) {
    return Rows.centred(y, labelMean);
  }

  /** Statistics of other rows (e.g. a test file) centred the same way. */
  public Moments centredMoments(Matrix raw, double[] y) {
    return Moments.of(centreFeatures(raw), centreLabels(y));
  }
}
