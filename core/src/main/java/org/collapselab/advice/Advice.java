package org.collapselab.advice;

/**
 * What {@link Advisor#advise(Regime)} recommends: the best recipe found by theory, beside the two obvious ones
 * (each with λ, and m for rp, tuned by theory too).
 *
 * @param regime the input
 * @param best lowest predicted real-test error over k ≤ n2, A, λ (and m)
 * @param realOnly k = 0
 * @param useEverything k = n2, A = 1
 * @param gainOverRealOnly realOnly.predictedTestMse − best.predictedTestMse (≥ 0)
 * @param gainOverEverything useEverything.predictedTestMse − best.predictedTestMse (≥ 0)
 * @param evaluations theory points evaluated by the search
 */
public record Advice(
        Regime regime,
        Recipe best,
        Recipe realOnly,
        Recipe useEverything,
        double gainOverRealOnly,
        double gainOverEverything,
        int evaluations) {}
