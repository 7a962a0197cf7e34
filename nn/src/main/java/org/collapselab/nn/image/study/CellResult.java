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
 */
public record CellResult(double testMse, double testError, double trainLoss, double syntheticMse,
    double syntheticError, int realCount, int syntheticCount, int epochs, long steps, double trainSeconds,
    double samplesPerSecond, long parameters, double validationMse) {}
