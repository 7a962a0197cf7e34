package org.collapselab.forecast;

/**
 * Which of the law's parameters are fitted and their search ranges. The nonlinear ones are searched in
 * x = (log10 d, α, log10 λ, γ) within [lower, upper] (equal ends fix a value); the linear ones (floor, scale, noise,
 * gap) are either fitted (≥ 0, by non-negative least squares at every x) or held at 0.
 *
 * @param lower lower ends of x
 * @param upper upper ends of x
 * @param linear which of (floor, scale, noise, gap) are fitted
 * @param floorValue the floor when it is not fitted (0, or a floor the user knows)
 * @param name short name for output
 */
public record LawModel(double[] lower, double[] upper, boolean[] linear, double floorValue, String name) {
    /** log10 of the smallest λ_eff searched (relative to the top eigenvalue): effectively ridgeless. */
    public static final double MIN_LOG_LAMBDA = -9;

    public LawModel {
        if (lower.length != 4 || upper.length != 4 || linear.length != 4) {
            throw new IllegalArgumentException("4 nonlinear ranges and 4 linear flags expected");
        }
        for (int i = 0; i < 4; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("empty range for parameter " + i);
            }
        }
        if (!(floorValue >= 0) || !Double.isFinite(floorValue)) {
            throw new IllegalArgumentException("floor must be finite and >= 0, got " + floorValue);
        }
        lower = lower.clone();
        upper = upper.clone();
        linear = linear.clone();
    }

    /**
     * The full law: d_eff in [1, 1e9], α in [0, 3], λ_eff in [1e-9, 100], γ in [−1, 3], and all four coefficients.
     */
    public static LawModel standard() {
        return new LawModel(
                new double[] {0, 0, MIN_LOG_LAMBDA, -1},
                new double[] {9, 3, 2, 3},
                new boolean[] {true, true, true, true},
                0,
                "standard");
    }

    /** The same with the paper's gap profile γ = 0 (E ΔΔᵀ ∝ Σ⁻¹). */
    public static LawModel paperGap() {
        return standard().withFixed(3, 0, "paper-gap");
    }

    /**
     * A learner that saturates within the pilots' reach: d_eff at most half the largest pilot size (so that the
     * pilots see at least a doubling of n beyond it), the paper's gap profile (γ = 0). All four coefficients fitted.
     */
    public static LawModel saturating(long largestPilot) {
        return new LawModel(
                new double[] {0, 0, MIN_LOG_LAMBDA, 0},
                new double[] {Math.max(1e-3, Math.log10(largestPilot / 2.0)), 3, 2, 0},
                new boolean[] {true, true, true, true},
                0,
                "saturating");
    }

    /**
     * A learner whose effective dimension is beyond any size in view (d_eff = 1e9): the error falls as a power law set
     * by α, and the synthetic gap is learned as fast as its profile γ puts it on the learnable directions.
     */
    public static LawModel unbounded() {
        return new LawModel(
                new double[] {9, 0, MIN_LOG_LAMBDA, -1},
                new double[] {9, 3, 2, 3},
                new boolean[] {true, true, true, true},
                0,
                "unbounded");
    }

    /** A copy with nonlinear parameter {@code i} fixed at x_i = {@code value}. */
    public LawModel withFixed(int i, double value, String newName) {
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        lo[i] = value;
        hi[i] = value;
        return new LawModel(lo, hi, linear, floorValue, newName);
    }

    /** A copy with linear coefficient {@code i} (0 floor, 1 scale, 2 noise, 3 gap) held at 0. */
    public LawModel withoutCoefficient(int i, String newName) {
        boolean[] l = linear.clone();
        l[i] = false;
        return new LawModel(lower, upper, l, floorValue, newName);
    }

    /** The same model under another name. */
    public LawModel named(String newName) {
        return new LawModel(lower, upper, linear, floorValue, newName);
    }

    /** A copy with the floor held at a known value (not fitted). */
    public LawModel withFloor(double value, String newName) {
        boolean[] l = linear.clone();
        l[0] = false;
        return new LawModel(lower, upper, l, value, newName);
    }

    /** Indices of the free nonlinear parameters. */
    int[] free() {
        int c = 0;
        for (int i = 0; i < 4; i++) {
            if (upper[i] > lower[i]) {
                c++;
            }
        }
        int[] out = new int[c];
        for (int i = 0, j = 0; i < 4; i++) {
            if (upper[i] > lower[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Number of fitted parameters (free nonlinear plus fitted coefficients). */
    public int parameterCount() {
        int c = free().length;
        for (boolean b : linear) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The shape at x = (log10 d, α, log10 λ, γ). */
    LawShape shape(double[] x) {
        return new LawShape(
                Math.min(LawShape.MAX_DIMENSION, Math.max(1, Math.pow(10, x[0]))), x[1], Math.pow(10, x[2]), x[3]);
    }

    /** x of a shape (λ below 1e-9 maps to the lower end). */
    static double[] vector(LawShape s) {
        return new double[] {
            Math.log10(s.dimension()), s.exponent(), Math.log10(Math.max(1e-9, s.lambda())), s.shiftExponent()
        };
    }
}
