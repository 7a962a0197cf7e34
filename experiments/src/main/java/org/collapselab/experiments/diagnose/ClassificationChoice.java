package org.collapselab.experiments.diagnose;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.collapselab.estimation.LogisticRidge;
import org.collapselab.estimation.Rows;
import org.collapselab.estimation.Standardization;
import org.collapselab.estimation.Standardization.RawModel;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.linalg.Matrix;

/**
 * {@code --task classification}: an ℓ2-logistic recipe (k, A, λ) chosen by K-fold cross-validated log-loss on the real
 * rows (synthetic rows always training, 0/1 or soft labels), over k ∈ {0, the squared-loss recipe's k, n2},
 * A ∈ {the squared-loss recipe's A, 0.1, 0.3, 1} and λ ∈ {10⁻⁴, 10⁻³, 10⁻², 0.1, 1}: the squared-loss theory guides
 * the candidates, cross-validation chooses. The best real-only fit is reported beside it.
 *
 * @param recipe the chosen recipe (one shared intercept)
 * @param logLoss its cross-validated log-loss
 * @param error its cross-validated 0–1 error (threshold 0.5)
 * @param auc its cross-validated AUC
 * @param model the fit on all real rows: P(y = 1) = 1/(1 + exp(−(intercept + Σ coefficients·x))), files' units
 * @param realOnly the best real-only recipe
 * @param realOnlyLogLoss its cross-validated log-loss
 * @param realOnlyError its cross-validated 0–1 error
 */
public record ClassificationChoice(
        WeightedRidge recipe,
        double logLoss,
        double error,
        double auc,
        RawModel model,
        WeightedRidge realOnly,
        double realOnlyLogLoss,
        double realOnlyError) {
    static final double[] LAMBDAS = {1e-4, 1e-3, 1e-2, 0.1, 1};

    static ClassificationChoice choose(TwoSourceData data, WeightedRidge guide, int folds, long seed) {
        Standardization u = data.units();
        double[] y1 = raw(u, data.realLabels());
        double[] y2 = raw(u, data.syntheticLabels());
        int n1 = data.realRows();
        int[] perm = Rows.permutation(n1, new SplittableRandom(seed));
        TreeSet<Integer> ks = new TreeSet<>(java.util.List.of(0, guide.syntheticRows(), data.syntheticRows()));
        TreeSet<Double> as = new TreeSet<>(java.util.List.of(0.1, 0.3, 1.0));
        if (guide.syntheticRows() > 0) {
            as.add(guide.syntheticWeight());
        }
        double[] best = null;
        WeightedRidge bestRecipe = null;
        double[] bestReal = null;
        WeightedRidge bestRealRecipe = null;
        for (int k : ks) {
            for (double a : k == 0
                    ? new double[] {1}
                    : as.stream().mapToDouble(Double::doubleValue).toArray()) {
                for (double l : LAMBDAS) {
                    WeightedRidge w = new WeightedRidge(k, a, l);
                    double[] m = crossValidate(data, y1, y2, perm, folds, w);
                    if (best == null || m[0] < best[0]) {
                        best = m;
                        bestRecipe = w;
                    }
                    if (k == 0 && (bestReal == null || m[0] < bestReal[0])) {
                        bestReal = m;
                        bestRealRecipe = w;
                    }
                }
            }
        }
        double[] beta = fit(data, y1, y2, allRows(n1), bestRecipe);
        return new ClassificationChoice(
                bestRecipe, best[0], best[1], best[2], logitModel(u, beta), bestRealRecipe, bestReal[0], bestReal[1]);
    }

    /** {log-loss, 0–1 error, AUC} of held-out real rows. */
    private static double[] crossValidate(
            TwoSourceData data, double[] y1, double[] y2, int[] perm, int folds, WeightedRidge w) {
        int n1 = perm.length;
        double[] p = new double[n1];
        for (int f = 0; f < folds; f++) {
            int from = (int) ((long) f * n1 / folds);
            int to = (int) ((long) (f + 1) * n1 / folds);
            int[] held = Arrays.copyOfRange(perm, from, to);
            int[] train = new int[n1 - held.length];
            System.arraycopy(perm, 0, train, 0, from);
            System.arraycopy(perm, to, train, from, n1 - to);
            double[] beta = fit(data, y1, y2, train, w);
            double[] q = LogisticRidge.probabilities(beta, select(data.real(), held));
            for (int i = 0; i < held.length; i++) {
                p[held[i]] = q[i];
            }
        }
        return new double[] {LogisticRidge.logLoss(p, y1), 1 - BinaryMetrics.accuracy(p, y1), BinaryMetrics.auc(p, y1)};
    }

    private static double[] fit(TwoSourceData data, double[] y1, double[] y2, int[] realRows, WeightedRidge w) {
        int k = w.syntheticRows();
        int n = realRows.length + k;
        int d = data.dimension();
        double[] x = new double[n * d];
        double[] y = new double[n];
        double[] weight = new double[n];
        Matrix r = data.real();
        Matrix s = data.synthetic();
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < realRows.length; i++) {
                x[i + j * n] = r.get(realRows[i], j);
            }
            for (int i = 0; i < k; i++) {
                x[realRows.length + i + j * n] = s.get(i, j);
            }
        }
        for (int i = 0; i < realRows.length; i++) {
            y[i] = y1[realRows[i]];
            weight[i] = 1;
        }
        for (int i = 0; i < k; i++) {
            y[realRows.length + i] = y2[i];
            weight[realRows.length + i] = w.syntheticWeight();
        }
        return LogisticRidge.fit(new Matrix(n, d, x), y, weight, w.lambda());
    }

    private static double[] raw(Standardization u, double[] std) {
        double[] out = new double[std.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.rint((u.labelMean() + u.labelScale() * std[i]) * 1e12) / 1e12;
        }
        return out;
    }

    /** Logit model (w, b) on standardised features in the files' units. */
    private static RawModel logitModel(Standardization u, double[] beta) {
        int d = beta.length - 1;
        double[] c = new double[d];
        double b = beta[d];
        for (int j = 0; j < d; j++) {
            c[j] = u.constant()[j] ? 0 : beta[j] / u.featureScale()[j];
            b -= c[j] * u.featureMean()[j];
        }
        return new RawModel(b, c);
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static Matrix select(Matrix x, int[] rows) {
        Matrix out = Matrix.zeros(rows.length, x.cols());
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < rows.length; i++) {
                out.set(i, j, x.get(rows[i], j));
            }
        }
        return out;
    }
}
