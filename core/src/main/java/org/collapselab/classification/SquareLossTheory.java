package org.collapselab.classification;

import org.collapselab.theory.ScalarRoot;
import org.collapselab.theory.TheoryException;

/**
 * Deterministic equivalent of the real-test 0–1 error of least squares on ±1 labels,
 * ŵ = argmin (1/N) Σ_i c_i (s_i − x̃_iᵀw)² + λ‖w‖², with x̃_i = y_i x_i = μ + z_i (the row times its true class) and
 * s_i = ±1 whether the label was kept or flipped ({@link LabelGroups}: groups g of share p_g, sign s_g, weight c_g).
 * The labels s_i are independent of z_i, so the class mean enters only as the rank-one term μ (Mignacco, Krzakala,
 * Lu, Urbani, Zdeborová, ICML 2020; Loureiro et al., NeurIPS 2021, for general Σ). With the leave-one-out leverage
 * V = tr Σ H⁻¹ (H the Hessian of N·loss) and r_g = 2Vc_g/(1 + 2Vc_g), R = Σ p_g r_g, the effective ridge κ solves
 * <pre>
 *   R = df1(κ)/N,   κ = 2λV/R,        df1 = tr Σ(Σ + κ)⁻¹,  df2 = tr Σ²(Σ + κ)⁻²
 * </pre>
 * and, with ā = Σ p_g r_g s_g/R (the label sign averaged with leverage weights: (1 − 2q̄) when all weights are
 * equal), τ1 = μᵀ(Σ + κ)⁻¹μ, τ2 = μᵀ(Σ + κ)⁻¹Σ(Σ + κ)⁻¹μ:
 * <pre>
 *   m = ā τ1/(1 + τ1)
 *   q = [ (ā/(1 + τ1))² τ2 + (df2/N) Σ p_g r_g² (s_g − m)²/R² ] / [ 1 − (df2/N) Σ p_g r_g²/R² ]
 * </pre>
 * and the error of the fitted direction is Φ(−m/√q). The flipped share shrinks the mean direction through ā; the
 * verifier changes the shares. At λ = 0 below the interpolation threshold (d &lt; N·Σ_{c_g>0} p_g) κ = 0 and R = d/N;
 * above it V = ∞, r_g = 1 for every weighted group and df1(κ) = N·Σ_{c_g>0} p_g (the minimum-norm interpolator,
 * which ignores the weights). The mean over μ's direction is {@link DirectionAverage}'s (delta method plus the
 * Monte Carlo remainder of these explicit formulas).
 */
public final class SquareLossTheory {
    private static final double TOLERANCE = 1e-14;
    private static final int MAX_ITERATIONS = 300;

    private SquareLossTheory() {}

    /**
     * Solution of the leverage equations.
     *
     * @param kappa κ
     * @param leverage V (infinite above the interpolation threshold at λ = 0)
     * @param ratios r_g per group
     */
    record Pencil(double kappa, double leverage, double[] ratios, int iterations, double residual, boolean converged) {}

    /** Predicted error of a square-loss problem (a single fit), averaged over μ's direction. */
    public static ClassificationResult predict(ClassificationProblem p) {
        return predict(p, null);
    }

    /**
     * Predicted error for a given class mean, through its squared coordinates μ_i² in Σ's eigenbasis
     * ({@code muSquared}), or averaged over μ's random direction when {@code muSquared} is null.
     */
    public static ClassificationResult predict(ClassificationProblem p, double[] muSquared) {
        if (p.loss() != Loss.SQUARE) {
            throw new TheoryException(
                    "SquareLossTheory needs --loss square, got " + p.loss().key());
        }
        LabelGroups groups = LabelGroups.of(p);
        double bayes = p.bayesError();
        if (groups.empty() || p.mu2() == 0) {
            return ClassificationResult.chance(bayes);
        }
        double[] s = p.spectrum().eigenvalues();
        double[] mu = muSquared == null ? meanProfile(s, p.mu2()) : muSquared;
        double rows = groups.rows();
        Pencil pen = solve(s, groups, p.lambda());
        double kappa = pen.kappa();
        double df2 = 0, forms1 = 0, forms2 = 0;
        for (int i = 0; i < s.length; i++) {
            double inv = 1 / (s[i] + kappa);
            df2 += s[i] * s[i] * inv * inv;
            forms1 += mu[i] * inv;
            forms2 += mu[i] * s[i] * inv * inv;
        }
        double tau1 = forms1;
        double tau2 = forms2;
        double big = 0, signed = 0, sq = 0, sqSigned = 0;
        for (int g = 0; g < groups.size(); g++) {
            double pr = groups.shares()[g] * pen.ratios()[g];
            big += pr;
            signed += pr * groups.signs()[g];
            sq += pr * pen.ratios()[g];
            sqSigned += pr * pen.ratios()[g] * groups.signs()[g];
        }
        double abar = signed / big;
        double b2 = sq / (big * big);
        double c2s = sqSigned / (big * big);
        double noise = df2 / rows;
        double inflate = 1 - noise * b2;
        if (!(inflate > 0)) {
            throw new TheoryException("square-loss classification error diverges (interpolation threshold): lambda = "
                    + p.lambda() + ", d = " + s.length + ", weighted rows = " + rows);
        }
        // m and q for the quadratic forms (τ1 + e0, τ2 + e1).
        java.util.function.Function<double[], double[]> overlaps = e -> {
            double t1 = tau1 + e[0];
            double mh = abar / (1 + t1);
            double m = mh * t1;
            double q = (mh * mh * (tau2 + e[1]) + noise * (b2 * (1 + m * m) - 2 * m * c2s)) / inflate;
            return new double[] {m, q};
        };
        double[] base = overlaps.apply(new double[2]);
        double g0 = ClassificationResult.error(base[0], base[1]);
        java.util.function.ToDoubleFunction<double[]> err = e -> {
            double[] mq = overlaps.apply(e);
            return ClassificationResult.error(mq[0], mq[1]);
        };
        // The Gaussian equivalent ŵ = (Σ + κ)⁻¹(r μ + c Σ^{1/2} ξ): r = ā/(1 + τ1), c² = q̂'/N with q̂' the noise
        // level.
        DirectionAverage.Model model = (e0, e1, l1, l2, quad) -> {
            double t1 = tau1 + e0;
            double[] mq = overlaps.apply(new double[] {e0, e1});
            double r = abar / (1 + t1);
            double c = Math.sqrt(Math.max(b2 * (1 + mq[0] * mq[0]) - 2 * mq[0] * c2s + mq[1] * b2, 0) / rows);
            return ClassificationResult.error(mq[0] + c * l1, r * r * (tau2 + e1) + 2 * r * c * l2 + c * c * quad);
        };
        double second = muSquared != null
                ? 0
                : DirectionAverage.secondOrder(err, g0, DirectionAverage.covariance(s, p.mu2(), kappa, 2));
        double mean = g0 + second + DirectionAverage.finiteD(model, s, p.mu2(), kappa, muSquared);
        return new ClassificationResult(
                mean, bayes, base[0], base[1], mean - g0, kappa, pen.converged(), pen.iterations(), pen.residual());
    }

    /** The mean direction profile E μ_i² = M·s_i/d. */
    static double[] meanProfile(double[] s, double mu2) {
        double[] mu = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            mu[i] = mu2 * s[i] / s.length;
        }
        return mu;
    }

    /** Solves the leverage equations for (κ, V, r_g); see the class comment. */
    static Pencil solve(double[] s, LabelGroups groups, double lambda) {
        double rows = groups.rows();
        int d = s.length;
        double active = 0;
        double meanWeight = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (groups.weights()[g] > 0) {
                active += groups.shares()[g];
            }
            meanWeight += groups.shares()[g] * groups.weights()[g];
        }
        if (lambda > 0) {
            ScalarRoot.Root root = ScalarRoot.expandAndSolve(
                    x -> {
                        double v = Math.exp(x);
                        double big = leverageSum(groups, v);
                        return big - df1(s, 2 * lambda * v / big) / rows;
                    },
                    Math.log(d / (2 * rows * meanWeight)),
                    TOLERANCE,
                    1e-15,
                    MAX_ITERATIONS,
                    "could not bracket the leverage V of the square-loss classifier");
            double v = Math.exp(root.x());
            double big = leverageSum(groups, v);
            return new Pencil(
                    2 * lambda * v / big,
                    v,
                    ratios(groups, v),
                    root.iterations(),
                    root.residual(),
                    root.residual() <= 1e-10);
        }
        double capacity = rows * active;
        if (d < capacity * (1 - 1e-12)) {
            ScalarRoot.Root root = ScalarRoot.expandAndSolve(
                    x -> leverageSum(groups, Math.exp(x)) - d / rows,
                    Math.log(d / (2 * rows * meanWeight)),
                    TOLERANCE,
                    1e-15,
                    MAX_ITERATIONS,
                    "could not bracket the leverage V of the ridgeless square-loss classifier");
            double v = Math.exp(root.x());
            return new Pencil(0, v, ratios(groups, v), root.iterations(), root.residual(), root.residual() <= 1e-10);
        }
        if (d <= capacity * (1 + 1e-12)) {
            throw new TheoryException("ridgeless (lambda = 0) square-loss classification error diverges at the "
                    + "interpolation threshold d = weighted rows = " + d + "; use lambda > 0");
        }
        double trace = 0;
        for (double v : s) {
            trace += v;
        }
        double hi = trace / capacity;
        double lo = hi;
        int halvings = 0;
        do {
            lo *= 0.5;
            if (++halvings > 2000) {
                throw new TheoryException("could not bracket kappa of the ridgeless square-loss classifier");
            }
        } while (df1(s, lo) <= capacity);
        ScalarRoot.Root root = ScalarRoot.newton(
                (k, out) -> {
                    double f = 0, df = 0;
                    for (double v : s) {
                        double inv = 1 / (v + k);
                        f += v * inv;
                        df += v * inv * inv;
                    }
                    out[0] = (capacity - f) / capacity;
                    out[1] = df / capacity;
                },
                lo,
                hi,
                lo,
                1e-15,
                TOLERANCE);
        return new Pencil(
                root.x(),
                Double.POSITIVE_INFINITY,
                ratios(groups, Double.POSITIVE_INFINITY),
                root.iterations() + halvings,
                root.residual(),
                root.residual() <= 1e-10);
    }

    /** r_g = 2Vc_g/(1 + 2Vc_g) (1 for c_g &gt; 0 when V = ∞). */
    static double[] ratios(LabelGroups groups, double v) {
        double[] r = new double[groups.size()];
        for (int g = 0; g < r.length; g++) {
            double x = 2 * v * groups.weights()[g];
            r[g] = groups.weights()[g] == 0 ? 0 : Double.isInfinite(v) ? 1 : x / (1 + x);
        }
        return r;
    }

    private static double leverageSum(LabelGroups groups, double v) {
        double big = 0;
        for (int g = 0; g < groups.size(); g++) {
            double x = 2 * v * groups.weights()[g];
            big += groups.shares()[g] * x / (1 + x);
        }
        return big;
    }

    /** df1(κ) = tr Σ(Σ + κ)⁻¹. */
    static double df1(double[] s, double kappa) {
        double f = 0;
        for (double v : s) {
            f += v / (v + kappa);
        }
        return f;
    }
}
