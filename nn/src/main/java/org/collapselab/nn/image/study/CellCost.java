package org.collapselab.nn.image.study;

import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.study.CellJob;

/**
 * Predicted CPU seconds of one image cell on one core, from its size alone: the runner starts the costliest cells
 * first ({@link ImageCellJob#cost}) and {@code --plan} prints the sum ({@link #planNote}).
 *
 * <p>Two-layer networks: {@code images · (A · 794 · width + B)} with images = n × the expected epochs (the schedule's
 * epochs, at most {@link #TYPICAL_EPOCHS}: early stopping ended the measured width-1024 cells after 15–20 epochs).
 * Random features: single-precision feature products {@code F / FLOAT_RATE} plus double-precision kernel, Gram and
 * inverse products {@code D / DOUBLE_RATE}, each counted in multiply-adds (the dual builds its features twice,
 * training and readout). Constants fitted to the per-thread CPU seconds ({@code cpuSeconds} in the result database)
 * of the full MNIST run's first 114 cells on the 2-core build machine (2026-11-29): two-layer width 1024 at n = 1000,
 * 2000, 4000, 8000 and 16000 took 2.2, 4.0, 7.2, 19.2 and 35.1 s per cell, width 4–512 at n = 2000 0.5–2.3 s;
 * random features at n = 2000 of width 500, 2000 and 8000 took 0.2, 1.4 and 4.2 s, of width 40,000 at n = 1000 and
 * 4000 14.9 and 38.9 s (of which ≈ 11 s are the test split's features), and of width 80,000 at n = 8000 238 s
 * (predicted 246).
 */
final class CellCost {
    /** Seconds per multiply-add of a trained layer (forward, backward and update). */
    static final double A = 1.2e-10;
    /** Seconds of per-image overhead in training (data copies, optimiser bookkeeping). */
    static final double B = 1.2e-5;
    /** Epochs after which early stopping typically ended a run. */
    static final int TYPICAL_EPOCHS = 20;
    /** Single-precision multiply-adds per second (features). */
    static final double FLOAT_RATE = 2.8e10;
    /** Double-precision multiply-adds per second (kernel, Gram matrix, inverse). */
    static final double DOUBLE_RATE = 3e10;
    /** Test images every cell is evaluated on (MNIST's test split). */
    static final int TEST = 10_000;

    private CellCost() {}

    /** Predicted CPU seconds of a cell. */
    static double seconds(CellSpec c) {
        double n = c.n();
        double w = c.width();
        if (c.network() == NetworkKind.RANDOM_FEATURES) {
            double k = w + 1;
            boolean dual = k > n;
            double f = ((dual ? 2 : 1) * n + TEST) * 784 * w;
            double d = (dual ? n * n * k + n * n * n : n * k * k + k * k * k) + TEST * k * 10;
            return f / FLOAT_RATE + d / DOUBLE_RATE;
        }
        double images = n * Math.min(TYPICAL_EPOCHS, c.training().forSize(c.n()).epochs());
        double perImage = c.network() == NetworkKind.TWO_LAYER ? A * 794 * w + B : A / 2 * 794 * w + B;
        return images * perImage + TEST * 794 * w * A / 3; // + the test split's forward pass
    }

    /**
     * "estimated: X core-minutes (...) → about Y minutes on T threads of an idle machine": the cells to compute,
     * by network kind, and the wall time when T cells run side by side (the longest cell is a lower bound).
     */
    static String planNote(List<CellJob> todo, int threads) {
        double twoLayer = 0;
        double rf = 0;
        double longest = 0;
        int cells = 0;
        for (CellJob j : todo) {
            if (j instanceof ImageCellJob c) {
                double s = seconds(c.spec());
                cells++;
                longest = Math.max(longest, s);
                if (c.spec().network() == NetworkKind.RANDOM_FEATURES) {
                    rf += s;
                } else {
                    twoLayer += s;
                }
            }
        }
        double total = twoLayer + rf;
        double wall = Math.max(longest, total / Math.max(1, threads));
        return String.format(
                Locale.ROOT,
                "estimated CPU: %.0f core-minutes for %d cells (trained networks %.0f, random "
                        + "features %.0f; longest cell %.0f s) → about %.0f minutes on %d thread(s) of an idle machine, plus "
                        + "start-up and generators (cost model calibrated on this machine's measured per-cell CPU seconds)",
                total / 60,
                cells,
                twoLayer / 60,
                rf / 60,
                longest,
                wall / 60,
                threads);
    }
}
