package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Random-projection theory for two sources with the same covariance (Σ2 = Σ1 = Σ) but their own label noise σ1, σ2
 * and a weight A on each synthetic row: v̂ = argmin (1/n)[Σ_real r² + A Σ_syn r²] + λ‖v‖² on z = Sᵀx.
 *
 * <p><b>Derivation.</b> Conditionally on S this is {@link TwoSourceRidgeTheory} in R^m with Σ1 = Σ2 = F = SᵀΣS,
 * teacher v1, shift δ (E δδᵀ = (c²/d)F⁺) and the unseen parts of xᵀw1 (variance U_w, both groups) and of xᵀΔ
 * (c²(1 − rank/d), synthetic rows) as extra noise, exactly as in {@link RandomProjectionTheory}. With one covariance the
 * pencil collapses: with the feature-space regularisation κ' and f1 = tr F(F+κ')⁻¹, f2 = tr F²(F+κ')⁻², the ratio
 * r = t2/t1 and c = p1 + p2 r solve
 * <pre>
 *   κ'(c − f1/n) = λ,     r (c n − (1 − A) f1) = A c n     (a quadratic in r given f1)
 * </pre>
 * and with s = p1 + p2 r², g_w = 1/(1 − s f2/(c² n)), ε̃ = g_w f2/(c² n):
 * <pre>
 *   Bias + U_w terms = g_w β        Var = (p1 σ1² + p2 r² σ2²) ε̃
 *   ζ = p2 r² ε̃ c² + p2² r² g_w (c²/d) f2/c² − 2 p2² r³ ε̃ (c²/d) f1/c      (c² here: the shift quality)
 * </pre>
 * where (deterministic equivalents over S, as in {@link RandomProjectionTheory}) κ' = θ(m − D1(θ))/d, f1 ≍ D1(θ),
 * f2 ≍ (D1 e + a_m D2)/(a_m + e), β = θ m e/(d(a_m + e)) with e = D1 − D2, a_m = m − D1. The clean part is g_w β
 * because the unseen teacher part is noise in both groups and (p1 + p2 r²)ε̃ = g_w − 1. At A = 1: r = c = s = 1 and
 * this is {@link RandomProjectionTheory} with σ² → p1σ1² + p2σ2² (that case is delegated to it, so the reduction
 * is exact). At λ = 0 with n ≤ m the interpolating solution ignores the weights (r = 1).
 *
 * <p><b>Solver.</b> θ = θ* + ε, θ* the λ → 0 threshold (D1(θ*) = min(m, n, d) when that is below d, else 0), and
 * log ε solves log θ + log(m − D1) + log(c n − D1) = log(λ d n) by bracketed regula falsi (Illinois); O(d) per
 * evaluation. m − D1 uses the cancellation-free gap; c n − D1 does not, so λ below ~1e-12 relative to the
 * eigenvalues is less accurate here than in {@link RandomProjectionTheory}.
 */
public final class WeightedRandomProjectionTheory {
    private WeightedRandomProjectionTheory() {}

    /** Predicted error of an rp problem with Σ2 = Σ1 (σ2 and A free), at n2 = round(p2·n); Σ2 ≠ Σ1: {@link SketchedTwoSourceTheory}. */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RANDOM_PROJECTION) {
            throw new TheoryException("WeightedRandomProjectionTheory needs a random-projection (rp) problem, got "
                    + p.model().key());
        }
        if (p.syntheticSpectrum() != null) {
            return SketchedTwoSourceTheory.predict(p);
        }
        return predict(
                p.spectrum(),
                p.realCount(),
                p.syntheticCount(),
                p.m(),
                p.c2(),
                p.sigma(),
                p.syntheticSigma(),
                p.syntheticWeight(),
                p.lambda());
    }

    /** Same from raw parameters. */
    public static TheoryResult predict(
            Spectrum spectrum,
            long n1,
            long n2,
            long m,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        long n = n1 + n2;
        double p1 = (double) n1 / n;
        double p2 = (double) n2 / n;
        if (weight == 0 && n2 > 0) {
            // Zero-weight rows drop out: rp on the n1 real rows with the 1/n normalisation, i.e. penalty λ n/n1.
            TheoryResult t = RandomProjectionTheory.predict(spectrum, n1, m, 0, 0, sigma1, lambda * n / n1);
            return new TheoryResult(
                    t.testError(),
                    t.bias(),
                    t.variance(),
                    0,
                    t.effectiveRegularization(),
                    t.converged(),
                    t.iterations(),
                    t.residual());
        }
        if (weight == 1 || n2 == 0) {
            TheoryResult t = RandomProjectionTheory.predict(spectrum, n, m, p2, c2, 0, lambda);
            double noise = p1 * sigma1 * sigma1 + p2 * sigma2 * sigma2;
            double gMinus1 = RandomProjectionTheory.predict(spectrum, n, m, 0, 0, 1, lambda)
                    .variance();
            double variance = noise * gMinus1;
            return new TheoryResult(
                    t.testError() + variance,
                    t.bias(),
                    variance,
                    t.zeta(),
                    t.effectiveRegularization(),
                    t.converged(),
                    t.iterations(),
                    t.residual());
        }
        return general(spectrum.eigenvalues(), n, m, p1, p2, c2, sigma1, sigma2, weight, lambda);
    }

    private static TheoryResult general(
            double[] sig,
            long n,
            long m,
            double p1,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        int d = sig.length;
        int q = (int) Math.min(Math.min(m, n), d);
        if (lambda == 0 && n == Math.min(m, d)) {
            throw new TheoryException("random-projection test error diverges: lambda = 0 at n = min(m, d) = " + n);
        }
        double thetaStar = q < d ? threshold(sig, q) : 0;
        double gapStar = 0;
        if (q < d) {
            gapStar = q - d1(sig, thetaStar);
        }
        Eval ev = new Eval(sig, n, m, q, p1, p2, weight, thetaStar, gapStar);
        int iterations = 0;
        double residual = 0;
        double eps = 0;
        if (lambda > 0) {
            double target = Math.log(lambda * d * n);
            double trace = 0;
            for (double s : sig) {
                trace += s;
            }
            double hi = Math.log(Math.max(2 * trace / Math.min(m, n), 4.0 * d * lambda / m) + 1);
            double fhi = ev.at(hi) - target;
            while (fhi < 0) {
                hi += 2;
                fhi = ev.at(hi) - target;
                iterations++;
            }
            double lo = hi - 2;
            double flo = ev.at(lo) - target;
            while (flo > 0) {
                lo -= 4;
                flo = ev.at(lo) - target;
                if (++iterations > 2000) {
                    throw new TheoryException(
                            "could not bracket the weighted random-projection fixed point (lambda = " + lambda + ")");
                }
            }
            ScalarRoot.Root root = ScalarRoot.regulaFalsi(v -> ev.at(v) - target, lo, flo, hi, fhi, 1e-13, 1e-14, 300);
            iterations += root.iterations();
            double x = root.x();
            double fx = root.residual();
            residual = Math.abs(fx);
            eps = Math.exp(x);
        }
        ev.at(lambda > 0 ? Math.log(eps) : Double.NEGATIVE_INFINITY);
        double theta = thetaStar + eps;
        double f1 = ev.d1;
        double dd2 = 0;
        for (double s : sig) {
            double t = s / (s + theta);
            dd2 += t * t;
        }
        double e = f1 - dd2;
        double am = ev.am;
        double f2 = am + e == 0 ? f1 : (f1 * e + am * dd2) / (am + e);
        double beta = theta == 0 || am + e == 0 ? 0 : theta * m * e / (d * (am + e));
        double r = ev.r;
        double c = p1 + p2 * r;
        double s = p1 + p2 * r * r;
        double shrink = 1 - s * f2 / (c * c * n);
        if (!(shrink > 0)) {
            throw new TheoryException(
                    "weighted random-projection test error diverges (interpolation threshold): lambda = " + lambda
                            + ", n = " + n + ", m = " + m + ", d = " + d);
        }
        double gw = 1 / shrink;
        double eps2 = gw * f2 / (c * c * n);
        double bias = gw * beta;
        double variance = (p1 * sigma1 * sigma1 + p2 * r * r * sigma2 * sigma2) * eps2;
        double zeta = p2 * r * r * eps2 * c2
                + p2 * p2 * r * r * gw * (c2 / d) * f2 / (c * c)
                - 2 * p2 * p2 * r * r * r * eps2 * (c2 / d) * f1 / c;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("weighted random-projection theory overflowed (theta = " + theta + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, theta, residual <= 1e-10, iterations, residual);
    }

    /** θ* with D1(θ*) = q &lt; d, by bisection in log θ on [(d − q)/tr Σ⁻¹, tr Σ/q]. */
    private static double threshold(double[] sig, int q) {
        double trace = 0;
        double traceInv = 0;
        for (double s : sig) {
            trace += s;
            traceInv += 1 / s;
        }
        double lo = Math.log((sig.length - q) / traceInv);
        double hi = Math.log(trace / q);
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            if (d1(sig, Math.exp(mid)) > q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double d1(double[] sig, double theta) {
        double v = 0;
        for (double s : sig) {
            v += s / (s + theta);
        }
        return v;
    }

    /** Evaluates log θ + log(m − D1) + log(c n − D1) at θ = θ* + e^u, keeping D1, a_m and r of the last call. */
    private static final class Eval {
        final double[] sig;
        final long n;
        final long m;
        final int q;
        final double p1;
        final double p2;
        final double weight;
        final double thetaStar;
        final double gapStar;
        double d1;
        double am;
        double r;

        Eval(
                double[] sig,
                long n,
                long m,
                int q,
                double p1,
                double p2,
                double weight,
                double thetaStar,
                double gapStar) {
            this.sig = sig;
            this.n = n;
            this.m = m;
            this.q = q;
            this.p1 = p1;
            this.p2 = p2;
            this.weight = weight;
            this.thetaStar = thetaStar;
            this.gapStar = gapStar;
        }

        double at(double u) {
            double eps = Math.exp(u);
            double theta = thetaStar + eps;
            double gap = gapStar; // q − D1(θ) = (q − D1(θ*)) + Σ s ε/((s+θ*)(s+θ))
            for (double s : sig) {
                gap += s * eps / ((s + thetaStar) * (s + theta));
            }
            d1 = q - gap;
            am = (m - q) + gap;
            // r (c n − (1 − A) D1) = A c n with c = p1 + p2 r: p2 n r² + (p1 n − (1 − A) D1 − A p2 n) r − A p1 n = 0.
            double a2 = p2 * n;
            double b = p1 * n - (1 - weight) * d1 - weight * p2 * n;
            double c0 = -weight * p1 * n;
            double disc = Math.sqrt(b * b - 4 * a2 * c0);
            r = b >= 0 ? -2 * c0 / (b + disc) : (disc - b) / (2 * a2);
            double cn = (p1 + p2 * r) * n - d1;
            return Math.log(theta) + Math.log(am) + Math.log(cn);
        }
    }
}
