package org.collapselab.theory;

/**
 * Safeguarded Halley/Newton iteration for an increasing scalar function on a bracket: a Halley step when it is
 * well defined and stays inside the bracket, else a Newton step, else bisection. Used by
 * {@link RandomProjectionTheory}'s two stages (with their second derivatives); {@link ScalarRoot} has the
 * derivative-only and derivative-free variants.
 */
final class HalleyRoot {
    private HalleyRoot() {}

    /** f(x) with f'(x) written to derivatives[0] and f''(x) to derivatives[1]. */
    interface Function {
        double value(double x, double[] derivatives);
    }

    /** Root x (the last evaluated point), f(x), iterations, converged. */
    record Result(double x, double value, int iterations, boolean converged) {}

    /**
     * Root of an increasing f with f(lo) ≤ 0 ≤ f(hi) (not evaluated: the caller proves the bracket). Stops when
     * |f| ≤ fTol or the bracket is narrower than xTol·(1 + |x|); the returned point is always the last one evaluated.
     */
    static Result solve(Function f, double lo, double hi, double x0, double xTol, double fTol, int maxIterations) {
        double[] der = new double[2];
        double x = Math.min(Math.max(x0, lo), hi);
        for (int it = 1; ; it++) {
            double fx = f.value(x, der);
            if (Double.isNaN(fx)) {
                throw new TheoryException(
                        "random-projection solver lost precision (the fixed-point equation evaluated to NaN "
                                + "at theta = " + Math.exp(x) + ")");
            }
            if (fx < 0) {
                lo = x;
            } else {
                hi = x;
            }
            if (Math.abs(fx) <= fTol || hi - lo <= xTol * (1 + Math.abs(x))) {
                return new Result(x, fx, it, true);
            }
            if (it >= maxIterations) {
                return new Result(x, fx, it, false);
            }
            double f1 = der[0];
            double f2 = der[1];
            double next = Double.NaN;
            if (f1 > 0) {
                double den = 2 * f1 * f1 - fx * f2;
                next = den > 0 ? x - 2 * fx * f1 / den : Double.NaN;
                if (!(next > lo && next < hi)) {
                    next = x - fx / f1;
                }
            }
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            x = next;
        }
    }
}
