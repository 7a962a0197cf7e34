package org.collapselab.theory;

/**
 * Safeguarded Newton root finder for a continuous, strictly increasing scalar function on a bracket [lo, hi] with
 * f(lo) ≤ 0 ≤ f(hi): Newton steps that leave the bracket (or stall) fall back to bisection, so convergence is
 * guaranteed.
 */
public final class ScalarRoot {
    /** Default maximum number of iterations. */
    public static final int MAX_ITERATIONS = 200;

    private ScalarRoot() {}

    /** Result of a root search: the root, |f(root)|, the iteration count and whether the tolerance was met. */
    public record Root(double x, double residual, int iterations, boolean converged) {}

    /** A function returning its value and derivative at x: {@code out[0] = f(x)}, {@code out[1] = f'(x)}. */
    @FunctionalInterface
    public interface Differentiable {
        void evaluate(double x, double[] out);
    }

    /**
     * Safeguarded Newton for an increasing f on a bracket [lo, hi] with f(lo) &lt; 0 &lt; f(hi): Newton steps from
     * {@code x0}, replaced by a bisection whenever a step leaves the current bracket or fails to shrink |f| enough, so
     * it converges whatever f's curvature; quadratically near the root. Stops when |f| ≤ fTol or the bracket is below
     * xTol (relative).
     */
    public static Root newton(Differentiable f, double lo, double hi, double x0, double xTol, double fTol) {
        double[] v = new double[2];
        double x = Math.min(Math.max(x0, lo), hi);
        f.evaluate(x, v);
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            double fx = v[0];
            if (Double.isNaN(fx)) {
                throw new TheoryException("fixed-point function is NaN at " + x);
            }
            if (Math.abs(fx) <= fTol) {
                return new Root(x, Math.abs(fx), iter, true);
            }
            if (fx < 0) {
                lo = x;
            } else {
                hi = x;
            }
            if (hi - lo <= xTol * Math.max(Math.abs(hi), Math.abs(lo))) {
                return new Root(x, Math.abs(fx), iter, true);
            }
            double next = v[1] > 0 ? x - fx / v[1] : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = lo > 0 && hi / lo > 4
                        ? Math.sqrt(lo * hi)
                        : 0.5 * (lo + hi); // bisection (geometric for wide positive brackets)
            }
            x = next;
            f.evaluate(x, v);
        }
        return new Root(x, Math.abs(v[0]), MAX_ITERATIONS, Math.abs(v[0]) <= fTol);
    }

    /**
     * Illinois regula falsi for a continuous f with f(lo) ≤ 0 ≤ f(hi) (values {@code flo}, {@code fhi} given): secant
     * steps inside the bracket, halving the stale end's value when the same end moves twice (superlinear, never
     * leaves the bracket). Stops when |f| ≤ fTol or the bracket is below xTol (relative). For functions without a
     * cheap derivative (nested fixed points).
     */
    public static Root regulaFalsi(
            java.util.function.DoubleUnaryOperator f,
            double lo,
            double flo,
            double hi,
            double fhi,
            double fTol,
            double xTol,
            int maxIterations) {
        double x = Math.abs(flo) <= Math.abs(fhi) ? lo : hi;
        double fx = Math.abs(flo) <= Math.abs(fhi) ? flo : fhi;
        int side = 0;
        int iter = 0;
        while (Math.abs(fx) > fTol && hi - lo > xTol * Math.max(1, Math.abs(hi)) && iter++ < maxIterations) {
            x = flo == fhi ? 0.5 * (lo + hi) : (lo * fhi - hi * flo) / (fhi - flo);
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            fx = f.applyAsDouble(x);
            if (Double.isNaN(fx)) {
                throw new TheoryException("fixed-point function is NaN at " + x);
            }
            if (fx <= 0) {
                lo = x;
                flo = fx;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = x;
                fhi = fx;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return new Root(x, Math.abs(fx), iter, Math.abs(fx) <= fTol);
    }

    /**
     * Root of an increasing f near a starting point x0: the bracket grows from x0 by doubling steps (1, 2, 4, …, at most
     * 1e4) on the side the sign of f says, then {@link #regulaFalsi}. Iterations count every evaluation.
     *
     * @throws TheoryException with {@code failure} when no bracket is found
     */
    public static Root expandAndSolve(
            java.util.function.DoubleUnaryOperator f,
            double x0,
            double fTol,
            double xTol,
            int maxIterations,
            String failure) {
        double fx = f.applyAsDouble(x0);
        int evaluations = 1;
        if (Math.abs(fx) <= fTol) {
            return new Root(x0, Math.abs(fx), evaluations, true);
        }
        double lo = x0, hi = x0, flo = fx, fhi = fx;
        for (double step = 1; flo > 0; step *= 2) {
            if (step > 1e4) {
                throw new TheoryException(failure);
            }
            lo -= step;
            flo = f.applyAsDouble(lo);
            evaluations++;
        }
        for (double step = 1; fhi < 0; step *= 2) {
            if (step > 1e4) {
                throw new TheoryException(failure);
            }
            hi += step;
            fhi = f.applyAsDouble(hi);
            evaluations++;
        }
        Root root = regulaFalsi(f, lo, flo, hi, fhi, fTol, xTol, maxIterations);
        return new Root(root.x(), root.residual(), root.iterations() + evaluations, root.converged());
    }
}
