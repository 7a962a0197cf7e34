package org.collapselab.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapselab.problem.ModelKind;
import org.collapselab.theory.ScalarMinimum;
import org.collapselab.theory.SketchedTwoSourceTheory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;
import org.collapselab.theory.TwoSourceRidgeTheory;

/**
 * Finds by theory the training recipe (k synthetic rows, weight A, λ, width m) with the lowest predicted real-test
 * error for a {@link Regime}. Pure and deterministic. Search: k over {0, n2} and a geometric grid refined around
 * the best grid value; for each k, log A by {@link ScalarMinimum} (scan + golden section) and, inside, log λ the
 * same way (and λ = 0); for rp every given width. Ridge uses {@link TwoSourceRidgeTheory}; rp uses
 * {@link SketchedTwoSourceTheory} (which hands Σ2 = Σ1 to WeightedRandomProjectionTheory).
 */
public final class Advisor {
    /** log10 A is searched in [−4, 2]. */
    static final double LOG_WEIGHT_LO = -4;

    static final double LOG_WEIGHT_HI = 2;
    /** log10 λ is searched in log10(tr Σ1/d) + [−7, 2], plus λ = 0. */
    static final double LOG_LAMBDA_SPAN_LO = -7;

    static final double LOG_LAMBDA_SPAN_HI = 2;
    private static final int SCAN = 7;
    private static final double TOL = 5e-3;
    private static final int K_GRID = 9;

    private final Regime regime;
    private final double logLambdaCenter;
    private final Runnable evaluated;
    private int evaluations;

    private Advisor(Regime regime) {
        this(regime, () -> {});
    }

    private Advisor(Regime regime, Runnable evaluated) {
        this.regime = regime;
        this.evaluated = evaluated;
        this.logLambdaCenter = Math.log10(regime.real().trace() / regime.real().dimension());
    }

    /** The best recipe by theory beside real-only and use-everything (λ, m tuned for each). */
    public static Advice advise(Regime regime) {
        return advise(regime, () -> {});
    }

    /** The same, calling {@code evaluated} after each theory point (for a progress line on large d). */
    public static Advice advise(Regime regime, Runnable evaluated) {
        Advisor a = new Advisor(regime, evaluated);
        long n2 = regime.syntheticRows();
        Recipe realOnly = null;
        Recipe everything = null;
        Recipe best = null;
        for (long m : a.widths()) {
            Recipe r0 = a.tuneLambda(0, 0, m);
            Recipe all = n2 == 0 ? r0 : a.tuneLambda(n2, 1, m);
            realOnly = better(realOnly, r0);
            everything = better(everything, all);
            best = better(best, better(r0, better(all, a.bestOverRows(m))));
        }
        if (best == null) {
            throw new TheoryException("no recipe has a finite predicted error in this regime");
        }
        return new Advice(
                regime,
                best,
                realOnly,
                everything,
                realOnly == null ? Double.NaN : realOnly.predictedTestMse() - best.predictedTestMse(),
                everything == null ? Double.NaN : everything.predictedTestMse() - best.predictedTestMse(),
                a.evaluations);
    }

    /**
     * Predicted error vs k for one weight A (λ tuned at each k; for rp the given width), at {@code points} values of
     * k from 0 to n2 (evenly spaced). Entries whose theory diverges are left out.
     */
    public static List<Recipe> curve(Regime regime, double weight, long width, int points) {
        Advisor a = new Advisor(regime);
        List<Recipe> out = new ArrayList<>();
        TreeSet<Long> ks = new TreeSet<>();
        for (int i = 0; i < points; i++) {
            ks.add(Math.round((double) regime.syntheticRows() * i / Math.max(1, points - 1)));
        }
        for (long k : ks) {
            Recipe r = a.tuneLambda(k, weight, width);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The recipe with k rows of weight A and λ tuned by theory (width m for rp, 0 for ridge); null if none is finite. */
    public static Recipe withTunedLambda(Regime regime, long k, double weight, long width) {
        return new Advisor(regime).tuneLambda(k, weight, width);
    }

    /** The recipe with k rows, A and λ tuned by theory; null if none is finite. */
    public static Recipe withTunedWeight(Regime regime, long k, long width) {
        return k == 0 ? withTunedLambda(regime, 0, 0, width) : new Advisor(regime).tuneWeight(k, width);
    }

    /** The best recipe over k ≤ n2 with A = 1 and λ tuned (the best subset of synthetic rows, unweighted). */
    public static Recipe bestSubset(Regime regime, long width) {
        Advisor a = new Advisor(regime);
        long n2 = regime.syntheticRows();
        Recipe[] found = {a.tuneLambda(0, 0, width)};
        if (n2 > 0) {
            found[0] = better(found[0], a.tuneLambda(n2, 1, width));
            ScalarMinimum.minimize(
                    x -> {
                        Recipe r = a.tuneLambda(Math.round(x * n2), 1, width);
                        found[0] = better(found[0], r);
                        return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                    },
                    0,
                    1,
                    11,
                    1e-4);
        }
        return found[0];
    }

    /** Predicted error of one recipe (null when the theory diverges there). */
    public static Recipe evaluate(Regime regime, long k, double weight, double lambda, long width) {
        return new Advisor(regime).evaluateRecipe(k, weight, lambda, width);
    }

    private List<Long> widths() {
        return regime.model() == ModelKind.RIDGE ? List.of(0L) : regime.widths();
    }

    /** Best over k ∈ (0, n2] for width m: geometric grid of k, then golden section in log k around the best. */
    private Recipe bestOverRows(long m) {
        long n2 = regime.syntheticRows();
        if (n2 == 0) {
            return null;
        }
        Recipe best = null;
        for (int i = 0; i < K_GRID; i++) {
            long k = Math.max(1, Math.round(Math.pow(n2, (double) i / (K_GRID - 1))));
            best = better(best, tuneWeight(k, m));
        }
        if (best == null) {
            return null;
        }
        double center = Math.log(Math.max(1, best.syntheticRows()));
        double step = Math.log(n2) / (K_GRID - 1);
        double lo = Math.max(0, center - step);
        double hi = Math.min(Math.log(n2), center + step);
        Recipe[] found = {best};
        ScalarMinimum.minimize(
                x -> {
                    Recipe r = tuneWeight(Math.max(1, Math.min(n2, Math.round(Math.exp(x)))), m);
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                },
                lo,
                hi,
                3,
                1e-3);
        return found[0];
    }

    /** For k &gt; 0 rows: best A, λ tuned inside. */
    private Recipe tuneWeight(long k, long m) {
        Recipe[] found = {null};
        ScalarMinimum.minimize(
                x -> {
                    Recipe r = tuneLambda(k, Math.pow(10, x), m);
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                },
                LOG_WEIGHT_LO,
                LOG_WEIGHT_HI,
                SCAN,
                TOL);
        return found[0];
    }

    /** Best λ (λ = 0 or log λ by scan + golden section) for fixed k, A, m. */
    private Recipe tuneLambda(long k, double weight, long m) {
        Recipe[] found = {evaluateRecipe(k, weight, 0, m)};
        ScalarMinimum.minimize(
                x -> {
                    Recipe r = evaluateRecipe(k, weight, Math.pow(10, x), m);
                    found[0] = better(found[0], r);
                    return r == null ? Double.POSITIVE_INFINITY : r.predictedTestMse();
                },
                logLambdaCenter + LOG_LAMBDA_SPAN_LO,
                logLambdaCenter + LOG_LAMBDA_SPAN_HI,
                SCAN,
                TOL);
        return found[0];
    }

    private Recipe evaluateRecipe(long k, double weight, double lambda, long m) {
        evaluations++;
        evaluated.run();
        double a = k == 0 ? 0 : weight;
        long n1 = regime.realRows();
        try {
            TheoryResult t =
                    switch (regime.model()) {
                        case RIDGE ->
                            TwoSourceRidgeTheory.predict(
                                    regime.real(),
                                    regime.effectiveSynthetic(),
                                    n1,
                                    k,
                                    regime.c2(),
                                    regime.sigmaReal(),
                                    regime.sigmaSynthetic(),
                                    a == 0 ? 1 : a,
                                    lambda);
                        case RANDOM_PROJECTION ->
                            SketchedTwoSourceTheory.predict(
                                    regime.real(),
                                    regime.synthetic(),
                                    n1,
                                    k,
                                    m,
                                    regime.c2(),
                                    regime.sigmaReal(),
                                    regime.sigmaSynthetic(),
                                    a == 0 ? 1 : a,
                                    lambda);
                    };
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
            return new Recipe(k, a, lambda, m, t.testError(), t.testError() + s2, t);
        } catch (TheoryException e) {
            return null; // divergent point (interpolation threshold): not a candidate
        }
    }

    private static Recipe better(Recipe a, Recipe b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.predictedTestMse() < a.predictedTestMse() ? b : a;
    }
}
