package org.collapselab.theory;

import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Deterministic equivalent of the test error E = ‖ŵ − w1‖²_Σ1 of ridge trained on two sources: n1 real rows
 * x ~ N(0, Σ1), y = xᵀw1 + σ1ε and n2 synthetic rows x ~ N(0, Σ2), y = xᵀ(w1 + Δ) + σ2ε, each synthetic row with
 * weight A: ŵ = argmin (1/n)[Σ_real r² + A Σ_syn r²] + λ‖w‖², n = n1 + n2. Σ1 and Σ2 are diagonal in one basis;
 * w1 ~ N(0, I/d), E ΔΔᵀ = Ω = (c²/d)Σ1⁻¹. Expectation over data, noise, w1 and Δ.
 *
 * <p><b>First order</b> (two-group pencil; Couillet and Liao, Random Matrix Methods for Machine Learning, 2022, ch. 2–3): (XᵀWX/n + λ)⁻¹ ≍ Q̄ = (p1 t1 Σ1 + p2 t2 Σ2 + λ)⁻¹,
 * t1 = 1/(1 + δ1), t2 = A/(1 + Aδ2), δk = tr(Σk Q̄)/n. Written with the ratio r = t2/t1 and κ = λ/t1 (finite as
 * λ → 0): D = p1Σ1 + p2 r Σ2, Q̃ = t1 Q̄ = (D + κ)⁻¹, Tk = tr Σk Q̃, and
 * <pre>
 *   κ (1 − T1/n) = λ          r (1 − T1/n + A T2/n) = A
 * </pre>
 * <b>Second order</b> (derivative of the pencil under Q → Q − zB, and leave-one-out for the terms with the rows'
 * own labels): with ρ1 = 1, ρ2 = r the scaled ε̃k = t1² tr(Σk E[QΣ1Q])/n solve the 2×2 system
 * ε̃ = b + Gε̃, b_k = tr(ΣkQ̃Σ1Q̃)/n, G_kj = p_j ρ_j² tr(ΣkQ̃ΣjQ̃)/n, and t1² E[QΣ1Q] ≍ N = Q̃(Σ1 + Σ_j p_j ρ_j² ε̃_j Σj)Q̃:
 * <pre>
 *   Bias = κ² tr(N)/d
 *   Var  = σ1² p1 ε̃1 + σ2² p2 r² ε̃2
 *   ζ    = p2 r² ε̃2 tr(Σ2Ω) + p2² r² tr(Σ2 N Σ2 Ω) − 2 p2² r³ ε̃2 tr(Σ2 Q̃ Σ2 Ω)
 * </pre>
 * (ζ: diagonal leave-one-out terms act as label noise of variance tr(Σ2Ω) on the synthetic rows; the off-diagonal
 * pairs give the "clean target p2Δ" part and its two leave-one-out corrections). At Σ2 = Σ1, σ2 = σ1, A = 1 it is
 * r = 1, N = g(Σ+κ)⁻²Σ, ε̃ = df2/(n − df2) and the three lines are {@link RidgeTheory}'s formulas term by term.
 *
 * <p><b>Solver.</b> O(d) per evaluation: for fixed r, κ solves the first equation by {@link ScalarRoot#newton}
 * (the same increasing function and bracket as {@link RidgeTheory#solveKappa}); r solves the second by a
 * bracketed secant/bisection search in log r. Diverges (TheoryException) where det(I − G) ≤ 0, the interpolation
 * threshold of the weighted problem at λ = 0.
 */
public final class TwoSourceRidgeTheory {
    private static final double TOLERANCE = 1e-13;
    private static final int MAX_OUTER = 200;

    private TwoSourceRidgeTheory() {}

    /**
     * Solution of the two-group pencil.
     *
     * @param kappa κ = λ/t1 (0 for λ = 0 below the interpolation threshold)
     * @param ratio r = t2/t1, the effective relative weight of a synthetic row
     * @param iterations total solver iterations (inner and outer)
     * @param residual largest residual of the two equations (relative)
     * @param converged both met their tolerance
     */
    public record Pencil(double kappa, double ratio, int iterations, double residual, boolean converged) {}

    /** Predicted error of a ridge {@link Problem} with the mix estimator (at the realised n2 = round(p2·n)). */
    public static TheoryResult predict(Problem p) {
        if (p.model() != ModelKind.RIDGE) {
            throw new TheoryException("TwoSourceRidgeTheory needs a ridge problem, got "
                    + p.model().key());
        }
        return predict(
                p.spectrum(),
                p.effectiveSyntheticSpectrum(),
                p.realCount(),
                p.syntheticCount(),
                p.c2(),
                p.sigma(),
                p.syntheticSigma(),
                p.syntheticWeight(),
                p.lambda());
    }

    /** Same from raw parameters (n1 real rows, n2 synthetic rows, weight A per synthetic row). */
    public static TheoryResult predict(
            Spectrum real,
            Spectrum synthetic,
            long n1,
            long n2,
            double c2,
            double sigma1,
            double sigma2,
            double weight,
            double lambda) {
        double[] s1 = real.eigenvalues();
        double[] s2 = synthetic.eigenvalues();
        int d = s1.length;
        long n = n1 + n2;
        double p1 = (double) n1 / n;
        double p2 = (double) n2 / n;
        long rows = weight == 0 ? n1 : n; // rows that carry weight
        if (lambda == 0 && d == rows) {
            throw new TheoryException(
                    "two-source ridgeless (lambda = 0) test error diverges at the interpolation threshold " + "d = " + d
                            + " = weighted rows; use lambda > 0 or d != rows");
        }
        Pencil pen = solve(s1, s2, p1, p2, n, weight, lambda);
        double kappa = pen.kappa();
        double r = pen.ratio();
        // Traces for b, G and the shift.
        double g11 = 0, g12 = 0, g22 = 0; // tr(Σk Q̃ Σj Q̃); b = (g11, g12)/n
        for (int i = 0; i < d; i++) {
            double q = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + kappa);
            double q2 = q * q;
            g11 += s1[i] * s1[i] * q2;
            g12 += s1[i] * s2[i] * q2;
            g22 += s2[i] * s2[i] * q2;
        }
        double w1 = p1, w2 = p2 * r * r; // p_j ρ_j²
        double[] eps = epsilons(g11, g12, g22, w1, w2, n);
        if (eps == null) {
            throw new TheoryException("two-source ridge test error diverges (interpolation threshold of the weighted "
                    + "problem): lambda = " + lambda + ", d = " + d + ", n1 = " + n1 + ", n2 = " + n2 + ", A = "
                    + weight);
        }
        double e1 = eps[0];
        double e2 = eps[1];
        double traceN = 0, shiftMain = 0, shiftCorr = 0, shiftNoise = 0;
        for (int i = 0; i < d; i++) {
            double q = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + kappa);
            double ni = q * q * (s1[i] * (1 + w1 * e1) + w2 * e2 * s2[i]);
            double omega = c2 / (d * s1[i]);
            traceN += ni;
            shiftMain += s2[i] * s2[i] * omega * ni;
            shiftCorr += s2[i] * s2[i] * omega * q;
            shiftNoise += s2[i] * omega;
        }
        double bias = kappa == 0 ? 0 : kappa * kappa * traceN / d;
        double variance = sigma1 * sigma1 * p1 * e1 + sigma2 * sigma2 * w2 * e2;
        double zeta = w2 * e2 * shiftNoise + p2 * w2 * shiftMain - 2 * p2 * w2 * r * e2 * shiftCorr;
        double total = bias + variance + zeta;
        if (!Double.isFinite(total)) {
            throw new TheoryException("two-source ridge theory overflowed (kappa = " + kappa + ", r = " + r + ")");
        }
        return new TheoryResult(total, bias, variance, zeta, kappa, pen.converged(), pen.iterations(), pen.residual());
    }

    /**
     * The scaled second-order ε̃ = (I − G)⁻¹b of the two-group pencil from the traces g_kj = tr(ΣkQ̃ΣjQ̃):
     * b = (g11, g12)/n, G_kj = w_j g_kj/n with w = (p1, p2r²); null where det(I − G) ≤ 0 (the interpolation threshold).
     */
    static double[] epsilons(double g11, double g12, double g22, double w1, double w2, long n) {
        double a11 = 1 - w1 * g11 / n, a12 = -w2 * g12 / n, a21 = -w1 * g12 / n, a22 = 1 - w2 * g22 / n;
        double det = a11 * a22 - a12 * a21;
        if (!(det > 0 && a11 > 0 && a22 > 0)) {
            return null;
        }
        return new double[] {(a22 * g11 - a12 * g12) / n / det, (a11 * g12 - a21 * g11) / n / det};
    }

    /** Solves the pencil for (κ, r); see the class comment. {@code s1}, {@code s2} are the eigenvalues. */
    public static Pencil solve(double[] s1, double[] s2, double p1, double p2, long n, double weight, double lambda) {
        int[] iters = {0};
        double[] warm = {Double.NaN}; // previous inner κ, the Newton start of the next inner solve
        if (p2 == 0 || weight == 0) {
            // No synthetic contribution: r = 0 (the synthetic terms vanish).
            Inner in = solveKappa(s1, s2, p1, p2, n, 0, lambda, Double.NaN);
            return new Pencil(in.kappa, 0, in.iterations, in.residual, in.converged);
        }
        // F(x) = log r + log(1 − T1/n + A T2/n) − log A with r = e^x; increasing from −∞ to +∞ (class comment).
        ScalarRoot.Root root = ScalarRoot.expandAndSolve(
                v -> outer(s1, s2, p1, p2, n, weight, lambda, v, iters, warm),
                Math.log(weight),
                TOLERANCE,
                1e-15,
                MAX_OUTER,
                "could not bracket the synthetic weight ratio of the two-source pencil");
        double x = root.x();
        double fx = root.residual();
        double r = Math.exp(x);
        Inner in = solveKappa(s1, s2, p1, p2, n, r, lambda, warm[0]);
        double residual = Math.max(Math.abs(fx), in.residual);
        return new Pencil(in.kappa, r, iters[0] + in.iterations, residual, residual <= 1e-10 && in.converged);
    }

    private static double outer(
            double[] s1,
            double[] s2,
            double p1,
            double p2,
            long n,
            double weight,
            double lambda,
            double x,
            int[] iters,
            double[] warm) {
        double r = Math.exp(x);
        Inner in = solveKappa(s1, s2, p1, p2, n, r, lambda, warm[0]);
        warm[0] = in.kappa;
        iters[0] += in.iterations + 1;
        double t2 = 0;
        double t1 = 0;
        for (int i = 0; i < s1.length; i++) {
            double q = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + in.kappa);
            t1 += s1[i] * q;
            t2 += s2[i] * q;
        }
        double base = in.kappa > 0 ? lambda / in.kappa : 1 - t1 / n; // = 1 − T1/n at the inner root
        return x + Math.log(base + weight * t2 / n) - Math.log(weight);
    }

    private record Inner(double kappa, int iterations, double residual, boolean converged) {}

    /** For fixed r, κ solving φ(κ) = 1 − T1(κ)/n − λ/κ = 0 (increasing in κ), as in {@link RidgeTheory#solveKappa}. */
    private static Inner solveKappa(
            double[] s1, double[] s2, double p1, double p2, long n, double r, double lambda, double start) {
        double[] v = new double[2];
        if (lambda == 0) {
            phi(s1, s2, p1, p2, n, r, 0, 0, v);
            if (v[0] > 0) {
                return new Inner(0, 0, 0, true);
            }
            if (v[0] == 0) {
                throw new TheoryException("two-source ridgeless (lambda = 0) test error diverges at the interpolation "
                        + "threshold; use lambda > 0");
            }
        }
        double trace = 0;
        for (double s : s1) {
            trace += s;
        }
        double hi = lambda + trace / n;
        double lo = lambda > 0 ? lambda : hi;
        int halvings = 0;
        if (lambda == 0) {
            do {
                lo *= 0.5;
                phi(s1, s2, p1, p2, n, r, 0, lo, v);
                if (++halvings > 2000 || lo == 0) {
                    throw new TheoryException("could not bracket kappa of the two-source pencil at lambda = 0");
                }
            } while (v[0] >= 0);
        }
        double x0 = start > lo && start < hi ? start : lo;
        ScalarRoot.Root root =
                ScalarRoot.newton((k, out) -> phi(s1, s2, p1, p2, n, r, lambda, k, out), lo, hi, x0, 1e-15, 1e-14);
        return new Inner(root.x(), root.iterations() + halvings, root.residual(), root.residual() <= 1e-10);
    }

    /** out[0] = 1 − T1/n − λ/κ, out[1] = its κ-derivative; κ = 0 gives 1 − T1(0)/n (λ = 0 only). */
    private static void phi(
            double[] s1,
            double[] s2,
            double p1,
            double p2,
            long n,
            double r,
            double lambda,
            double kappa,
            double[] out) {
        double t1 = 0;
        double dt1 = 0;
        for (int i = 0; i < s1.length; i++) {
            double q = 1.0 / (p1 * s1[i] + p2 * r * s2[i] + kappa);
            t1 += s1[i] * q;
            dt1 += s1[i] * q * q;
        }
        out[0] = 1 - t1 / n - (kappa == 0 ? 0 : lambda / kappa);
        out[1] = dt1 / n + (kappa == 0 ? 0 : lambda / (kappa * kappa));
    }
}
