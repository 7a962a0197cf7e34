package org.collapselab.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Safeguarded root finder for a continuous, strictly increasing scalar function on a bracket [lo, hi] with
 * f(lo) ≤ 0 ≤ f(hi): Brent-style steps (secant/inverse-quadratic) inside the bracket, falling back to bisection, so
 * convergence is guaranteed. Works on any monotone f; callers typically solve in log-space for positive roots.
 */
public final class ScalarRoot {
  /** Default maximum number of iterations. */
  public static final int MAX_ITERATIONS = 200;

  private ScalarRoot() {}

  /** Result of a root search: the root, |f(root)|, the iteration count and whether the tolerance was met. */
  public record Root(double x, double residual, int iterations, boolean converged) {
  }

  /**
   * Finds x in [lo, hi] with f(x) = 0 by Brent's method.
   *
   * @param f function with f(lo) ≤ 0 ≤ f(hi) (or the reverse)
   * @param xTol absolute tolerance on x
   * @param fTol tolerance on |f(x)|: stop when met
   */
  public static Root brent(DoubleUnaryOperator f, double lo, double hi, double xTol, double fTol) {
    double a = lo;
    double b = hi;
    double fa = f.applyAsDouble(a);
    double fb = f.applyAsDouble(b);
    if (Double.isNaN(fa) || Double.isNaN(fb)) {
      throw new TheoryException("fixed-point function is NaN at the bracket [" + lo + ", " + hi + "]");
    }
    if (fa == 0) {
      return new Root(a, 0, 0, true);
    }
    if (fb == 0) {
      return new Root(b, 0, 0, true);
    }
    if (Math.signum(fa) == Math.signum(fb)) {
      throw new TheoryException("fixed point not bracketed: f(" + lo + ")=" + fa + ", f(" + hi + ")=" + fb);
    }
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
      if (Math.signum(fb) == Math.signum(fc)) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol = 2 * Math.ulp(b) + 0.5 * xTol;
      double m = 0.5 * (c - b);
      if (Math.abs(fb) <= fTol || Math.abs(m) <= tol) {
        return new Root(b, Math.abs(fb), iter, Math.abs(fb) <= fTol || Math.abs(m) <= tol);
      }
      if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2 * m * s;
          q = 1 - s;
        } else {
          double qq = fa / fc;
          double r = fb / fc;
          p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
          q = (qq - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
          e = d;
          d = p / q;
        } else {
          d = m;
          e = d;
        }
      } else {
        d = m;
        e = d;
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
      fb = f.applyAsDouble(b);
      if (Double.isNaN(fb)) {
        throw new TheoryException("fixed-point function became NaN at " + b);
      }
    }
    return new Root(b, Math.abs(fb), MAX_ITERATIONS, false);
  }

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
        next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi); // bisection (geometric for wide positive brackets)
      }
      x = next;
      f.evaluate(x, v);
    }
    return new Root(x, Math.abs(v[0]), MAX_ITERATIONS, Math.abs(v[0]) <= fTol);
  }
}
