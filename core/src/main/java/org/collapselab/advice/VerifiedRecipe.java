package org.collapselab.advice;

import org.collapselab.theory.TheoryResult;

/**
 * Generate a pool of N synthetic rows, pass them through a verifier, train ridge (or rp) with λ on the n1 real rows
 * plus the kept rows (weight 1); its prediction by theory.
 *
 * @param generated N, the synthetic rows generated (the pool)
 * @param keptRows expected kept rows
 * @param keptBadRows expected kept bad rows
 * @param lambda λ ≥ 0
 * @param width m for rp, 0 for ridge
 * @param predictedTestError predicted excess risk on real data
 * @param predictedTestMse predicted squared error on a fresh real row (σ1² included)
 * @param theory the theory point (averaged over the kept counts)
 */
public record VerifiedRecipe(
        long generated,
        double keptRows,
        double keptBadRows,
        double lambda,
        long width,
        double predictedTestError,
        double predictedTestMse,
        TheoryResult theory) {}
