package org.collapselab.classification;

import org.collapselab.problem.Generations;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.ScalarMinimum;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.ParameterException;

/**
 * Finds by theory the training recipe for a classifier (k of the n2 synthetic rows, their weight A, λ) with the lowest
 * predicted real-test 0–1 error, beside two baselines (real rows only; all n2 synthetic rows at A = 1), each with λ
 * tuned. Pure and deterministic; the core API behind {@code advise --task classification} and the entry point for
 * a diagnosis that has estimated (M, Q) from data. Search as for regression: k over {0, n2} and a geometric grid;
 * for each k, log A in [−3, 2] and, inside, log λ in [−5, 4] by {@link ScalarMinimum} (scan, then golden section).
 */
public final class ClassificationAdvisor {
    static final double LOG_WEIGHT_LO = -3;
    static final double LOG_WEIGHT_HI = 2;
    static final double LOG_LAMBDA_LO = -5;
    static final double LOG_LAMBDA_HI = 4;
    private static final int SCAN = 6;
    private static final double TOL = 1e-2;
    private static final int K_GRID = 7;

    /**
     * What the user has: n1 real rows, a pool of n2 synthetic rows flipped with probability Q and filtered by a
     * verifier (ϕ, ψ) when used, class separation M, Σ and the loss.
     */
    public record Regime(
            Spectrum spectrum,
            long realRows,
            long syntheticRows,
            double mu2,
            double flipRate,
            Loss loss,
            double keepGood,
            double keepBad) {
        public Regime {
            if (realRows < 0 || syntheticRows < 0 || realRows + syntheticRows < 1) {
                throw new ParameterException(
                        realRows < 0 ? "n1" : "n2",
                        realRows < 0 ? realRows : syntheticRows,
                        "an integer >= 0 (with n1 + n2 >= 1)");
            }
            // the remaining fields are checked by the problem they build
            problem(spectrum, realRows, 0, mu2, flipRate, loss, 1, 1, keepGood, keepBad);
        }
    }

    /**
     * A recipe and its prediction.
     *
     * @param syntheticRows k, synthetic rows used (before verification)
     * @param syntheticWeight A (0 when k = 0)
     * @param lambda λ
     * @param theory the prediction at (k, A, λ)
     */
    public record Recipe(long syntheticRows, double syntheticWeight, double lambda, ClassificationResult theory) {
        /** Predicted real-test 0–1 error. */
        public double predictedTestError() {
            return theory.testError();
        }
    }

    /** The advised recipe beside the baselines, and the number of theory points evaluated. */
    public record Advice(Recipe best, Recipe realOnly, Recipe useEverything, int evaluations) {}

    private final Regime regime;
    private int evaluations;

    private ClassificationAdvisor(Regime regime) {
        this.regime = regime;
    }

    /** The best recipe by theory beside real-only and use-everything. */
    public static Advice advise(Regime regime) {
        ClassificationAdvisor a = new ClassificationAdvisor(regime);
        long n2 = regime.syntheticRows();
        Recipe realOnly = regime.realRows() > 0 ? a.tuneLambda(0, 0) : null;
        Recipe everything = n2 > 0 ? a.tuneLambda(n2, 1) : null;
        Recipe best = better(realOnly, everything);
        for (int i = 0; i < K_GRID && n2 > 0; i++) {
            long k = Math.max(1, Math.round(Math.pow(n2, (double) i / (K_GRID - 1))));
            best = better(best, a.tuneWeight(k));
        }
        if (best == null) {
            throw new TheoryException("no recipe has a finite predicted error in this regime");
        }
        return new Advice(best, realOnly, everything, a.evaluations);
    }

    /** Predicted error of one recipe (null when the theory has no answer there). */
    public static Recipe evaluate(Regime regime, long k, double weight, double lambda) {
        return new ClassificationAdvisor(regime).evaluateRecipe(k, weight, lambda);
    }

    private Recipe tuneWeight(long k) {
        Recipe[] found = {null};
        ScalarMinimum.minimize(
                x -> {
                    Recipe r = tuneLambda(k, Math.pow(10, x));
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestError();
                },
                LOG_WEIGHT_LO,
                LOG_WEIGHT_HI,
                SCAN,
                TOL);
        return found[0];
    }

    private Recipe tuneLambda(long k, double weight) {
        Recipe[] found = {null};
        ScalarMinimum.minimize(
                x -> {
                    Recipe r = evaluateRecipe(k, weight, Math.pow(10, x));
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestError();
                },
                LOG_LAMBDA_LO,
                LOG_LAMBDA_HI,
                SCAN,
                TOL);
        return found[0];
    }

    private Recipe evaluateRecipe(long k, double weight, double lambda) {
        evaluations++;
        double a = k == 0 ? 0 : weight;
        try {
            ClassificationResult r = ClassificationTheory.predict(problem(
                    regime.spectrum(),
                    regime.realRows(),
                    k,
                    regime.mu2(),
                    regime.flipRate(),
                    regime.loss(),
                    a,
                    lambda,
                    regime.keepGood(),
                    regime.keepBad()));
            return r.converged() && Double.isFinite(r.testError()) ? new Recipe(k, a, lambda, r) : null;
        } catch (TheoryException e) {
            return null;
        }
    }

    private static ClassificationProblem problem(
            Spectrum s,
            long n1,
            long k,
            double mu2,
            double q,
            Loss loss,
            double weight,
            double lambda,
            double keepGood,
            double keepBad) {
        long n = Math.max(1, n1 + k);
        return new ClassificationProblem(
                s, n, (double) k / n, mu2, q, loss, lambda, weight, keepGood, keepBad, Generations.NONE);
    }

    private static Recipe better(Recipe a, Recipe b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.predictedTestError() < a.predictedTestError() ? b : a;
    }
}
