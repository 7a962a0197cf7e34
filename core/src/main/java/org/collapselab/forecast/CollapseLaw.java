package org.collapselab.forecast;

import org.collapselab.theory.ScalarRoot;
import org.collapselab.theory.TheoryException;

/**
 * The strong-collapse law: the deterministic equivalent of ridge trained on n rows of which a share p2 carry
 * synthetic labels (weight A each), written on {@link LawAtoms} so that the spectrum, the teacher and the gap can
 * take the law's effective shapes. Dohmatob, Feng, Subramonian, Kempe, <i>Strong Model Collapse</i> (ICLR 2025),
 * Theorem 1 / §3 for A = 1; the weighted two-group pencil (Σ2 = Σ1, σ2 = σ1) for A ≠ 1. On
 * {@link LawAtoms#ofEigenvalues} it is the core's {@code RidgeTheory} (A = 1) and {@code TwoSourceRidgeTheory}
 * (any A) to 1e-10 (tested).
 *
 * <p>With p1 = 1 − p2, r the effective relative weight of a synthetic row, D = p1 + p2r, q_i = 1/(D s_i + κ),
 * T = Σ s_i q_i: κ(1 − T/n) = λ and r = A/(A + (1 − T/n)(1 − A)) (r = 1 for A = 1). With G = Σ s_i² q_i²,
 * W = p1 + p2r², ε = (G/n)/(1 − WG/n), teacher energies t_i and gap energies u_i (each summing to 1):
 * <pre>
 *   bias      = κ² (1 + Wε) Σ t_i q_i²
 *   variance  = W ε
 *   synthetic = p2 r² ε + p2² r² (1 + Wε) Σ u_i s_i² q_i² − 2 p2² r³ ε Σ u_i s_i q_i
 * </pre>
 * At A = 1 these are the paper's Bias = κ²g·tr Σ(Σ+κ)⁻²/d, Var = σ²df2/(n − df2) and ζ = p2²(c²/d)[df2 + κ²tr(Σ+κ)⁻²
 * (g − 1)] + p2(1 − p2)c²df2/(n − df2) (g = 1 + ε), with df2/d replaced by the gap-weighted Σ u_i s_i² q_i².
 */
public final class CollapseLaw {
    private static final double F_TOL = 1e-13;

    private CollapseLaw() {}

    /** The predicted error of fitted parameters at n rows, share p2 and weight A (a theory failure throws). */
    public static double predict(LawParameters p, double n, double p2, double weight) {
        LawAtoms atoms = LawAtoms.of(p.shape());
        LawTerms t = terms(atoms, n, p2, weight, p.shape().lambda());
        return p.combine(t);
    }

    /**
     * The unit terms at n rows (real, ≥ 1), share p2 in [0, 1], weight A ≥ 0 of each synthetic row and penalty λ ≥ 0.
     *
     * @throws TheoryException where the law diverges (λ = 0 at the interpolation threshold d = n, or a fixed point
     *     that does not converge)
     */
    public static LawTerms terms(LawAtoms atoms, double n, double p2, double weight, double lambda) {
        return terms(atoms, n, p2, weight, lambda, solve(atoms, n, p2, weight, lambda));
    }

    /**
     * The first-order fixed point at a mix: {κ, r, iterations, residual}. With A = 1 (or p2 = 0, or A = 0) it depends
     * on n and D = p1 + p2A only, so callers evaluating many shares at one n may reuse it.
     */
    static double[] solve(LawAtoms atoms, double n, double p2, double weight, double lambda) {
        if (!(n >= 1) || !(p2 >= 0 && p2 <= 1) || !(weight >= 0) || !(lambda >= 0)) {
            throw new IllegalArgumentException("law needs n >= 1, p2 in [0, 1], A >= 0, lambda >= 0; got n = " + n
                    + ", p2 = " + p2 + ", A = " + weight + ", lambda = " + lambda);
        }
        double p1 = 1 - p2;
        if (p1 == 0 && weight == 0) {
            throw new TheoryException("no row carries weight (p2 = 1 and A = 0)");
        }
        if (p2 == 0 || weight == 1 || weight == 0) {
            double r = p2 == 0 ? 1 : weight;
            double[] k = solveFixedD(atoms, n, p1 + p2 * r, lambda);
            return new double[] {k[0], r, k[1], k[2]};
        }
        return lambda == 0 ? ridgelessWeighted(atoms, n, p1, p2, weight) : weighted(atoms, n, p1, p2, weight, lambda);
    }

    /** The terms from a solved fixed point {@code fixed} = {κ, r, iterations, residual} ({@link #solve}). */
    static LawTerms terms(LawAtoms atoms, double n, double p2, double weight, double lambda, double[] fixed) {
        double p1 = 1 - p2;
        double kappa = fixed[0];
        double r = fixed[1];
        int iterations = (int) fixed[2];
        double residual = fixed[3];
        double d = p1 + p2 * r;
        double w = p1 + p2 * r * r;
        double g2 = 0;
        double tq2 = 0;
        double us2q2 = 0;
        double usq = 0;
        for (int i = 0; i < atoms.s.length; i++) {
            double s = atoms.s[i];
            double q = 1 / (d * s + kappa);
            double q2 = q * q;
            g2 += atoms.m[i] * s * s * q2;
            tq2 += atoms.teacher[i] * q2;
            us2q2 += atoms.shift[i] * s * s * q2;
            usq += atoms.shift[i] * s * q;
        }
        double shrink = 1 - w * g2 / n;
        if (!(shrink > 0)) {
            throw new TheoryException("the law diverges at n = " + n + " (interpolation threshold: W·df2/n = "
                    + (w * g2 / n) + " >= 1); lambda = " + lambda);
        }
        double eps = g2 / n / shrink;
        double bias = kappa == 0 ? 0 : kappa * kappa * (1 + w * eps) * tq2;
        double variance = w * eps;
        double wr = p2 * r * r;
        double synthetic = wr * eps + p2 * wr * (1 + w * eps) * us2q2 - 2 * p2 * wr * r * eps * usq;
        if (!Double.isFinite(bias + variance + synthetic)) {
            throw new TheoryException("the law overflowed at n = " + n + " (kappa = " + kappa + ")");
        }
        return new LawTerms(bias, variance, Math.max(0, synthetic), kappa, r, residual <= 1e-9, iterations, residual);
    }

    /** T(κ, D) = Σ m s/(D s + κ). */
    private static double trace(LawAtoms a, double kappa, double d) {
        double t = 0;
        for (int i = 0; i < a.s.length; i++) {
            t += a.m[i] * a.s[i] / (d * a.s[i] + kappa);
        }
        return t;
    }

    /** κ(1 − T(κ, D)/n) = λ at a fixed D; returns {κ, iterations, residual}. */
    private static double[] solveFixedD(LawAtoms a, double n, double d, double lambda) {
        double dim = a.dimension();
        if (lambda == 0) {
            if (dim / d < n) { // fewer effective directions than weighted rows: κ = 0
                return new double[] {0, 0, 0};
            }
            if (dim / d == n) {
                throw new TheoryException("ridgeless law diverges at the interpolation threshold d = n = " + n);
            }
        }
        double hi = lambda + a.trace() / (n * d);
        double lo = lambda > 0 ? lambda : hi;
        int halvings = 0;
        if (lambda == 0) {
            while (1 - trace(a, lo, d) / n >= 0) {
                lo *= 0.5;
                if (++halvings > 2000 || lo == 0) {
                    throw new TheoryException("could not bracket kappa at lambda = 0, n = " + n);
                }
            }
        }
        if (lo == hi) {
            return new double[] {lo, halvings, 0};
        }
        ScalarRoot.Root root = ScalarRoot.newton(
                (k, out) -> {
                    double t = 0;
                    double dt = 0;
                    for (int i = 0; i < a.s.length; i++) {
                        double q = 1 / (d * a.s[i] + k);
                        t += a.m[i] * a.s[i] * q;
                        dt += a.m[i] * a.s[i] * q * q;
                    }
                    out[0] = 1 - t / n - lambda / k;
                    out[1] = dt / n + lambda / (k * k);
                },
                lo,
                hi,
                lo,
                1e-15,
                F_TOL);
        return new double[] {root.x(), root.iterations() + halvings, root.residual()};
    }

    /** λ &gt; 0, A ∉ {0, 1}: root in x = ln κ of F = 1 − T(κ, D(u))/n − u, u = λ/κ; returns {κ, r, iterations, res}. */
    private static double[] weighted(LawAtoms a, double n, double p1, double p2, double weight, double lambda) {
        double dMin = p1 + p2 * Math.min(1, weight);
        double lo = Math.log(lambda);
        double hi = Math.log(lambda + a.trace() / (n * dMin));
        java.util.function.DoubleUnaryOperator f = x -> {
            double kappa = Math.exp(x);
            double u = Math.min(1, lambda / kappa);
            double r = weight / (weight + u * (1 - weight));
            return 1 - trace(a, kappa, p1 + p2 * r) / n - u;
        };
        double flo = f.applyAsDouble(lo);
        double fhi = f.applyAsDouble(hi);
        ScalarRoot.Root root = flo >= 0
                ? new ScalarRoot.Root(lo, Math.abs(flo), 1, true)
                : ScalarRoot.regulaFalsi(f, lo, flo, hi, Math.max(fhi, 0), F_TOL, 1e-15, 500);
        double kappa = Math.exp(root.x());
        double u = Math.min(1, lambda / kappa);
        return new double[] {kappa, weight / (weight + u * (1 - weight)), root.iterations() + 2, root.residual()};
    }

    /** λ = 0, A ∉ {0, 1}: κ = 0 and u = 1 − d/(nD(u)) when d &lt; n, else r = 1 and the ridgeless κ. */
    private static double[] ridgelessWeighted(LawAtoms a, double n, double p1, double p2, double weight) {
        double dim = a.dimension();
        if (dim > n) {
            double[] k = solveFixedD(a, n, 1, 0);
            return new double[] {k[0], 1, k[1], k[2]};
        }
        if (dim == n) {
            throw new TheoryException("ridgeless law diverges at the interpolation threshold d = n = " + n);
        }
        java.util.function.DoubleUnaryOperator g = u -> {
            double r = weight / (weight + u * (1 - weight));
            return u - 1 + dim / (n * (p1 + p2 * r));
        };
        ScalarRoot.Root root =
                ScalarRoot.regulaFalsi(g, 0, g.applyAsDouble(0), 1, g.applyAsDouble(1), F_TOL, 1e-16, 500);
        double u = root.x();
        return new double[] {0, weight / (weight + u * (1 - weight)), root.iterations(), root.residual()};
    }
}
