package org.collapselab.classification;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.collapselab.theory.TheoryException;

/**
 * Deterministic equivalent of the real-test 0–1 error of ℓ2-penalised logistic regression without intercept,
 * ŵ = argmin (1/N) Σ_i c_i log(1 + e^{−s_i x̃_iᵀw}) + λ‖w‖², x̃_i = μ + z_i, on the groups of {@link LabelGroups}: the
 * fixed point of Loureiro, Sicuro, Gerbelot, Pacco, Krzakala, Zdeborová (NeurIPS 2021, Theorem 1, one cluster mean
 * after multiplying each row by its class; Σ diagonal), extended to groups with their own label sign and weight. The
 * channel ({@link LogisticChannel}) maps (m, q, V) to (m̂, q̂, V̂); the prior side, with κ = 2λ/V̂, is
 * <pre>
 *   V = df1(κ)/(N V̂),   m = (m̂/V̂) τ1(κ),   q = (m̂/V̂)² τ2(κ) + (q̂/V̂²) df2(κ)/N,
 * </pre>
 * τ1 = μᵀ(Σ + κ)⁻¹μ, τ2 = μᵀ(Σ + κ)⁻¹Σ(Σ + κ)⁻¹μ, df1 = tr Σ(Σ + κ)⁻¹, df2 = tr Σ²(Σ + κ)⁻² (the same prior as the
 * square loss, whose channel is explicit). The error is Φ(−m/√q), averaged over μ's direction by
 * {@link DirectionAverage} (each perturbed profile of the delta method is solved by chord steps from the base
 * solution; the remainder beyond second order uses the equations with the hat variables frozen).
 *
 * <p><b>Solver.</b> Unknowns x = (m, ln q, ln V), residual F(x) = T(x) − x. Start from the quadratic expansion of the
 * logistic loss at w = 0 (the square-loss solution at 8λ: ŵ ≈ 2ŵ_sq, V ≈ 8V_sq), damped Picard steps until
 * |F| &lt; 1e-3, then Newton with a forward-difference Jacobian and backtracking on |F|. Converged when
 * max(|F_m|/√q, |F_{ln q}|, |F_{ln V}|) ≤ {@link #TOLERANCE}. Budget: {@link #MAX_EVALUATIONS} channel evaluations;
 * beyond it the result carries converged = false.
 */
public final class LogisticTheory {
    /** Residual at which a fixed point counts as converged. */
    public static final double TOLERANCE = 1e-11;
    /** Most channel evaluations of one theory point (its budget). */
    public static final int MAX_EVALUATIONS = 2000;

    private LogisticTheory() {}

    /** Predicted error of a logistic-loss problem (a single fit), averaged over μ's direction. */
    public static ClassificationResult predict(ClassificationProblem p) {
        return predict(p, null);
    }

    /**
     * Predicted error for a given class mean, through its squared coordinates μ_i² in Σ's eigenbasis
     * ({@code muSquared}), or averaged over μ's random direction when {@code muSquared} is null.
     */
    public static ClassificationResult predict(ClassificationProblem p, double[] muSquared) {
        if (p.loss() != Loss.LOGISTIC) {
            throw new TheoryException(
                    "LogisticTheory needs --loss logistic, got " + p.loss().key());
        }
        LabelGroups groups = merged(LabelGroups.of(p));
        double bayes = p.bayesError();
        if (groups.empty() || p.mu2() == 0) {
            return ClassificationResult.chance(bayes);
        }
        double[] s = p.spectrum().eigenvalues();
        double[] mu = muSquared == null ? SquareLossTheory.meanProfile(s, p.mu2()) : muSquared;
        Equations eq = new Equations(s, mu, groups, p.lambda());
        Solve base = eq.solve(start(p, groups, mu), new double[4], 0);
        double kappa = eq.kappaAt(base.x);
        double g0 = eq.error(base.x);
        int[] evaluations = {base.evaluations};
        boolean[] ok = {base.converged};
        double[] worst = {base.residual};
        double second = muSquared != null
                ? 0
                : DirectionAverage.secondOrder(
                        e -> {
                            Solve sol = eq.chord(base, e, kappa);
                            evaluations[0] += sol.evaluations;
                            ok[0] &= sol.converged;
                            worst[0] = Math.max(worst[0], sol.residual);
                            return eq.error(sol.x);
                        },
                        g0,
                        DirectionAverage.covariance(s, p.mu2(), kappa, 4));
        double mean = g0 + second + DirectionAverage.finiteD(eq.frozen(base.x), s, p.mu2(), kappa, muSquared);
        return new ClassificationResult(
                mean, bayes, base.x[0], Math.exp(base.x[1]), mean - g0, kappa, ok[0], evaluations[0], worst[0]);
    }

    /** Groups with equal (sign, weight) merged (real and kept good rows at A = 1), so each is integrated once. */
    static LabelGroups merged(LabelGroups g) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            boolean done = false;
            for (double[] o : out) {
                if (o[1] == g.signs()[i] && o[2] == g.weights()[i]) {
                    o[0] += g.shares()[i];
                    done = true;
                }
            }
            if (!done && g.shares()[i] > 0) {
                out.add(new double[] {g.shares()[i], g.signs()[i], g.weights()[i]});
            }
        }
        double[][] cols = new double[3][out.size()];
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < 3; j++) {
                cols[j][i] = out.get(i)[j];
            }
        }
        return new LabelGroups(cols[0], cols[1], cols[2], g.rows());
    }

    /** The square-loss solution at 8λ, mapped to the logistic scale (ŵ ≈ 2ŵ_sq, V ≈ 8V_sq). */
    private static double[] start(ClassificationProblem p, LabelGroups groups, double[] mu) {
        ClassificationProblem sq = new ClassificationProblem(
                p.spectrum(),
                p.n(),
                p.p2(),
                p.mu2(),
                p.flipRate(),
                Loss.SQUARE,
                8 * p.lambda(),
                p.syntheticWeight(),
                p.keepGood(),
                p.keepBad(),
                null);
        ClassificationResult r = SquareLossTheory.predict(sq, mu);
        double v = SquareLossTheory.solve(p.spectrum().eigenvalues(), groups, 8 * p.lambda())
                .leverage();
        return new double[] {2 * r.overlap(), Math.log(4 * Math.max(r.normSquared(), 1e-300)), Math.log(8 * v)};
    }

    /** A solution x = (m, ln q, ln V) with its certificate and the last Newton Jacobian (null if none). */
    record Solve(double[] x, double residual, boolean converged, int evaluations, LUDecomposition jacobian) {}

    /** The fixed-point map for one spectrum, groups, M and λ. */
    private static final class Equations {
        private final double[] s;
        private final double[] mu;
        private final LabelGroups groups;
        private final double lambda;
        private int evaluations;

        Equations(double[] s, double[] mu, LabelGroups groups, double lambda) {
            this.s = s;
            this.mu = mu;
            this.groups = groups;
            this.lambda = lambda;
        }

        /** T(x) − x for the direction perturbation e at reference κ0. */
        double[] residual(double[] x, double[] e, double kappa0) {
            evaluations++;
            double q = Math.exp(x[1]);
            double v = Math.exp(x[2]);
            LogisticChannel.Hats h = LogisticChannel.evaluate(groups, x[0], q, v);
            if (!(h.vHat() > 0)) {
                throw new TheoryException(
                        "logistic theory: the loss has no curvature left at this point (V̂ underflows: "
                                + "the classes are separated far beyond the loss's scale at lambda = " + lambda
                                + "); use a larger "
                                + "lambda or --loss square");
            }
            double kappa = 2 * lambda / h.vHat();
            double df1 = 0, df2 = 0, tau1 = 0, tau2 = 0;
            for (int i = 0; i < s.length; i++) {
                double inv = 1 / (s[i] + kappa);
                double f = s[i] * inv;
                df1 += f;
                df2 += f * f;
                tau1 += mu[i] * inv;
                tau2 += mu[i] * f * inv;
            }
            double rows = groups.rows();
            tau1 += e[0] + e[2] * (kappa - kappa0);
            tau2 += e[1] + e[3] * (kappa - kappa0);
            double ratio = h.mHat() / h.vHat();
            double m = ratio * tau1;
            double qNew = ratio * ratio * tau2 + h.qHat() / (h.vHat() * h.vHat()) * df2 / rows;
            double vNew = df1 / (rows * h.vHat());
            return new double[] {m - x[0], Math.log(qNew) - x[1], Math.log(vNew) - x[2]};
        }

        /**
         * The explicit model of the direction average: the error as a function of (e1, e2) with the hat variables, κ
         * and V frozen at the solution x.
         */
        DirectionAverage.Model frozen(double[] x) {
            LogisticChannel.Hats h = LogisticChannel.evaluate(groups, x[0], Math.exp(x[1]), Math.exp(x[2]));
            double kappa = 2 * lambda / h.vHat();
            double tau1 = 0, tau2 = 0;
            for (int i = 0; i < s.length; i++) {
                double inv = 1 / (s[i] + kappa);
                tau1 += mu[i] * inv;
                tau2 += mu[i] * s[i] * inv * inv;
            }
            double r = h.mHat() / h.vHat();
            double c = Math.sqrt(h.qHat() / (h.vHat() * h.vHat() * groups.rows()));
            double t1 = tau1;
            double t2 = tau2;
            return (e0, e1, l1, l2, quad) -> ClassificationResult.error(
                    r * (t1 + e0) + c * l1, r * r * (t2 + e1) + 2 * r * c * l2 + c * c * quad);
        }

        double kappaAt(double[] x) {
            return 2
                    * lambda
                    / LogisticChannel.evaluate(groups, x[0], Math.exp(x[1]), Math.exp(x[2]))
                            .vHat();
        }

        double error(double[] x) {
            return ClassificationResult.error(x[0], Math.exp(x[1]));
        }

        static double norm(double[] f, double[] x) {
            return Math.max(Math.abs(f[0]) / Math.exp(0.5 * x[1]), Math.max(Math.abs(f[1]), Math.abs(f[2])));
        }

        /** Damped Picard steps, then Newton; see the class comment. */
        Solve solve(double[] start, double[] e, double kappa0) {
            evaluations = 0;
            double[] x = start.clone();
            double[] f = residual(x, e, kappa0);
            double r = norm(f, x);
            for (int i = 0; i < 200 && r > 1e-3 && evaluations < MAX_EVALUATIONS / 2; i++) {
                for (int j = 0; j < 3; j++) {
                    x[j] += 0.5 * f[j];
                }
                f = residual(x, e, kappa0);
                r = norm(f, x);
            }
            LUDecomposition lu = null;
            while (r > TOLERANCE && evaluations < MAX_EVALUATIONS) {
                lu = jacobian(x, f, e, kappa0);
                double[] step = lu.getSolver().isNonSingular()
                        ? lu.getSolver()
                                .solve(new ArrayRealVector(f))
                                .mapMultiply(-1)
                                .toArray()
                        : f.clone();
                double t = 1;
                double[] best = null;
                double[] bestF = null;
                double bestR = r;
                for (int k = 0; k < 30; k++, t *= 0.5) {
                    double[] y = {x[0] + t * step[0], x[1] + t * step[1], x[2] + t * step[2]};
                    double[] fy = residual(y, e, kappa0);
                    double ry = norm(fy, y);
                    if (ry < bestR) {
                        best = y;
                        bestF = fy;
                        bestR = ry;
                        break;
                    }
                }
                if (best == null) { // no Newton progress: a damped Picard step instead
                    for (int j = 0; j < 3; j++) {
                        x[j] += 0.25 * f[j];
                    }
                    f = residual(x, e, kappa0);
                    r = norm(f, x);
                    continue;
                }
                x = best;
                f = bestF;
                r = bestR;
            }
            if (lu == null) {
                lu = jacobian(x, f, e, kappa0);
            }
            return new Solve(x, r, r <= TOLERANCE, evaluations, lu);
        }

        /** Chord iterations x ← x − J0⁻¹F_e(x) from the base solution; a full solve when they stall. */
        Solve chord(Solve base, double[] e, double kappa0) {
            evaluations = 0;
            double[] x = base.x.clone();
            double[] f = residual(x, e, kappa0);
            double r = norm(f, x);
            for (int i = 0; i < 40 && r > TOLERANCE; i++) {
                RealVector step = base.jacobian.getSolver().solve(new ArrayRealVector(f));
                double[] y = {x[0] - step.getEntry(0), x[1] - step.getEntry(1), x[2] - step.getEntry(2)};
                double[] fy = residual(y, e, kappa0);
                double ry = norm(fy, y);
                if (!(ry < r)) {
                    int used = evaluations;
                    Solve full = solve(x, e, kappa0);
                    return new Solve(full.x, full.residual, full.converged, used + full.evaluations, full.jacobian);
                }
                x = y;
                f = fy;
                r = ry;
            }
            return new Solve(x, r, r <= TOLERANCE, evaluations, base.jacobian);
        }

        private LUDecomposition jacobian(double[] x, double[] f, double[] e, double kappa0) {
            double[][] j = new double[3][3];
            for (int k = 0; k < 3; k++) {
                double h = 1e-7 * Math.max(1, Math.abs(x[k]));
                double[] y = x.clone();
                y[k] += h;
                double[] fy = residual(y, e, kappa0);
                for (int i = 0; i < 3; i++) {
                    j[i][k] = (fy[i] - f[i]) / h;
                }
            }
            return new LUDecomposition(new Array2DRowRealMatrix(j, false));
        }
    }
}
