package org.collapselab.nn.image.study;

/**
 * Outcome of one cell, measured on the real test split.
 *
 * @param testMse mean over test images of ‖f(x) − one-hot(y)‖²
 * @param testError test classification error (arg-max ≠ label)
 * @param trainLoss final training loss (mean per-image squared error against the training targets)
 * @param syntheticMse empirical c² of this cell's synthetic images: mean ‖synthetic target − one-hot true label‖²
 *     (NaN without synthetic images)
 * @param syntheticError fraction of this cell's synthetic images whose synthetic class is wrong (NaN without any)
 * @param realCount real images n1
 * @param syntheticCount synthetic images n2
 * @param epochs training passes (0 for the exact ridge fit)
 * @param steps optimiser steps (0 for the exact ridge fit)
 * @param trainSeconds wall time of training (or of the ridge solve)
 * @param samplesPerSecond training throughput (images forward+backward per second; NaN for ridge)
 * @param parameters trainable parameters
 * @param validationMse error on the real validation images of the kept weights (NaN without early stopping)
 * @param cpuSeconds CPU time of the cell's thread (training and evaluation on one PyTorch thread): its cost on an idle
 *     core whatever the machine's load; 0 or NaN when not measured (cells stored before it was recorded)
 */
public record CellResult(
        double testMse,
        double testError,
        double trainLoss,
        double syntheticMse,
        double syntheticError,
        int realCount,
        int syntheticCount,
        int epochs,
        long steps,
        double trainSeconds,
        double samplesPerSecond,
        long parameters,
        double validationMse,
        double cpuSeconds) {
    /** A result whose CPU time is not (yet) measured. */
    public CellResult(
            double testMse,
            double testError,
            double trainLoss,
            double syntheticMse,
            double syntheticError,
            int realCount,
            int syntheticCount,
            int epochs,
            long steps,
            double trainSeconds,
            double samplesPerSecond,
            long parameters,
            double validationMse) {
        this(
                testMse,
                testError,
                trainLoss,
                syntheticMse,
                syntheticError,
                realCount,
                syntheticCount,
                epochs,
                steps,
                trainSeconds,
                samplesPerSecond,
                parameters,
                validationMse,
                Double.NaN);
    }

    /** This result with its measured CPU time. */
    public CellResult withCpuSeconds(double s) {
        return new CellResult(
                testMse,
                testError,
                trainLoss,
                syntheticMse,
                syntheticError,
                realCount,
                syntheticCount,
                epochs,
                steps,
                trainSeconds,
                samplesPerSecond,
                parameters,
                validationMse,
                s);
    }
}
