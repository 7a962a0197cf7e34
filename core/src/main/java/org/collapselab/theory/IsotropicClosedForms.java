package org.collapselab.theory;

/**
 * Closed forms for isotropic Σ = I (φ = d/n), used to check the general solver and to read off limits.
 * They are written independently of {@link RidgeTheory}'s solver: κ comes from the quadratic
 * κ² + (1 − λ − φ)κ − λ = 0.
 */
public final class IsotropicClosedForms {
    private IsotropicClosedForms() {}

    /** κ = ½[(λ + φ − 1) + √((λ + φ − 1)² + 4λ)] (for λ = 0: max(φ − 1, 0)). */
    public static double kappa(double phi, double lambda) {
        double b = lambda + phi - 1;
        if (lambda == 0) {
            return Math.max(b, 0);
        }
        // Numerically stable root of κ² − bκ − λ = 0.
        return b >= 0 ? 0.5 * (b + Math.sqrt(b * b + 4 * lambda)) : 2 * lambda / (Math.sqrt(b * b + 4 * lambda) - b);
    }

    /**
     * Ridge mixture error for Σ = I and any λ ≥ 0, as [bias, variance, zeta]: with κ above, t = 1/(1+κ)² and
     * g = 1/(1 − φt): bias = κ²t·g, variance = σ²φt·g, ζ = p2²c²[t + κ²t(g − 1)] + p2(1−p2)c²φt·g.
     */
    public static double[] ridge(double phi, double p2, double c2, double sigma, double lambda) {
        double kappa = kappa(phi, lambda);
        double t = 1.0 / ((1 + kappa) * (1 + kappa));
        double g = 1.0 / (1 - phi * t);
        double bias = kappa * kappa * t * g;
        double variance = sigma * sigma * phi * t * g;
        double zeta = p2 * p2 * c2 * (t + kappa * kappa * t * (g - 1)) + p2 * (1 - p2) * c2 * phi * t * g;
        return new double[] {bias, variance, zeta};
    }

    /**
     * Ridgeless (λ → 0) mixture error for Σ = I. Under-parameterised φ &lt; 1:
     * E = σ²φ/(1−φ) + p2²c² + p2(1−p2)c²φ/(1−φ) (the paper's formula: E → p2²c² as n → ∞).
     * Over-parameterised φ &gt; 1: E = (1 − 1/φ) + σ²/(φ−1) + p2²c²/φ + p2(1−p2)c²/(φ−1).
     */
    public static double ridgeless(double phi, double p2, double c2, double sigma) {
        if (phi < 1) {
            double r = phi / (1 - phi);
            return sigma * sigma * r + p2 * p2 * c2 + p2 * (1 - p2) * c2 * r;
        }
        if (phi > 1) {
            return (1 - 1 / phi) + sigma * sigma / (phi - 1) + p2 * p2 * c2 / phi + p2 * (1 - p2) * c2 / (phi - 1);
        }
        throw new TheoryException("ridgeless error diverges at phi = d/n = 1");
    }

    /** The strong-collapse plateau: lim_{n→∞} E = p2²c² (isotropic, λ → 0, d fixed). */
    public static double collapsePlateau(double p2, double c2) {
        return p2 * p2 * c2;
    }
}
