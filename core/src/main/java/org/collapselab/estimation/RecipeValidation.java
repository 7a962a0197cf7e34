package org.collapselab.estimation;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.collapselab.linalg.Matrix;

/**
 * Measures recipes on a user's data (in {@link TwoSourceData} units): K-fold cross-validation on the real rows (the
 * synthetic rows are always training rows; every fold is a held-out block of real rows), or the error on a separate
 * test block. All fits come from augmented {@link Moments} (intercept and real-row offset columns, see
 * {@link WeightedRidge}), so each recipe costs O(K·d³) after one O((n1 + n2)·d²) pass, and nothing is centred with
 * held-out rows.
 */
public final class RecipeValidation {
    private final TwoSourceData data;
    private final Moments[] folds;
    private final int[][] foldRows;
    private final Moments realTotal;
    private final Matrix syntheticAugmented;
    private final TreeMap<Integer, Moments> prefixes = new TreeMap<>();

    /** A measured error: the mean squared error on held-out real rows and its standard error across folds. */
    public record Measured(double error, double stdError, double[] perFold) {}

    /** Splits the real rows into {@code folds} random folds drawn from {@code seed}. */
    public RecipeValidation(TwoSourceData data, int folds, long seed) {
        if (folds < 2 || folds > data.realRows()) {
            throw new IllegalArgumentException("folds must be in [2, n1], got " + folds);
        }
        this.data = data;
        int n1 = data.realRows();
        int[] perm = Rows.permutation(n1, new SplittableRandom(seed));
        Matrix real = WeightedRidge.augment(data.real(), 1.0);
        this.folds = new Moments[folds];
        this.foldRows = new int[folds][];
        Moments total = null;
        for (int f = 0; f < folds; f++) {
            int from = (int) ((long) f * n1 / folds);
            int to = (int) ((long) (f + 1) * n1 / folds);
            foldRows[f] = Rows.slice(perm, from, to);
            this.folds[f] = Moments.ofRows(real, data.realLabels(), foldRows[f]);
            total = total == null ? this.folds[f] : total.plus(this.folds[f], 1.0);
        }
        this.realTotal = total;
        this.syntheticAugmented = WeightedRidge.augment(data.synthetic(), 0.0);
        prefixes.put(0, Moments.empty(data.dimension() + 2));
    }

    /** Number of folds K. */
    public int folds() {
        return folds.length;
    }

    /** Real rows each cross-validation fit trains on (about n1·(K − 1)/K). */
    public double trainingRealRows() {
        return data.realRows() * (folds.length - 1.0) / folds.length;
    }

    /** The data measured on. */
    public TwoSourceData data() {
        return data;
    }

    /** K-fold cross-validated mean squared error of the recipe on the real rows (standardised label units). */
    public Measured crossValidate(WeightedRidge recipe) {
        Moments syn = syntheticPrefix(recipe.syntheticRows());
        double[] errors = new double[folds.length];
        for (int f = 0; f < folds.length; f++) {
            errors[f] = folds[f].meanSquaredError(recipe.fit(realTotal.minus(folds[f]), syn));
        }
        double[] mv = Rows.meanAndVariance(errors);
        return new Measured(mv[0], Math.sqrt(mv[1] / folds.length), errors);
    }

    /**
     * Held-out predictions of every real row (standardised units) from the cross-validation fits: the row's fold is
     * left out. For accuracy and AUC with 0/1 labels.
     */
    public double[] crossValidatedPredictions(WeightedRidge recipe) {
        Moments syn = syntheticPrefix(recipe.syntheticRows());
        double[] out = new double[data.realRows()];
        for (int f = 0; f < folds.length; f++) {
            double[] coef = recipe.fit(realTotal.minus(folds[f]), syn);
            double[] p = WeightedRidge.predict(coef, Rows.select(data.real(), foldRows[f]), 1.0);
            for (int i = 0; i < p.length; i++) {
                out[foldRows[f][i]] = p[i];
            }
        }
        return out;
    }

    /** Mean squared error on a test block (augmented moments in these units) of the recipe fitted on all real rows. */
    public double testError(WeightedRidge recipe, Moments test) {
        return test.meanSquaredError(fitAll(recipe));
    }

    /** Mean squared error and its standard error on test rows (standardised), fitted on all real rows. */
    public Measured test(WeightedRidge recipe, Matrix x, double[] y) {
        double[] pred = WeightedRidge.predict(fitAll(recipe), x, 1.0);
        double[] sq = new double[y.length];
        for (int i = 0; i < sq.length; i++) {
            sq[i] = (y[i] - pred[i]) * (y[i] - pred[i]);
        }
        double[] mv = Rows.meanAndVariance(sq);
        return new Measured(mv[0], Math.sqrt(mv[1] / sq.length), new double[] {mv[0]});
    }

    /** The recipe fitted on all real rows and its synthetic rows: (w, b, o) in standardised units. */
    public double[] fitAll(WeightedRidge recipe) {
        return recipe.fit(realTotal, syntheticPrefix(recipe.syntheticRows()));
    }

    /** Statistics of the first k synthetic rows (cached; built incrementally from the nearest cached prefix). */
    public synchronized Moments syntheticPrefix(int k) {
        if (k > data.syntheticRows()) {
            throw new IllegalArgumentException(
                    "recipe uses " + k + " synthetic rows, only " + data.syntheticRows() + " available");
        }
        Map.Entry<Integer, Moments> below = prefixes.floorEntry(k);
        if (below.getKey() == k) {
            return below.getValue();
        }
        Moments m = below.getValue()
                .plus(Moments.ofRange(syntheticAugmented, data.syntheticLabels(), below.getKey(), k), 1.0);
        prefixes.put(k, m);
        return m;
    }

    /** The per-fold row indices (for tests and diagnostics). */
    int[][] foldRows() {
        return Arrays.stream(foldRows).map(int[]::clone).toArray(int[][]::new);
    }
}
