package org.collapselab.theory;

import org.collapselab.problem.Generations;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;

/**
 * Theory of retraining loops (docs/generations.md), generation by generation. Generation 0 is
 * {@link Theory#predict} of the single-step problem; generation k ≥ 1 draws n fresh rows of which round(r·n) are
 * real and the rest are labelled by generation k−1 (r = fresh-real share, synthetic share p = 1 − round(r·n)/n).
 *
 * <p>Where it holds:
 * <ul>
 *   <li><b>replace, ridge or random projections, any spectrum, λ ≥ 0, any r</b>: the recursion of second-order
 *       deterministic equivalents of {@link LoopRecursion} (large-size limit, O(d) per generation). For λ = 0 and n &gt; d + 1 it is
 *       exact at r = 0 (E_t = E_0 + t·σ²d/(n − d − 1)); at r &gt; 0 it treats the label-source mixing as noise, as the
 *       single-step theory does. Stability: contraction factor ρ ({@link LoopStability}); for OLS
 *       ρ = p2² + p2·p1·φ/(1 − φ).</li>
 *   <li><b>accumulate, λ = 0, r = 0, any spectrum</b>: exact. Min-norm least squares satisfies the normal
 *       equations, so every generation adds an independent noise increment and
 *       E_k = E_0 + σ² Σ_{i=2..k+1} V(i·n)/i with V(N) = E tr Σ(XᵀX)⁺ over N rows: d/(N − d − 1) (exact) for
 *       N &gt; d + 1, the deterministic equivalent df2/(N − df2) below. Bounded: the added error stays below
 *       (π²/6 − 1)·σ²d/(n − d − 1) (n &gt; d + 1), while the strong-collapse part of E_0 stays forever.</li>
 *   <li><b>accumulate, λ = 0, r &gt; 0, n &gt; d + 1, any spectrum</b>: approximate ({@link AccumulateApproximation}):
 *       the pooled fit shares its rows with the fits that labelled them; the error is split into a noise-type part
 *       (whose moments through the pooled refit are exact) and a design-independent bias part. Exact at r = 0 and
 *       for pure noise at r = 1; measured within ~2% for d/n ≤ 0.8. Min-norm (n ≤ d + 1): simulation only.</li>
 *   <li><b>accumulate, λ &gt; 0, any r, n &gt; d, df2/n ≤ ½</b>: approximate, the same split with ridge moments and
 *       the pooled resolvent by its deterministic equivalent (relative error O(df2/n), measured ≤ ~3%); elsewhere
 *       simulation only.</li>
 *   <li><b>accumulate-subsample</b>: simulation only (no closed form is known); a {@link TheoryException} says
 *       so.</li>
 *   <li><b>random projections under accumulate</b>: not covered (simulation only; a {@link TheoryException}).</li>
 * </ul>
 */
public final class GenerationsTheory {
    private GenerationsTheory() {}

    /** Message prefix of every "simulation only" answer, for callers that label it. */
    public static final String SIMULATION_ONLY = "simulation only";

    /** Predicted error of every generation 0..K of a looping problem (K = 0 gives the single-step point). */
    public static GenerationsPrediction predict(Problem problem) {
        Generations loop = problem.generations();
        Problem single = problem.withGenerations(Generations.NONE);
        if (loop.looping() && !single.plainPool()) {
            throw new TheoryException(
                    SIMULATION_ONLY + ": loops with a verifier or a trained teacher have no theory here "
                            + "(the kept counts and labels change every generation); use simulate");
        }
        if (loop.looping() && !single.isBaseline()) {
            throw new TheoryException(
                    SIMULATION_ONLY + ": loop theory covers generation 0 in the paper's setting (Σ2 = Σ1, "
                            + "σ2 = σ1, weight 1, mix); use simulate");
        }
        TheoryResult g0 = Theory.predict(single);
        if (!loop.looping()) {
            LoopStability none = new LoopStability(LoopStability.Status.STABLE, 0, g0.testError(), "no loop");
            return new GenerationsPrediction(
                    new double[] {g0.testError()},
                    g0,
                    none,
                    "single step",
                    g0.converged(),
                    g0.iterations(),
                    g0.residual());
        }
        Schedule schedule = loop.schedule();
        if (schedule == Schedule.ACCUMULATE_SUBSAMPLE) {
            throw new TheoryException(SIMULATION_ONLY
                    + ": accumulate-subsample has no theory (no closed form is known); " + "use simulate");
        }
        if (!loop.plain() && schedule != Schedule.REPLACE) {
            throw new TheoryException(
                    SIMULATION_ONLY + ": growth and correction have theory for replace only; use simulate");
        }
        if (schedule == Schedule.ACCUMULATE) {
            if (problem.model() != ModelKind.RIDGE) {
                throw new TheoryException(
                        SIMULATION_ONLY + ": accumulate theory covers ridge only; random projections draw a new S "
                                + "each generation over shared rows; use simulate");
            }
            return AccumulateTheory.predict(problem, g0);
        }
        return replace(problem, g0);
    }

    /** Synthetic share of generations ≥ 1: p = (n − round(r·n))/n, the realised share the simulation draws. */
    public static double loopSyntheticShare(Problem problem) {
        long n = problem.n();
        return (n - Math.round(problem.generations().freshReal() * n)) / (double) n;
    }

    private static GenerationsPrediction replace(Problem problem, TheoryResult g0) {
        int iterations = g0.iterations();
        double residual = g0.residual();
        boolean converged = g0.converged();
        Generations loop = problem.generations();
        double carry = 1 - loop.correction();
        LoopRecursion rec = null;
        long recRows = -1;
        int count = loop.count();
        double[] errors = new double[count + 1];
        errors[0] = g0.testError();
        LoopRecursion.State s = null;
        double p = 0;
        for (int g = 0; g <= count; g++) {
            long rows = loop.rows(problem.n(), g);
            if (rows != recRows) { // growth: the fixed points of this generation's size
                Problem sized = problem.withGenerations(Generations.NONE).withRows(rows);
                RandomProjectionTheory.FixedPoint fp = null;
                double kappa = g == 0 ? g0.effectiveRegularization() : 0;
                if (problem.model() == ModelKind.RANDOM_PROJECTION) {
                    fp = RandomProjectionTheory.solve(problem.spectrum(), rows, problem.m(), problem.lambda());
                    iterations += fp.iterations();
                    residual = Math.max(residual, fp.residual());
                    converged &= fp.converged();
                } else if (g > 0) {
                    RidgeTheory.Kappa k = RidgeTheory.solveKappa(problem.spectrum(), rows, problem.lambda());
                    kappa = k.kappa();
                    iterations += k.iterations();
                    residual = Math.max(residual, k.residual());
                    converged &= k.converged();
                }
                rec = recursion(sized, kappa, fp);
                recRows = rows;
            }
            if (g == 0) {
                s = rec.generationZero((double) problem.syntheticCount() / problem.n(), problem.c2());
                continue;
            }
            p = (rows - Math.round(loop.freshReal() * rows)) / (double) rows;
            s = rec.step(s.scaled(carry), p);
            errors[g] = s.error();
        }
        requireFinite(errors);
        String basis = "deterministic-equivalent recursion (" + problem.model().key() + ", replace, large-size limit)"
                + (rec.exactOls() ? "; OLS noise moment exact (1/(n-d-1)), exact closed form at fresh-real 0" : "")
                + (loop.growth() != 1 ? "; growth " + loop.growth() + ": generation k draws round(n*g^k) rows" : "")
                + (loop.correction() != 0 ? "; correction " + loop.correction() + " toward the truth" : "");
        LoopStability stability =
                count == 0 ? rec.stability(loopSyntheticShare(problem), carry) : rec.stability(p, carry);
        if (loop.growth() != 1) {
            stability = growing(stability, loop, problem, errors[count]);
        }
        return new GenerationsPrediction(errors, g0, stability, basis, converged, iterations, residual);
    }

    /**
     * The verdict of a loop whose sample size changes every generation: the map of the last generation's size, said to
     * be such; for OLS without fresh real data or correction (ρ = 1 at every size) the increments σ²d/(n_k − d − 1)
     * shrink geometrically when g &gt; 1, so the error is bounded with E∞ = E_K + σ²Σ_{k&gt;K} d/(n_k − d − 1).
     */
    private static LoopStability growing(LoopStability last, Generations loop, Problem problem, double errorK) {
        String where = " (at generation " + loop.count() + "'s size n = " + loop.rows(problem.n(), loop.count())
                + "; with growth " + loop.growth() + " the sizes change every generation)";
        if (last.status() == LoopStability.Status.MARGINAL
                && loop.growth() > 1
                && problem.lambda() == 0
                && problem.model() == ModelKind.RIDGE) {
            double rest = 0;
            int d = problem.d();
            for (int k = loop.count() + 1; k < loop.count() + 10_000; k++) {
                double nk = loop.rows(problem.n(), k);
                double term = problem.sigma() * problem.sigma() * d / (nk - d - 1);
                rest += term;
                if (term < 1e-16 * rest || !Double.isFinite(nk)) {
                    break;
                }
            }
            return new LoopStability(
                    LoopStability.Status.BOUNDED,
                    last.contractionFactor(),
                    errorK + rest,
                    "bounded: the OLS increments sigma^2 d/(n_k - d - 1) shrink geometrically with growth "
                            + loop.growth() + ", so the error converges to E_inf");
        }
        return new LoopStability(
                last.status(), last.contractionFactor(), last.stationaryError(), last.description() + where);
    }

    /** The replace recursion of the problem's model; ridge uses generation 0's κ (same n, λ and Σ every generation). */
    private static LoopRecursion recursion(Problem problem, double kappa, RandomProjectionTheory.FixedPoint fp) {
        return problem.model() == ModelKind.RIDGE
                ? LoopRecursion.ridge(problem.spectrum(), problem.n(), problem.lambda(), problem.sigma(), kappa)
                : LoopRecursion.randomProjection(problem.spectrum(), problem.n(), problem.m(), problem.sigma(), fp);
    }

    /**
     * Contraction factor and verdict of the {@code replace} loop of this problem's model at a synthetic share p of
     * every generation ≥ 1 (p used as given, not rounded to whole rows). Independent of p2, c², and the loop fields.
     */
    public static LoopStability replaceStability(Problem problem, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new org.collapselab.validation.ParameterException("p", p, "in [0, 1]");
        }
        Problem one = problem.withGenerations(Generations.NONE);
        if (problem.model() == ModelKind.RIDGE) {
            return recursion(
                            one,
                            RidgeTheory.solveKappa(one.spectrum(), one.n(), one.lambda())
                                    .kappa(),
                            null)
                    .stability(p);
        }
        return recursion(one, 0, RandomProjectionTheory.solve(one.spectrum(), one.n(), one.m(), one.lambda()))
                .stability(p);
    }

    /** Grid of shares scanned by {@link #criticalSyntheticShare} before bisecting. */
    static final int SHARE_GRID = 100;

    /**
     * The stability boundary of the fresh-real {@code replace} loop: the smallest synthetic share p* of each generation
     * at which the contraction factor reaches 1 (ρ(0) &lt; 1 always). The unstable shares need not reach p = 1: with
     * ridge shrinkage (κ &gt; 0) ρ → max t_i² &lt; 1 as p → 1, so the unstable set is an interval inside (0, 1). Found on a
     * grid of {@value #SHARE_GRID} shares, then refined by bisection to 1e-6; returns 1 when no grid share is unstable.
     * For OLS p* = (1 − φ)/(2φ − 1) when φ &gt; 2/3, i.e. φ* = (1 + p2)/(1 + 2p2).
     */
    public static double criticalSyntheticShare(Problem problem) {
        double lo = 0;
        double hi = -1;
        for (int i = 1; i <= SHARE_GRID && hi < 0; i++) {
            double p = i == SHARE_GRID ? 1 - 1e-9 : (double) i / SHARE_GRID;
            if (replaceStability(problem, p).status() == LoopStability.Status.STABLE) {
                lo = p;
            } else {
                hi = p;
            }
        }
        if (hi < 0) {
            return 1;
        }
        while (hi - lo > 1e-6) {
            double mid = 0.5 * (lo + hi);
            if (replaceStability(problem, mid).status() == LoopStability.Status.STABLE) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static void requireFinite(double[] errors) {
        for (int g = 0; g < errors.length; g++) {
            if (!Double.isFinite(errors[g])) {
                throw new TheoryException("loop theory overflowed at generation " + g + " (the loop diverges)");
            }
        }
    }
}
