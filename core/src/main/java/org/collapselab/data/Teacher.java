package org.collapselab.data;

import java.util.random.RandomGenerator;

/** The real-data teacher w1: the paper's default random draw w1 ~ N(0, I_d/d). */
public final class Teacher {
    private Teacher() {}

    /** Draws w1 ~ N(0, I_d/d), so E‖w1‖² = 1. */
    public static double[] random(int d, RandomGenerator rng) {
        double[] w = new double[d];
        double scale = 1.0 / Math.sqrt(d);
        for (int i = 0; i < d; i++) {
            w[i] = scale * rng.nextGaussian();
        }
        return w;
    }
}
