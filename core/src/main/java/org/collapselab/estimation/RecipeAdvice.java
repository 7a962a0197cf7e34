package org.collapselab.estimation;

/**
 * The advisor's answer for a diagnosed regime: the recommended recipe and the two baselines, each with its predicted
 * test error — the expected squared error on a fresh real row, label noise included (comparable to a measured MSE).
 *
 * @param recommended the recipe with the lowest predicted error
 * @param predicted its predicted error
 * @param realOnly the best real-only recipe (k = 0)
 * @param realOnlyPredicted its predicted error
 * @param allSynthetic every synthetic row at weight 1 (the naive mix)
 * @param allSyntheticPredicted its predicted error
 */
public record RecipeAdvice(Recipe recommended, double predicted, Recipe realOnly, double realOnlyPredicted,
                           Recipe allSynthetic, double allSyntheticPredicted) {
}
