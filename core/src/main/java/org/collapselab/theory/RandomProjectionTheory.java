package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalent of the test error of ridge on m Gaussian random projections (the paper's model of a
 * width-m network) trained on a real/synthetic mixture, for a general spectrum Σ (= Σ2), random teacher
 * w1 ~ N(0, I/d) and random shift with ‖Δ‖²_Σ = c², E[ΔΔᵀ] = (c²/d)Σ⁻¹. The model is ŵ = S v̂ with S ∈ R^{d×m}
 * iid N(0, 1/d) and v̂ = argmin (1/n)‖XSv − y‖² + λ‖v‖² (minimum-norm for λ = 0); the prediction is
 * E ≃ E‖ŵ − w1‖²_Σ over data, noise, teacher, shift and S.
 *
 * <p><b>Equations.</b> With D1(θ) = tr Σ(Σ+θ)⁻¹, D2(θ) = tr Σ²(Σ+θ)⁻², e = D1 − D2, r = min(m, d), the input-space
 * effective regularisation θ &gt; 0 and the feature-space one κ &gt; 0 solve the coupled fixed points
 * <pre>
 *   κ = θ (m − D1(θ)) / d          (sketch:  S(SᵀΣS + κ)⁻¹SᵀΣ ≍ (Σ+θ)⁻¹Σ)
 *   κ − λ = κ D1(θ) / n             (data:    the ridge fixed point of the m-dim problem, df1 ≍ D1(θ))
 * </pre>
 * equivalently the single increasing equation θ (m − D1)(n − D1) = λ d n on D1 &lt; min(m, n). Then, with
 * <pre>
 *   a_m = m − D1,  a_n = n − D1,  h = a_m e / (a_m + e)
 *   df2 = D1 − h = (D1 e + a_m D2)/(a_m + e)    (≍ tr F²(F+κ)⁻², F = SᵀΣS the feature covariance)
 *   g   = n / (n − df2) = n / (a_n + h)
 *   K   = κ² tr₊(F+κ)⁻² = (r − m) + a_m² / (a_m + e)     (trace over the nonzero eigenvalues of F)
 *   Bias = g θ m e / (d (a_m + e))
 *   Var  = σ² (g − 1)
 *   ζ    = c² p2 (g − 1)(1 − p2 r/d) + p2² (c²/d) [df2 + (g − 1) K]
 *   E    = Bias + Var + ζ
 * </pre>
 * For m &gt; d, K is evaluated as [(m−d) Σθ²/(σᵢ+θ)² + (Σθ/(σᵢ+θ))²] / [(m−d) + d − D2] (the same quantity,
 * written without cancellation). Derivation: conditionally on S the model is ridge in R^m with covariance F, teacher
 * v1 = F⁺SᵀΣw1, shift δ = F⁺SᵀΣΔ (E δδᵀ = (c²/d)F⁺), and extra x-independent noise from the part of xᵀw not seen by
 * z = Sᵀx (variance (1/d)tr Σ − (1/d)tr F⁺SᵀΣ²S for the teacher, c²(1 − r/d) for the shift); test error
 * = ‖v̂ − v1‖²_F + (1/d) tr (Σ − ΣSF⁺SᵀΣ). The mixture is a clean target v1 + p2δ plus x-uncorrelated noise of
 * variance p2(1−p2)‖δ‖²_F (as for {@link RidgeTheory}); every trace over S is then a first-order equivalent of
 * Σ^{1/2}S(F+t)⁻¹SᵀΣ^{1/2} ≍ Σ(Σ+θ(t))⁻¹ or its t-derivative θ'(κ) = d/(m − D2). In the clean case the
 * missing-feature term cancels and the bias is g[θD1 − κθ'D2]/d. As m → ∞ this is {@link RidgeTheory} with
 * penalty λd/m (and θ → its κ).
 *
 * <p><b>Conventions.</b> {@link #predict(Problem)} uses the realised synthetic share p2 = round(p2·n)/n (the
 * simulated one). {@link TheoryResult#effectiveRegularization()} reports θ (the input-space effective
 * regularisation, the analogue of the ridge κ; {@link #solve} gives both θ and κ). Bias and Var are the clean
 * (p2 = 0) terms, ζ ≥ 0 everything the synthetic data adds.
 *
 * <p><b>Solver.</b> In the eigenbasis of Σ, O(d) per iteration with one division per eigenvalue. Let
 * q = min(m, n, d). If q &lt; d the threshold θ* &gt; 0 with D1(θ*) = q is found first, else θ* = 0. Then θ = θ* + ε,
 * and the gap A(ε) = q − D1(θ) = [q − D1(θ*)] + Σ σᵢε/((σᵢ+θ*)(σᵢ+θ)) is evaluated without cancellation, so that
 * λ → 0 is accurate on both sides of m = n and of d = n; log ε solves
 * log θ + log(m − q + A) + log(n − q + A) = log(λdn). Both scalar equations are increasing in log θ (resp. log ε)
 * and are solved by safeguarded Halley/Newton steps on proven brackets ([(d−q)/tr Σ⁻¹, tr Σ/q] for θ*; for ε the
 * root of a concave upper bound of the left side from below and max(2 tr Σ/min(m, n), 4dλ/m) from above), falling
 * back to bisection; typically 2–4 iterations each. λ = 0 is the limit ε = 0, A = 0. The error diverges exactly when
 * λ = 0 and n = min(m, d) (interpolation threshold of the sketched problem): a {@link TheoryException} names the
 * parameters, as it does for any non-finite result. A λ &gt; 0 too small to move θ off θ* in double precision gives
 * the ridgeless value.
 */
public final class RandomProjectionTheory {
    /** Tolerance on the (log-relative) residuals of the fixed points, for the converged flag. */
    static final double RESIDUAL_TOLERANCE = 1e-10;

    private static final int MAX_ITERATIONS = 200;

    private RandomProjectionTheory() {}

    /**
     * Solution of the coupled fixed points with its certificate.
     *
     * @param theta input-space effective regularisation θ ≥ 0
     * @param thetaThreshold θ* = the λ → 0 limit of θ (0 when min(m, n) ≥ d)
     * @param kappa feature-space effective regularisation κ = θ(m − D1(θ))/d ≥ 0
     * @param gap A = min(m, n, d) − D1(θ) ≥ 0, evaluated without cancellation
     * @param iterations solver iterations (both stages)
     * @param residual largest relative residual of the fixed-point equations
     * @param converged every stage met its tolerance
     */
    public record FixedPoint(
            double theta,
            double thetaThreshold,
            double kappa,
            double gap,
            int iterations,
            double residual,
            boolean converged) {}

    /** Predicted test error of a {@code RANDOM_PROJECTION} problem (realised synthetic share round(p2·n)/n). */
    public static TheoryResult predict(Problem problem) {
        if (problem.model() != ModelKind.RANDOM_PROJECTION) {
            throw new TheoryException("RandomProjectionTheory needs a random-projection (rp) problem, got "
                    + problem.model().key());
        }
        if (problem.syntheticSpectrum() != null) {
            throw new TheoryException("RandomProjectionTheory is the baseline Σ2 = Σ; Theory.predict gives Σ2 ≠ Σ "
                    + "(SketchedTwoSourceTheory)");
        }
        double p2 = problem.syntheticCount() / (double) problem.n();
        return predict(
                problem.spectrum(), problem.n(), problem.m(), p2, problem.c2(), problem.sigma(), problem.lambda());
    }

    /**
     * Same as {@link #predict(Problem)} from raw parameters; here p2 is used as given (no rounding to whole rows).
     *
     * @throws org.collapselab.validation.ParameterException for out-of-range parameters
     * @throws TheoryException when the error is undefined (λ = 0 at n = min(m, d)) or not finite
     */
    public static TheoryResult predict(
            Spectrum spectrum, long n, long m, double p2, double c2, double sigma, double lambda) {
        // Validation with the field names of Problem (throws ParameterException naming the field).
        Problem.randomProjection(spectrum, n, m, p2, c2, sigma, lambda);
        double[] sig = spectrum.eigenvalues();
        int d = sig.length;
        FixedPoint fp;
        try {
            fp = solve(sig, n, m, lambda);
        } catch (TheoryException ex) {
            if (ex.getMessage().contains("lambda = ")) {
                throw ex;
            }
            throw new TheoryException(ex.getMessage() + " at n = " + n + ", m = " + m + ", d = " + d + ", lambda = "
                    + lambda + ", spectrum " + spectrum.label());
        }
        double theta = fp.theta();
        Traces t = Traces.at(sig, fp, n, m);
        double am = t.am();
        double e = t.e();
        double df2 = t.df2();
        double denom = t.denom(); // n − df2
        if (!(denom > 0)) {
            throw new TheoryException(divergenceMessage(n, m, d, lambda));
        }
        double g = n / denom;
        double gMinus1 = df2 / denom;
        double bias = theta == 0 ? 0 : g * theta * m * e / (d * (am + e));
        double kk = t.kk();
        double r = Math.min(m, d);
        double variance = sigma * sigma * gMinus1;
        double zeta = c2 * p2 * gMinus1 * (1 - p2 * r / d) + p2 * p2 * (c2 / d) * (df2 + gMinus1 * kk);
        double total = bias + variance + zeta;
        if (!Double.isFinite(total) || !Double.isFinite(g)) {
            throw new TheoryException(divergenceMessage(n, m, d, lambda) + " (g = " + g + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, theta, fp.converged(), fp.iterations(), fp.residual());
    }

    /**
     * The sketch's traces at a fixed point for n rows and width m: D1, D2, e = D1 − D2, a_m, df2, n − df2 and
     * K = κ² tr₊(F+κ)⁻², written without cancellation (class comment).
     */
    record Traces(double d1, double d2, double e, double am, double df2, double denom, double kk) {
        static Traces at(double[] sig, FixedPoint fp, long n, long m) {
            double theta = fp.theta();
            int d = sig.length;
            int q = (int) Math.min(Math.min(m, n), d);
            double d1 = q - fp.gap();
            double d2 = 0; // D2 = Σ σ²/(σ+θ)²
            double e = 0; // D1 − D2 = Σ σθ/(σ+θ)²
            double sa = 0; // Σ θ/(σ+θ) = d − D1
            double sc = 0; // Σ θ²/(σ+θ)²
            for (double s : sig) {
                double r = 1.0 / (s + theta);
                double t = s * r;
                double u = theta * r;
                d2 += t * t;
                e += t * u;
                sa += u;
                sc += u * u;
            }
            double am = (m - q) + fp.gap();
            double an = (n - q) + fp.gap();
            // df2 = D1 − a_m e/(a_m + e), written without cancellation.
            double df2 = am + e == 0 ? d1 : (d1 * e + am * d2) / (am + e);
            return new Traces(d1, d2, e, am, df2, an + harmonic(am, e), kappaSquaredTrace(m, d, theta, am, e, sa, sc));
        }
    }

    /**
     * κ² tr₊(F+κ)⁻² (trace over the nonzero eigenvalues of F = SᵀΣS): a_m²/(a_m+e) for m ≤ d, and for m &gt; d
     * [(m−d)·sc + sa²]/[(m−d) + sa + e] with sa = Σθ/(σ+θ), sc = Σθ²/(σ+θ)² (no cancellation as θ → 0).
     */
    static double kappaSquaredTrace(long m, int d, double theta, double am, double e, double sa, double sc) {
        if (m <= d) {
            return am + e == 0 ? 0 : am * am / (am + e);
        }
        if (theta == 0) {
            return 0;
        }
        double big = m - d;
        return (big * sc + sa * sa) / (big + sa + e);
    }

    /** a·b/(a+b), with the limit 0 when a = b = 0. */
    private static double harmonic(double a, double b) {
        double s = a + b;
        return s == 0 ? 0 : a * b / s;
    }

    private static String divergenceMessage(long n, long m, int d, double lambda) {
        return "random-projection test error diverges at the interpolation threshold n = min(m, d) (n = " + n + ", m = "
                + m
                + ", d = " + d + ", lambda = " + lambda + "); "
                + (lambda == 0
                        ? "use lambda > 0"
                        : "lambda is below what double precision resolves here; use a larger lambda")
                + " or move m or n off it";
    }

    /**
     * Solves the coupled fixed points for θ and κ (see the class comment).
     *
     * @throws TheoryException at the divergent ridgeless threshold λ = 0, n = min(m, d)
     */
    public static FixedPoint solve(Spectrum spectrum, long n, long m, double lambda) {
        Problem.randomProjection(spectrum, n, m, 0, 0, 0, lambda);
        return solve(spectrum.eigenvalues(), n, m, lambda);
    }

    private static FixedPoint solve(double[] sig, long n, long m, double lambda) {
        int d = sig.length;
        int q = (int) Math.min(Math.min(m, n), d);
        if (lambda == 0 && n == Math.min(m, d)) {
            throw new TheoryException(divergenceMessage(n, m, d, lambda));
        }
        // Stage 1: threshold θ* (D1(θ*) = q) when q < d.
        double thetaStar = 0;
        double gapStar = 0;
        int iterations = 0;
        double residual = 0;
        boolean converged = true;
        if (q < d) {
            double trace = 0;
            double traceInv = 0;
            for (double s : sig) {
                trace += s;
                traceInv += 1 / s;
            }
            double lo = Math.log((d - q) / traceInv); // D1(θ) ≥ d − θ tr Σ⁻¹ ≥ q here
            double hi = Math.log(trace / q); // D1(θ) ≤ tr Σ/θ ≤ q here
            // θ* ≈ d(d − q)/(q tr Σ⁻¹): exact for Σ ∝ I, the right limit as q → d, and a good start in between.
            double guess = Math.log((double) d * (d - q) / (q * traceInv));
            Stage1 s1 = new Stage1(sig, q);
            HalleyRoot.Result res = HalleyRoot.solve(s1, lo, hi, guess, 1e-15, 1e-13, MAX_ITERATIONS);
            thetaStar = Math.exp(res.x());
            double d1 = q * Math.exp(-res.value()); // f = log(q/D1) at the returned point
            gapStar = Math.max(0, q - d1);
            iterations += res.iterations();
            residual = Math.max(residual, Math.abs(q - d1) / q);
            converged &= res.converged();
        }
        if (lambda == 0) {
            double kappa = thetaStar * (m - q) / d;
            return new FixedPoint(
                    thetaStar, thetaStar, kappa, 0, iterations, residual, converged && residual <= RESIDUAL_TOLERANCE);
        }
        // Stage 2: ε = θ − θ* from log θ + log(m − q + A) + log(n − q + A) = log(λdn), in u = log ε.
        Stage2 s2 = new Stage2(sig, n, m, q, lambda, thetaStar, gapStar);
        double eps;
        double gap;
        if (s2.upperBound(0) >= lambda) {
            // λ is below what the threshold θ* resolves (its residual A(0) alone gives h ≥ λ): the ridgeless limit.
            eps = 0;
            gap = gapStar;
        } else {
            double thetaHi = Math.max(2 * s2.trace / Math.min(m, n), 4.0 * d * lambda / m) * (1 + 1e-12);
            double epsHi = thetaHi - thetaStar;
            // Lower bracket from the concave bound A(ε) ≤ A(0) + εA'(0):
            // h(ε) ≤ (θ* + ε)(m − q + A(0) + εA'(0))(n − q + A(0) + εA'(0))/(dn) ≤ λ.
            double epsLo = epsHi;
            int halvings = 0;
            while (s2.upperBound(epsLo) > lambda) {
                epsLo *= 0.5;
                if (++halvings > 4000 || epsLo == 0) {
                    throw new TheoryException("could not bracket the random-projection fixed point for lambda = "
                            + lambda + " (n = " + n + ", m = " + m + ", d = " + d + ")");
                }
            }
            // Refine to the root of the (O(1)) bound by bisection: the best proven lower bracket and starting point.
            if (epsLo < epsHi) {
                double a = epsLo;
                double b = Math.min(2 * epsLo, epsHi);
                for (int i = 0; i < 24; i++) {
                    double mid = 0.5 * (a + b);
                    if (s2.upperBound(mid) > lambda) {
                        b = mid;
                    } else {
                        a = mid;
                    }
                }
                epsLo = a;
            }
            HalleyRoot.Result res = HalleyRoot.solve(
                    s2, Math.log(epsLo), Math.log(epsHi), Math.log(epsLo), 1e-15, 1e-13, MAX_ITERATIONS);
            eps = Math.exp(res.x());
            gap = s2.lastGap; // A at the returned point (its last evaluation)
            iterations += res.iterations();
            residual = Math.max(residual, Math.abs(res.value()));
            converged &= res.converged();
        }
        double theta = thetaStar + eps;
        double kappa = theta * ((m - q) + gap) / d; // κ = θ(m − D1)/d
        return new FixedPoint(
                theta, thetaStar, kappa, gap, iterations, residual, converged && residual <= RESIDUAL_TOLERANCE);
    }

    /** Stage 1: f(u) = log q − log D1(e^u), increasing; f' = (D1 − D2)/D1, f'' from D3 = Σ t³ (t = σ/(σ+θ)). */
    private static final class Stage1 implements HalleyRoot.Function {
        private final double[] sig;
        private final int q;

        Stage1(double[] sig, int q) {
            this.sig = sig;
            this.q = q;
        }

        @Override
        public double value(double u, double[] derivatives) {
            double theta = Math.exp(u);
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            for (double s : sig) {
                double t = s / (s + theta);
                double t2 = t * t;
                d1 += t;
                d2 += t2;
                d3 += t2 * t;
            }
            double e = d1 - d2; // −dD1/du
            double f1 = e / d1;
            derivatives[0] = f1;
            derivatives[1] = -(e - 2 * (d2 - d3)) / d1 + f1 * f1;
            return Math.log(q / d1);
        }
    }

    /** Stage 2: G(u) = log(θ*+ε) + log(m−q+A) + log(n−q+A) − log(λdn), ε = e^u, increasing; with G', G''. */
    private static final class Stage2 implements HalleyRoot.Function {
        private final double[] sig;
        private final double thetaStar;
        private final double gapStar;
        private final double mq;
        private final double nq;
        private final double logTarget;
        private final double slope0; // A'(0) = Σ σ/(σ+θ*)²
        private final double dn;
        final double trace;
        /** A(ε) at the last evaluated point. */
        double lastGap;

        Stage2(double[] sig, long n, long m, int q, double lambda, double thetaStar, double gapStar) {
            this.sig = sig;
            this.thetaStar = thetaStar;
            this.gapStar = gapStar;
            this.mq = m - q;
            this.nq = n - q;
            this.dn = (double) sig.length * n;
            this.logTarget = Math.log(lambda) + Math.log(sig.length) + Math.log(n);
            double s0 = 0;
            double tr = 0;
            for (double s : sig) {
                double r = 1.0 / (s + thetaStar);
                s0 += s * r * r;
                tr += s;
            }
            this.slope0 = s0;
            this.trace = tr;
        }

        /** Upper bound on θ(m−D1)(n−D1)/(dn) at θ* + ε (A is concave in ε). */
        double upperBound(double eps) {
            double a = gapStar + eps * slope0;
            return (thetaStar + eps) * (mq + a) / dn * (nq + a);
        }

        @Override
        public double value(double u, double[] derivatives) {
            double eps = Math.exp(u);
            double theta = thetaStar + eps;
            double a = 0;
            double a1 = 0; // Σ σ/(σ+θ)² = dA/dε
            double a2 = 0; // Σ σ/(σ+θ)³ = −(1/2) d²A/dε²
            for (double s : sig) {
                double c = s + thetaStar;
                double rr = 1.0 / (c * (s + theta)); // 1/((σ+θ*)(σ+θ)): one division for both factors
                double r = c * rr; // 1/(σ+θ)
                double sr2 = s * r * r;
                a += s * rr;
                a1 += sr2;
                a2 += sr2 * r;
            }
            a = gapStar + eps * a;
            lastGap = a;
            double im = 1 / (mq + a);
            double in = 1 / (nq + a);
            double p = im + in;
            double b = eps * a1; // dA/du
            double c = eps / theta;
            derivatives[0] = c + b * p;
            derivatives[1] = c * thetaStar / theta + (b - 2 * eps * eps * a2) * p - b * b * (im * im + in * in);
            return Math.log(theta) - Math.log(im) - Math.log(in) - logTarget;
        }
    }
}
