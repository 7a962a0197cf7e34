package org.collapselab.classification;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;

/**
 * The standard normal law: Φ (through commons-math3's erfc, accurate in the tails), its density, and Gauss–Legendre
 * nodes for the composite quadratures of the logistic channel.
 */
public final class Gaussian {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** Nodes per panel of the composite Gauss–Legendre rule. */
    static final int LEGENDRE_POINTS = 16;

    private static final double[] NODES = new double[LEGENDRE_POINTS];
    private static final double[] WEIGHTS = new double[LEGENDRE_POINTS];

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(LEGENDRE_POINTS);
        for (int i = 0; i < LEGENDRE_POINTS; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private Gaussian() {}

    /** Φ(x) = P(N(0, 1) ≤ x). */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT_2);
    }

    /** φ(x), the standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Gauss–Legendre node i on [−1, 1]. */
    static double node(int i) {
        return NODES[i];
    }

    /** Gauss–Legendre weight i on [−1, 1] (the weights sum to 2). */
    static double weight(int i) {
        return WEIGHTS[i];
    }
}
