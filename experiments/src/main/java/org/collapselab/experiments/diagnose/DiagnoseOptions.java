package org.collapselab.experiments.diagnose;

import java.nio.file.Path;
import org.collapselab.validation.ParameterException;

/**
 * What {@code diagnose} reads and how it validates.
 *
 * @param real the real rows' CSV file
 * @param synthetic the synthetic rows' CSV file (row order matters: a recipe uses the first k rows)
 * @param label name of the label column
 * @param test optional CSV of held-out real rows; null = cross-validate on the real rows
 * @param folds K of the K-fold cross-validation
 * @param splits random half-splits averaged in the c² estimate
 * @param seed seed of the splits and folds
 */
public record DiagnoseOptions(Path real, Path synthetic, String label, Path test, int folds, int splits, long seed) {
  public DiagnoseOptions {
    if (label == null || label.isEmpty()) {
      throw new ParameterException("label", label, "a column name");
    }
    if (folds < 2 || folds > 50) {
      throw new ParameterException("folds", folds, "an integer in [2, 50]");
    }
    if (splits < 1 || splits > 1000) {
      throw new ParameterException("splits", splits, "an integer in [1, 1000]");
    }
  }

  /** Defaults: label y, 5 folds, 16 splits, seed 1. */
  public static DiagnoseOptions of(Path real, Path synthetic, Path test) {
    return new DiagnoseOptions(real, synthetic, "y", test, 5, 16, 1);
  }
}
