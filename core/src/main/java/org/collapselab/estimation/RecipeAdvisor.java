package org.collapselab.estimation;

/**
 * What {@code diagnose} needs from the theory-based recipe search ({@code advise}, issue 9 §3): a recommendation for
 * the estimated regime and the predicted error of any recipe. {@code diagnose} never searches recipes itself.
 */
public interface RecipeAdvisor {
  /** The recommended recipe and the baselines for data with these estimates. */
  RecipeAdvice advise(SourceEstimates estimates);

  /**
   * Predicted expected squared error on a fresh real row (label noise included) of {@code recipe} trained on
   * {@code realRows} real rows (n1, or fewer for a cross-validation fold) plus the recipe's synthetic rows.
   */
  double predict(SourceEstimates estimates, Recipe recipe, long realRows);
}
