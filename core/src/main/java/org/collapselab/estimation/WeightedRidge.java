package org.collapselab.estimation;

import org.collapselab.linalg.Matrix;
import org.collapselab.validation.ParameterException;

/**
 * The estimator of a training recipe on a user's data (the predicted side is {@link org.collapselab.advice.Recipe}):
 * the weighted ridge with an intercept b and a real-row offset o,
 * ŵ = argmin (1/n)[Σ_real (y − b − o − xᵀw)² + A·Σ_{first k synthetic} (y − b − xᵀw)²] + λ‖w‖² + (π/n)·o²,
 * n = n1 + k, on {@link Moments} of augmented rows [x, 1, 1] (real) and [x, 1, 0] (synthetic) (see
 * {@link #augment}). π = 0 gives the two sources separate intercepts; π = ∞ one shared intercept; in between the
 * offset is shrunk like a ridge coefficient (π = σ1²/τ_o² is the posterior mean under a N(0, τ_o²) prior on o).
 *
 * @param syntheticRows k, how many of the synthetic rows (in file order) are used
 * @param syntheticWeight A ≥ 0, the weight of each of them
 * @param lambda ridge penalty λ ≥ 0 (on the standardised features)
 * @param offsetPenalty π ≥ 0, or +∞ for a shared intercept
 */
public record WeightedRidge(int syntheticRows, double syntheticWeight, double lambda, double offsetPenalty) {
    public WeightedRidge {
        if (syntheticRows < 0) {
            throw new ParameterException("syntheticRows", syntheticRows, "an integer >= 0");
        }
        if (!(syntheticWeight >= 0) || Double.isInfinite(syntheticWeight)) {
            throw new ParameterException("syntheticWeight", syntheticWeight, "finite and >= 0");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new ParameterException("lambda", lambda, "finite and >= 0");
        }
        if (!(offsetPenalty >= 0)) {
            throw new ParameterException("offsetPenalty", offsetPenalty, ">= 0 (infinity: one shared intercept)");
        }
    }

    /** A recipe with one shared intercept. */
    public WeightedRidge(int syntheticRows, double syntheticWeight, double lambda) {
        this(syntheticRows, syntheticWeight, lambda, Double.POSITIVE_INFINITY);
    }

    /** Same recipe with another λ. */
    public WeightedRidge withLambda(double l) {
        return new WeightedRidge(syntheticRows, syntheticWeight, l, offsetPenalty);
    }

    /**
     * Fits the recipe from the real rows' augmented statistics and those of the chosen synthetic rows; returns
     * (w, b, o) of length d + 2.
     */
    public double[] fit(Moments real, Moments synthetic) {
        Moments all = real.plus(synthetic, syntheticRows == 0 ? 0 : syntheticWeight);
        int p = all.dimension();
        int d = p - 2;
        Matrix a = all.gram().copy();
        double[] b = all.xty().clone();
        long n = real.count() + (syntheticRows == 0 ? 0 : synthetic.count());
        for (int j = 0; j < d; j++) {
            a.set(j, j, a.get(j, j) + lambda * n);
        }
        a.set(d, d, a.get(d, d) + 1e-9 * n);
        if (Double.isInfinite(offsetPenalty) || syntheticRows == 0 || syntheticWeight == 0) {
            for (int j = 0; j < p; j++) { // o = 0: one intercept
                a.set(d + 1, j, 0);
                a.set(j, d + 1, 0);
            }
            a.set(d + 1, d + 1, 1);
            b[d + 1] = 0;
        } else {
            a.set(d + 1, d + 1, a.get(d + 1, d + 1) + offsetPenalty + 1e-9 * n);
        }
        return org.collapselab.model.RidgeRegression.solveSymmetric(a, b);
    }

    /** Rows x with two more columns: 1 (intercept) and {@code indicator} (1 for real rows, 0 for synthetic). */
    public static Matrix augment(Matrix x, double indicator) {
        int n = x.rows();
        int d = x.cols();
        double[] out = java.util.Arrays.copyOf(x.data(), n * (d + 2));
        java.util.Arrays.fill(out, n * d, n * (d + 1), 1.0);
        java.util.Arrays.fill(out, n * (d + 1), n * (d + 2), indicator);
        return new Matrix(n, d + 2, out);
    }

    /** Predictions (w, b, o)·[x, 1, indicator] for rows x (not augmented). */
    public static double[] predict(double[] coef, Matrix x, double indicator) {
        int d = x.cols();
        double[] w = java.util.Arrays.copyOf(coef, d);
        double[] out = org.collapselab.linalg.DenseOps.multiplyVector(x, w, false, 1.0);
        double c = coef[d] + indicator * coef[d + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] += c;
        }
        return out;
    }
}
