package org.collapselab.data;

import org.collapselab.linalg.Matrix;

/**
 * A sampled training set: design X (n×d, column-major; the first {@code realRows} rows real, the rest synthetic)
 * and labels y.
 */
public record TrainingSet(Matrix x, double[] y, int realRows, int syntheticRows) {
  public TrainingSet {
    if (x.rows() != y.length || realRows + syntheticRows != y.length) {
      throw new IllegalArgumentException("inconsistent training set: X " + x.rows() + "x" + x.cols() + ", y "
          + y.length + ", rows " + realRows + "+" + syntheticRows);
    }
  }
}
