package org.collapselab.advice;

import org.collapselab.theory.TheoryResult;

/**
 * A training recipe and its predicted error: the weighted ridge ŵ = argmin (1/n)[Σ_real r² + A·Σ_{k synthetic} r²]
 * + λ‖w‖², n = n1 + k (on m random projections for rp).
 *
 * @param syntheticRows k, the synthetic rows used (the first k of the pool)
 * @param syntheticWeight A, the weight of each synthetic row (1 = as much as a real row)
 * @param lambda λ ≥ 0
 * @param width m for rp, 0 for ridge
 * @param predictedTestError predicted excess risk E‖ŵ − w1‖²_Σ1 on real data
 * @param predictedTestMse predicted expected squared error on a fresh real row, E + σ1²
 * @param theory the theory point (parts and solver certificate)
 */
public record Recipe(
        long syntheticRows,
        double syntheticWeight,
        double lambda,
        long width,
        double predictedTestError,
        double predictedTestMse,
        TheoryResult theory) {}
