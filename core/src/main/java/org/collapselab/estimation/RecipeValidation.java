package org.collapselab.estimation;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Measures recipes on a user's data: K-fold cross-validation on the real rows (the synthetic rows are always training
 * rows; every fold is a held-out block of real rows), or the error on a separate test block. All fits come from
 * {@link Moments}, so each recipe costs O(K·d³) after one O((n1 + n2)·d²) pass. The centring uses all real rows'
 * means (a leak of O(1/n1) into the intercept, negligible against the fold's error).
 */
public final class RecipeValidation {
  private final TwoSourceData data;
  private final Moments[] folds;
  private final Moments realTotal;
  private final TreeMap<Integer, Moments> prefixes = new TreeMap<>();

  /** A measured error: the mean squared error on held-out real rows and its standard error across folds. */
  public record Measured(double error, double stdError) {
  }

  /** Splits the real rows into {@code folds} random folds drawn from {@code seed}. */
  public RecipeValidation(TwoSourceData data, int folds, long seed) {
    if (folds < 2 || folds > data.realRows()) {
      throw new IllegalArgumentException("folds must be in [2, n1], got " + folds);
    }
    this.data = data;
    int n1 = data.realRows();
    int[] perm = Rows.permutation(n1, new SplittableRandom(seed));
    this.folds = new Moments[folds];
    Moments total = null;
    for (int f = 0; f < folds; f++) {
      int from = (int) ((long) f * n1 / folds);
      int to = (int) ((long) (f + 1) * n1 / folds);
      this.folds[f] = Moments.ofRows(data.real(), data.realLabels(), Rows.slice(perm, from, to));
      total = total == null ? this.folds[f] : total.plus(this.folds[f], 1.0);
    }
    this.realTotal = total;
    prefixes.put(0, Moments.empty(data.dimension()));
  }

  /** Number of folds K. */
  public int folds() {
    return folds.length;
  }

  /** Real rows each cross-validation fit trains on (about n1·(K − 1)/K). */
  public double trainingRealRows() {
    return data.realRows() * (folds.length - 1.0) / folds.length;
  }

  /** K-fold cross-validated mean squared error of the recipe on the real rows. */
  public Measured crossValidate(WeightedRidge recipe) {
    Moments syn = syntheticPrefix(recipe.syntheticRows());
    double[] errors = new double[folds.length];
    for (int f = 0; f < folds.length; f++) {
      errors[f] = folds[f].meanSquaredError(recipe.fit(realTotal.minus(folds[f]), syn));
    }
    double[] mv = Rows.meanAndVariance(errors);
    return new Measured(mv[0], Math.sqrt(mv[1] / folds.length));
  }

  /** Mean squared error on a test block (centred like the data) of the recipe fitted on all real rows. */
  public double testError(WeightedRidge recipe, Moments test) {
    return test.meanSquaredError(fitAll(recipe));
  }

  /** Mean squared error and its standard error on test rows (centred like the data), fitted on all real rows. */
  public Measured test(WeightedRidge recipe, org.collapselab.linalg.Matrix x, double[] y) {
    double[] pred = org.collapselab.linalg.DenseOps.multiplyVector(x, fitAll(recipe), false, 1.0);
    double[] sq = new double[y.length];
    for (int i = 0; i < sq.length; i++) {
      sq[i] = (y[i] - pred[i]) * (y[i] - pred[i]);
    }
    double[] mv = Rows.meanAndVariance(sq);
    return new Measured(mv[0], Math.sqrt(mv[1] / sq.length));
  }

  /** The recipe fitted on all real rows and its synthetic rows. */
  public double[] fitAll(WeightedRidge recipe) {
    return recipe.fit(realTotal, syntheticPrefix(recipe.syntheticRows()));
  }

  /** Statistics of the first k synthetic rows (cached; built incrementally from the nearest cached prefix). */
  public synchronized Moments syntheticPrefix(int k) {
    if (k > data.syntheticRows()) {
      throw new IllegalArgumentException("recipe uses " + k + " synthetic rows, only " + data.syntheticRows()
          + " available");
    }
    Map.Entry<Integer, Moments> below = prefixes.floorEntry(k);
    if (below.getKey() == k) {
      return below.getValue();
    }
    Moments m = below.getValue()
        .plus(Moments.ofRange(data.synthetic(), data.syntheticLabels(), below.getKey(), k), 1.0);
    prefixes.put(k, m);
    return m;
  }
}
