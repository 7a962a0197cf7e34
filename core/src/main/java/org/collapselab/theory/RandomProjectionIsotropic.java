package org.collapselab.theory;

import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Closed forms of {@link RandomProjectionTheory} for isotropic Σ = I_d, used to check the general solver.
 *
 * <p>With μ = m/d, ν = n/d and s = 1/(1+θ) ∈ (0, min(1, μ, ν)], the coupled fixed points reduce to the cubic
 * <pre>
 *   (1 − s)(μ − s)(ν − s) = λ ν s,
 * </pre>
 * whose smallest real root is the one sought (Cardano's formula / the trigonometric method, polished by Newton).
 * With x₁ = 1 − s, x_m = μ − s, x_n = ν − s (the small gap(s), those of the parameters equal to min(1, μ, ν), are
 * re-solved from the cubic written in the gap, so there is no cancellation as λ → 0, even at ties such as m = d)
 * and H = x_m s x₁/(x_m + s x₁):
 * <pre>
 *   df2/d = s − H = s²(x_m + x₁)/(x_m + s x₁),   g = ν/(x_n + H),   g − 1 = (s − H)/(x_n + H)
 *   Bias  = g μ x₁²/(x_m + s x₁)
 *   K/d   = x_m²/(x_m + s x₁)            (m ≤ d),     μ x₁²/(x_m + s x₁)   (m &gt; d)
 *   ζ     = c² p2 (g − 1)(1 − p2 min(μ, 1)) + p2² c² [df2/d + (g − 1) K/d],   Var = σ²(g − 1)
 * </pre>
 * Ridgeless (λ = 0), explicitly:
 * <ul>
 *   <li>m &lt; n, m &lt; d: E = n(d−m)/(d(n−m)) + σ²m/(n−m) + c²p2 (m/(n−m))(1 − p2 m/d) + p2²c² m/d;</li>
 *   <li>n &lt; m, n &lt; d: Bias = m(d−n)/(d(m−n)), g − 1 = n/(m−n) + n/(d−n), df2 = n − 1/(1/(m−n) + d/(n(d−n))),
 *       K = d(m−n)²/(dm − n²) (m ≤ d) or m(d−n)²/(dm − n²) (m &gt; d), and ζ as above;</li>
 *   <li>d ≤ m, d &lt; n: E = (σ² + c²p2(1−p2)) d/(n−d) + p2²c² (Bias = 0);</li>
 *   <li>n = min(m, d): diverges.</li>
 * </ul>
 */
public final class RandomProjectionIsotropic {
    private RandomProjectionIsotropic() {}

    /** Isotropic prediction for any λ ≥ 0 (p2 used as given); {@link TheoryResult#effectiveRegularization()} is θ = (1 − s)/s. */
    public static TheoryResult predict(int d, long n, long m, double p2, double c2, double sigma, double lambda) {
        Problem.randomProjection(Spectrum.isotropic(d), n, m, p2, c2, sigma, lambda);
        if (lambda == 0) {
            return ridgeless(d, n, m, p2, c2, sigma);
        }
        double mu = (double) m / d;
        double nu = (double) n / d;
        double s = smallestRoot(mu, nu, lambda);
        // Gaps x1 = 1 − s, xm = μ − s, xn = ν − s. The ones whose parameter equals sMax = min(1, μ, ν) share the small
        // gap x = sMax − s; for small x it is re-solved from x^k Π(others) = λν(sMax − x) (k = number of tied
        // parameters), which is well conditioned where the cubic in s has a (near-)double root.
        double sMax = Math.min(1, Math.min(mu, nu));
        boolean t1 = d <= m && d <= n;
        boolean tm = m <= d && m <= n;
        boolean tn = n <= d && n <= m;
        int k = (t1 ? 1 : 0) + (tm ? 1 : 0) + (tn ? 1 : 0);
        double x = sMax - s;
        if (x < 1e-2 * sMax) {
            x = Math.max(x, Double.MIN_NORMAL);
            for (int it = 0; it < 100; it++) {
                double others = (t1 ? 1 : 1 - sMax + x) * (tm ? 1 : mu - sMax + x) * (tn ? 1 : nu - sMax + x);
                double next = Math.pow(lambda * nu * (sMax - x) / others, 1.0 / k);
                boolean done = Math.abs(next - x) <= 1e-15 * next;
                x = next;
                if (done) {
                    break;
                }
            }
            s = sMax - x;
        }
        double x1 = t1 ? x : 1 - s;
        double xm = tm ? x : mu - s;
        double xn = tn ? x : nu - s;
        double rhs = lambda * nu * s;
        double den = xm + s * x1;
        double h = xm * s * x1 / den;
        double df2PerD = s * s * (xm + x1) / den; // = s − H without cancellation
        double g = nu / (xn + h);
        double gMinus1 = df2PerD / (xn + h);
        double bias = g * mu * x1 * x1 / den;
        double kPerD = m <= d ? xm * xm / den : mu * x1 * x1 / den;
        double zeta = c2 * p2 * gMinus1 * (1 - p2 * Math.min(mu, 1)) + p2 * p2 * c2 * (df2PerD + gMinus1 * kPerD);
        double variance = sigma * sigma * gMinus1;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("isotropic random-projection error is not finite at lambda = " + lambda);
        }
        double cubicResidual = Math.abs(x1 * xm * xn - rhs) / Math.max(rhs, Double.MIN_NORMAL);
        return new TheoryResult(total, bias, variance, zeta, x1 / s, true, 0, cubicResidual);
    }

    /** Ridgeless (λ = 0) closed form; throws {@link TheoryException} at n = min(m, d). */
    public static TheoryResult ridgeless(int d, long n, long m, double p2, double c2, double sigma) {
        Problem.randomProjection(Spectrum.isotropic(d), n, m, p2, c2, sigma, 0);
        double bias;
        double gMinus1;
        double zeta;
        double theta;
        if (n == Math.min(m, d)) {
            throw new TheoryException(
                    "random-projection test error diverges: lambda = 0 at the interpolation threshold "
                            + "n = min(m, d) (n = " + n + ", m = " + m + ", d = " + d + ")");
        } else if (m < n && m < d) {
            bias = (double) n * (d - m) / ((double) d * (n - m));
            gMinus1 = (double) m / (n - m);
            zeta = c2 * p2 * gMinus1 * (1 - p2 * m / d) + p2 * p2 * c2 * m / d;
            theta = (double) d / m - 1;
        } else if (n < m && n < d) {
            bias = (double) m * (d - n) / ((double) d * (m - n));
            gMinus1 = (double) n / (m - n) + (double) n / (d - n);
            double df2 = n - 1 / (1.0 / (m - n) + (double) d / ((double) n * (d - n)));
            double dmn = (double) d * m - (double) n * n;
            double k = m <= d ? d * Math.pow(m - n, 2) / dmn : m * Math.pow(d - n, 2) / dmn;
            zeta = c2 * p2 * gMinus1 * (1 - p2 * Math.min(m, d) / d) + p2 * p2 * (c2 / d) * (df2 + gMinus1 * k);
            theta = (double) d / n - 1;
        } else { // d ≤ m and d < n
            bias = 0;
            gMinus1 = (double) d / (n - d);
            zeta = c2 * p2 * (1 - p2) * gMinus1 + p2 * p2 * c2;
            theta = 0;
        }
        double variance = sigma * sigma * gMinus1;
        return new TheoryResult(bias + variance + zeta, bias, variance, zeta, theta, true, 0, 0);
    }

    /**
     * Smallest real root of (s − 1)(s − μ)(s − ν) + λνs = 0, which lies in (0, min(1, μ, ν)), by the closed-form
     * cubic formula followed by two Newton polishing steps.
     */
    static double smallestRoot(double mu, double nu, double lambda) {
        // Monic s³ + a s² + b s + c.
        double a = -(1 + mu + nu);
        double b = mu + nu + mu * nu + lambda * nu;
        double c = -mu * nu;
        double shift = a / 3;
        double p = b - a * a / 3;
        double q = 2 * a * a * a / 27 - a * b / 3 + c;
        double disc = q * q / 4 + p * p * p / 27;
        double t;
        if (disc < 0) { // three real roots: trigonometric form, smallest is k = 1 (angle + 2π/3)
            double r = Math.sqrt(-p / 3);
            double arg = Math.max(-1, Math.min(1, (3 * q / (2 * p)) * Math.sqrt(-3 / p)));
            double phi = Math.acos(arg) / 3;
            t = 2 * r * Math.cos(phi + 2 * Math.PI / 3);
            double t0 = 2 * r * Math.cos(phi);
            double t2 = 2 * r * Math.cos(phi + 4 * Math.PI / 3);
            t = Math.min(t, Math.min(t0, t2));
        } else {
            double sq = Math.sqrt(disc);
            t = Math.cbrt(-q / 2 + sq) + Math.cbrt(-q / 2 - sq);
        }
        double s = t - shift;
        double hi = Math.min(1, Math.min(mu, nu));
        s = Math.min(Math.max(s, 0), hi);
        for (int i = 0; i < 2; i++) {
            double f = ((s + a) * s + b) * s + c;
            double df = (3 * s + 2 * a) * s + b;
            double next = s - f / df;
            if (df > 0 && next > 0 && next < hi) {
                s = next;
            }
        }
        return s;
    }
}
