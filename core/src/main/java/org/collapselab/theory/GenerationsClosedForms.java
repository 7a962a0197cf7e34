package org.collapselab.theory;

/**
 * Closed forms for least-squares retraining loops with Gaussian designs (docs/generations.md), independent of the general
 * recursion so each can check the other. φ = d/n; V0 = σ²d/(n − d − 1) is one OLS fit's noise error (exact for
 * n &gt; d + 1).
 */
public final class GenerationsClosedForms {
    private GenerationsClosedForms() {}

    /** V0 = σ²d/(n − d − 1): the exact expected noise error of one OLS fit on n &gt; d + 1 Gaussian rows. */
    public static double olsNoise(int d, long n, double sigma) {
        if (n <= d + 1L) {
            throw new IllegalArgumentException("OLS noise moment needs n > d + 1, got d = " + d + ", n = " + n);
        }
        return sigma * sigma * d / (n - d - 1.0);
    }

    /** Replace, no fresh real data: E_t = E_0 + t·σ²d/(n − d − 1) (each generation adds an independent fit noise). */
    public static double replace(double e0, int t, int d, long n, double sigma) {
        return e0 + t * olsNoise(d, n, sigma);
    }

    /**
     * Replace, no fresh real data, generation t on n_t = round(n·g^t) rows and synthetic labels corrected toward the truth
     * with strength γ: E_t = (1 − γ)²E_{t−1} + σ²d/(n_t − d − 1), exact for OLS and any Σ (the fit is unbiased for the
     * shifted teacher w1 + (1 − γ)e_{t−1} and adds independent noise); at γ = 0, E_K = E_0 + σ²Σ_t d/(n_t − d − 1)
     * (Yang, Feng et al., <i>Spend Wisely</i>, NeurIPS 2025: bounded iff Σ 1/n_t &lt; ∞).
     */
    public static double replaceGrowing(
            double e0, int t, int d, long n, double growth, double correction, double sigma) {
        double e = e0;
        for (int k = 1; k <= t; k++) {
            e = (1 - correction) * (1 - correction) * e + olsNoise(d, Math.round(n * Math.pow(growth, k)), sigma);
        }
        return e;
    }

    /** Accumulate, no fresh real data: E_t = E_0 + σ² Σ_{i=2..t+1} d/(i(i·n − d − 1)) (n &gt; d + 1). */
    public static double accumulate(double e0, int t, int d, long n, double sigma) {
        double e = e0;
        for (int i = 2; i <= t + 1; i++) {
            e += sigma * sigma * d / (i * (i * (double) n - d - 1));
        }
        return e;
    }

    /** The accumulate bound: E_∞ − E_0 ≤ (π²/6 − 1)·σ²d/(n − d − 1). */
    public static double accumulateBound(int d, long n, double sigma) {
        return (Math.PI * Math.PI / 6 - 1) * olsNoise(d, n, sigma);
    }

    /**
     * Fresh real share p1 = 1 − p2 every generation: E_t = V0 + ρ·E_{t−1} with ρ = p2² + p2·p1·d/(n − d − 1)
     * (the exact-moment form of p2² + p2·p1·φ/(1 − φ)).
     */
    public static double freshRealContraction(double p2, int d, long n) {
        return p2 * p2 + p2 * (1 - p2) * d / (n - d - 1.0);
    }

    /** One step of the fresh-real recursion E_t = V0 + ρ·E_{t−1}. */
    public static double freshRealStep(double previous, double p2, int d, long n, double sigma) {
        return olsNoise(d, n, sigma) + freshRealContraction(p2, d, n) * previous;
    }

    /**
     * The largest stable φ = d/n of the fresh-real OLS loop in the large-size limit: ρ = p2² + p2p1φ/(1 − φ) &lt; 1
     * iff φ &lt; (1 + p2)/(1 + 2p2) (p2 = ½: 0.75; p2 → 0: 1; p2 = 1: never stable, ρ = 1).
     */
    public static double criticalRatio(double p2) {
        return (1 + p2) / (1 + 2 * p2);
    }

    /** Vanishing real data (the paper's §5): E_t ≃ E_0 + t·E with E the error of one clean fit — linear growth. */
    public static double vanishingReal(double e0, int t, double cleanError) {
        return e0 + t * cleanError;
    }

    /** The paper's first-order iterative-mixing limit E/(1 − p2²) (p2 = synthetic share of every generation). */
    public static double iterativeMixingLimit(double cleanError, double p2) {
        return cleanError / (1 - p2 * p2);
    }
}
