package org.collapselab.estimation;

import java.util.List;
import java.util.TreeSet;
import org.collapselab.advice.Advisor;
import org.collapselab.advice.Recipe;
import org.collapselab.advice.Regime;

/**
 * The recipe searches of {@code diagnose} (standardised units; λ is the penalty on standardised features):
 * by theory, minimising the predicted real-test error averaged over the estimates' uncertainty
 * ({@link DiagnosedRegime}), on a grid of k, log A and log λ refined around its best point; and by K-fold
 * cross-validation on the real rows ({@link RecipeValidation}) for the baselines.
 */
public final class RecipeSearch {
    /** log10 λ grid of the searches: λ = 0 and 10^{−6}, 10^{−5.5}, ..., 10^{1.5}. */
    static final double LOG_LAMBDA_LO = -6;

    static final double LOG_LAMBDA_HI = 1.5;
    /** log10 A grid: 10^{−3}, ..., 10^{1.5}. */
    static final double LOG_WEIGHT_LO = -3;

    static final double LOG_WEIGHT_HI = 1.5;

    private RecipeSearch() {}

    /** The values of k tried: 0, n2/8, n2/4, n2/2, n2 (the first k rows of the synthetic file). */
    public static int[] rowCounts(int n2) {
        TreeSet<Integer> ks = new TreeSet<>(List.of(0, n2));
        for (int f : new int[] {8, 4, 2}) {
            ks.add(Math.max(1, n2 / f));
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** λ grid (λ = 0 first). */
    static double[] lambdas(double step) {
        int m = (int) Math.round((LOG_LAMBDA_HI - LOG_LAMBDA_LO) / step);
        double[] out = new double[m + 2];
        for (int i = 0; i <= m; i++) {
            out[i + 1] = Math.pow(10, LOG_LAMBDA_LO + i * step);
        }
        return out;
    }

    /** A grid. */
    static double[] weights(double step) {
        int m = (int) Math.round((LOG_WEIGHT_HI - LOG_WEIGHT_LO) / step);
        double[] out = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            out[i] = Math.pow(10, LOG_WEIGHT_LO + i * step);
        }
        return out;
    }

    /** A scored recipe. */
    public record Scored(WeightedRidge recipe, double score) {}

    /**
     * The recipe with the lowest predicted error averaged over the nodes, with {@code realRows} real rows and the
     * real-row offset penalty {@code offsetPenalty}; {@code onlyRealRows} restricts the search to k = 0.
     */
    public static Scored byTheory(DiagnosedRegime regime, long realRows, double offsetPenalty, boolean onlyRealRows) {
        List<DiagnosedRegime.Node> nodes = regime.nodes();
        Regime[] regimes = new Regime[nodes.size()];
        for (int i = 0; i < regimes.length; i++) {
            regimes[i] = regime.regime(nodes.get(i), realRows);
        }
        int n2 = regime.estimates().syntheticRows();
        Scored best = null;
        for (int k : onlyRealRows ? new int[] {0} : rowCounts(n2)) {
            for (double a : k == 0 ? new double[] {1} : weights(0.5)) {
                for (double l : lambdas(0.5)) {
                    best = better(
                            best, score(regime, regimes, nodes, new WeightedRidge(k, a, l, offsetPenalty), realRows));
                }
            }
        }
        if (best == null) {
            return null;
        }
        WeightedRidge c = best.recipe();
        for (double da : c.syntheticRows() == 0 ? new double[] {0} : new double[] {-0.25, -0.125, 0, 0.125, 0.25}) {
            for (double dl : c.lambda() == 0 ? new double[] {0} : new double[] {-0.25, -0.125, 0, 0.125, 0.25}) {
                WeightedRidge w = new WeightedRidge(
                        c.syntheticRows(),
                        c.syntheticWeight() * Math.pow(10, da),
                        c.lambda() * Math.pow(10, dl),
                        offsetPenalty);
                best = better(best, score(regime, regimes, nodes, w, realRows));
            }
        }
        return best;
    }

    /** λ by theory (averaged over the nodes) for fixed k, A and offset penalty. */
    public static Scored lambdaByTheory(DiagnosedRegime regime, long realRows, int k, double a, double offsetPenalty) {
        List<DiagnosedRegime.Node> nodes = regime.nodes();
        Regime[] regimes = new Regime[nodes.size()];
        for (int i = 0; i < regimes.length; i++) {
            regimes[i] = regime.regime(nodes.get(i), realRows);
        }
        Scored best = null;
        for (double l : lambdas(0.25)) {
            best = better(best, score(regime, regimes, nodes, new WeightedRidge(k, a, l, offsetPenalty), realRows));
        }
        return best;
    }

    private static Scored score(
            DiagnosedRegime regime,
            Regime[] regimes,
            List<DiagnosedRegime.Node> nodes,
            WeightedRidge w,
            long realRows) {
        double sum = 0;
        for (int i = 0; i < regimes.length; i++) {
            Recipe r = Advisor.evaluate(regimes[i], w.syntheticRows(), w.syntheticWeight(), w.lambda(), 0);
            if (r == null) {
                return null;
            }
            DiagnosedRegime.Node n = nodes.get(i);
            sum += n.weight()
                    * (r.predictedTestError() + n.sigma2Real() + regime.interceptError(w, realRows, n.sigma2Real()));
        }
        return Double.isFinite(sum) ? new Scored(w, sum) : null;
    }

    /** λ by K-fold cross-validation for fixed k, A and offset penalty. */
    public static Scored lambdaByCv(RecipeValidation v, int k, double a, double offsetPenalty) {
        Scored best = null;
        for (double l : lambdas(0.5)) {
            WeightedRidge w = new WeightedRidge(k, a, l, offsetPenalty);
            best = better(best, new Scored(w, v.crossValidate(w).error()));
        }
        return best;
    }

    /**
     * A practitioner's choice: (k, A, λ) over k ∈ {@link #rowCounts}, A ∈ {0.01, 0.03, 0.1, 0.3, 1, 3} and the λ grid
     * by K-fold cross-validation on the real rows, one shared intercept (as with scikit-learn's Ridge and
     * {@code sample_weight}).
     */
    public static Scored practitioner(RecipeValidation v) {
        Scored best = null;
        for (int k : rowCounts(v.data().syntheticRows())) {
            for (double a : k == 0 ? new double[] {1} : new double[] {0.01, 0.03, 0.1, 0.3, 1, 3}) {
                best = better(best, lambdaByCv(v, k, a, Double.POSITIVE_INFINITY));
            }
        }
        return best;
    }

    private static Scored better(Scored a, Scored b) {
        if (a == null) {
            return b;
        }
        if (b == null || !Double.isFinite(b.score())) {
            return a;
        }
        return b.score() < a.score() ? b : a;
    }
}
