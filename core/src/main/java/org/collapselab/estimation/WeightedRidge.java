package org.collapselab.estimation;

import org.collapselab.validation.ParameterException;

/**
 * The estimator of a training recipe on a user's data (the predicted side is {@link org.collapselab.advice.Recipe}):
 * the weighted ridge ŵ = argmin (1/n)[Σ_real r² + A·Σ_{first k synthetic} r²]
 * + λ‖w‖² with n = n1 + k.
 *
 * @param syntheticRows k, how many of the synthetic rows (in file order) are used
 * @param syntheticWeight A ≥ 0, the weight of each of them
 * @param lambda ridge penalty λ ≥ 0
 */
public record WeightedRidge(int syntheticRows, double syntheticWeight, double lambda) {
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
  }

  /** Fits the recipe from the real rows' statistics and those of the chosen synthetic rows. */
  public double[] fit(Moments real, Moments synthetic) {
    Moments all = real.plus(synthetic, syntheticWeight);
    org.collapselab.linalg.Matrix a = all.gram().copy();
    a.addToDiagonal(lambda * (real.count() + synthetic.count()));
    return org.collapselab.model.RidgeRegression.solveSymmetric(a, all.xty());
  }
}
