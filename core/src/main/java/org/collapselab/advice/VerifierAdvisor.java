package org.collapselab.advice;

import java.util.List;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.problem.Verifier;
import org.collapselab.theory.ScalarMinimum;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;

/**
 * Does a verifier pay, and how many rows to generate? For a {@link Regime} (n1 real rows; at most n2 synthetic rows can
 * be generated, a share π of them bad with shift c²) and a verifier keeping good rows with ϕ and bad ones with ψ, by
 * {@link SyntheticPoolTheory}: the best pool size N ≤ n2 with the verifier and without it (every generated row kept),
 * real rows only, and all n2 verified — each with λ tuned (and the best width for rp), kept rows weighted like real
 * ones. The search over N is a geometric grid refined by golden section in log N, as {@link Advisor} searches k.
 * Rows to generate to keep k: the kept count of a pool of N is Bin(N − nb, ϕ) + Bin(nb, ψ) with mean N·rate,
 * rate = (1 − π)ϕ + πψ; {@link #rowsToKeep} gives the mean N = k/rate and the N at which the kept count reaches k with
 * probability ≈ 95% (normal approximation of that sum).
 */
public final class VerifierAdvisor {
    private static final int GRID = 9;
    private static final int SCAN = 7;
    private static final double TOL = 5e-3;

    private final Regime regime;
    private final double logLambdaCenter;
    private int evaluations;

    private VerifierAdvisor(Regime regime) {
        this.regime = regime;
        this.logLambdaCenter = Math.log10(regime.real().trace() / regime.real().dimension());
    }

    /**
     * The answer.
     *
     * @param verifier π, ϕ, ψ
     * @param verified best N with the verifier
     * @param unverified best N keeping every generated row
     * @param allVerified N = n2 with the verifier
     * @param realOnly N = 0
     * @param keepRate expected kept rows per generated row, (1 − π)ϕ + πψ
     * @param evaluations theory points of the search (each averaged over the kept counts)
     */
    public record Answer(
            Verifier verifier,
            VerifiedRecipe verified,
            VerifiedRecipe unverified,
            VerifiedRecipe allVerified,
            VerifiedRecipe realOnly,
            double keepRate,
            int evaluations) {
        /** True when verifying beats both the best unverified pool and real rows alone. */
        public boolean pays() {
            return verified.predictedTestMse() < Math.min(unverified.predictedTestMse(), realOnly.predictedTestMse());
        }

        /** Best unverified minus best verified predicted MSE (&gt; 0: the verifier helps). */
        public double gainOverUnverified() {
            return unverified.predictedTestMse() - verified.predictedTestMse();
        }

        /** Real-only minus best verified predicted MSE. */
        public double gainOverRealOnly() {
            return realOnly.predictedTestMse() - verified.predictedTestMse();
        }
    }

    /** Rows to generate to keep k rows: the mean N = k/rate and the N kept ≥ k with probability ≈ 95%. */
    public record Generate(double keep, double expected, long confident) {}

    /** The verifier analysis of a regime (ridge, or rp over its widths). */
    public static Answer advise(Regime regime, Verifier verifier) {
        VerifierAdvisor a = new VerifierAdvisor(regime);
        VerifiedRecipe verified = null;
        VerifiedRecipe unverified = null;
        VerifiedRecipe all = null;
        VerifiedRecipe real = null;
        Verifier none = new Verifier(verifier.badShare(), 1, 1);
        for (long m : regime.model() == ModelKind.RIDGE ? List.of(0L) : regime.widths()) {
            real = better(real, a.tuneLambda(0, verifier, m));
            all = better(all, a.tuneLambda(regime.syntheticRows(), verifier, m));
            verified = better(verified, a.bestPool(verifier, m));
            unverified = better(unverified, a.bestPool(none, m));
        }
        if (verified == null || unverified == null || all == null || real == null) {
            throw new TheoryException("no finite predicted error in this regime");
        }
        verified = better(verified, real);
        unverified = better(unverified, real);
        return new Answer(
                verifier,
                verified,
                unverified,
                all,
                real,
                (1 - verifier.badShare()) * verifier.keepGood() + verifier.badShare() * verifier.keepBad(),
                a.evaluations);
    }

    /** Rows to generate so that k rows are kept (mean and ≈ 95%), for a verifier with bad share π. */
    public static Generate rowsToKeep(Verifier v, double keep) {
        double pi = v.badShare();
        double rate = (1 - pi) * v.keepGood() + pi * v.keepBad();
        if (!(rate > 0)) {
            throw new org.collapselab.validation.ParameterException("keep", keep, "0 when the verifier keeps nothing");
        }
        double var = (1 - pi) * v.keepGood() * (1 - v.keepGood()) + pi * v.keepBad() * (1 - v.keepBad());
        // N·rate − 1.645·√(N·var) ≥ k: a quadratic in √N.
        double z = 1.6448536269514722;
        double b = z * Math.sqrt(var);
        double root = (b + Math.sqrt(b * b + 4 * rate * keep)) / (2 * rate);
        return new Generate(keep, keep / rate, (long) Math.ceil(root * root));
    }

    private VerifiedRecipe bestPool(Verifier v, long m) {
        long n2 = regime.syntheticRows();
        if (n2 == 0) {
            return null;
        }
        VerifiedRecipe best = null;
        for (int i = 0; i < GRID; i++) {
            best = better(best, tuneLambda(Math.max(1, Math.round(Math.pow(n2, (double) i / (GRID - 1)))), v, m));
        }
        if (best == null) {
            return null;
        }
        double center = Math.log(Math.max(1, best.generated()));
        double step = Math.log(n2) / (GRID - 1);
        VerifiedRecipe[] found = {best};
        ScalarMinimum.minimize(
                x -> {
                    VerifiedRecipe r = tuneLambda(Math.max(1, Math.min(n2, Math.round(Math.exp(x)))), v, m);
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                },
                Math.max(0, center - step),
                Math.min(Math.log(n2), center + step),
                3,
                1e-3);
        return found[0];
    }

    private VerifiedRecipe tuneLambda(long pool, Verifier v, long m) {
        VerifiedRecipe[] found = {evaluate(pool, v, 0, m)};
        ScalarMinimum.minimize(
                x -> {
                    VerifiedRecipe r = evaluate(pool, v, Math.pow(10, x), m);
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                },
                logLambdaCenter + Advisor.LOG_LAMBDA_SPAN_LO,
                logLambdaCenter + Advisor.LOG_LAMBDA_SPAN_HI,
                SCAN,
                TOL);
        return found[0];
    }

    private VerifiedRecipe evaluate(long pool, Verifier v, double lambda, long m) {
        evaluations++;
        long n = regime.realRows() + pool;
        try {
            Problem p = new Problem(
                    regime.model(),
                    regime.real(),
                    regime.synthetic(),
                    n,
                    m,
                    (double) pool / n,
                    regime.c2(),
                    regime.sigmaReal(),
                    lambda,
                    regime.sigmaSynthetic(),
                    1,
                    Estimator.MIX,
                    null,
                    v,
                    SyntheticTeacher.NONE);
            SyntheticPoolTheory.Prediction pred = SyntheticPoolTheory.predictAll(p);
            TheoryResult t = pred.student();
            double tau2 = regime.teacherScale();
            if (tau2 != 1) { // the bias is quadratic in w1: scale it to the regime's signal
                t = new TheoryResult(
                        t.testError() + (tau2 - 1) * t.bias(),
                        tau2 * t.bias(),
                        t.variance(),
                        t.zeta(),
                        t.effectiveRegularization(),
                        t.converged(),
                        t.iterations(),
                        t.residual());
            }
            if (!Double.isFinite(t.testError())) {
                return null;
            }
            double s2 = regime.sigmaReal() * regime.sigmaReal();
            return new VerifiedRecipe(
                    pool, pred.keptRows(), pred.keptBadRows(), lambda, m, t.testError(), t.testError() + s2, t);
        } catch (TheoryException e) {
            return null;
        }
    }

    private static VerifiedRecipe better(VerifiedRecipe a, VerifiedRecipe b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.predictedTestMse() < a.predictedTestMse() ? b : a;
    }
}
