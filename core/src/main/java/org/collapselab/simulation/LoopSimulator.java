package org.collapselab.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.FeatureLaw;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.linalg.DenseOps;
import org.collapselab.model.TestError;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.stats.Seeds;
import org.collapselab.validation.ParameterException;

/**
 * Monte Carlo of a retraining loop. Run r (seeded from (seed, r) only) draws w1 and Δ exactly as
 * {@link Simulator#runOnce(Problem, long)} does and fits generation 0 on the single-step mixture (so generation 0
 * is that run's single-step error). Generation k ≥ 1 draws n fresh rows x ~ N(0, Σ1): the first round(r·n) labelled
 * xᵀw1 + σε, the rest xᵀŵ_{k−1} + σε, and trains on them ({@code replace}), on all rows of generations 0..k with the
 * labels they were given then ({@code accumulate}), or on n rows drawn uniformly without replacement from those
 * ({@code accumulate-subsample}). Random projections draw a fresh S every generation. The error of generation k is
 * ‖ŵ_k − w1‖²_Σ1.
 */
public final class LoopSimulator {
    private LoopSimulator() {}

    /**
     * Per-generation summaries over runs.
     *
     * @param generations index k = generation k: mean, std, stderr and per-run errors
     * @param seconds wall time of the whole cell
     */
    public record Result(List<SimulationResult> generations, double seconds) {
        /** The last generation's summary. */
        public SimulationResult last() {
            return generations.get(generations.size() - 1);
        }
    }

    /** Runs {@code runs} independent loops on {@code threads} threads. */
    public static Result simulate(Problem problem, int runs, long seed, int threads) {
        return simulate(problem, runs, seed, threads, () -> {});
    }

    /**
     * The same, calling {@code fitted} (from any thread) after each generation's fit of each run: runs·(K + 1) calls,
     * for a progress line.
     */
    public static Result simulate(Problem problem, int runs, long seed, int threads, Runnable fitted) {
        if (runs < 1) {
            throw new ParameterException("runs", runs, "an integer >= 1");
        }
        if (threads < 1) {
            throw new ParameterException("threads", threads, "an integer >= 1");
        }
        requireSupported(problem);
        long start = System.nanoTime();
        List<double[]> perRun =
                Simulator.inParallel(Seeds.Legacy.runs(seed, runs), threads, s -> runOnce(problem, s, fitted));
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = problem.generations().count();
        List<SimulationResult> out = new ArrayList<>(count + 1);
        for (int g = 0; g <= count; g++) {
            double[] column = new double[runs];
            for (int r = 0; r < runs; r++) {
                column[r] = perRun.get(r)[g];
            }
            out.add(SimulationResult.of(column, seconds));
        }
        return new Result(out, seconds);
    }

    /** One loop: the errors of generations 0..K. */
    public static double[] runOnce(Problem problem, long runSeed) {
        return runOnce(problem, runSeed, () -> {});
    }

    private static double[] runOnce(Problem problem, long runSeed, Runnable fitted) {
        requireSupported(problem);
        SplittableRandom rng = new SplittableRandom(runSeed);
        double[] w1 = Teacher.random(problem.d(), rng);
        Generations loop = problem.generations();
        Problem first = problem.withGenerations(Generations.NONE);
        double[] delta;
        if (first.teacher().isNone()) {
            delta = SyntheticShift.random(problem.spectrum(), problem.c2(), rng);
        } else {
            delta = Simulator.fitWeights(PoolSimulation.teacherProblem(first), w1, new double[first.d()], rng, DIRECT);
            DenseOps.addScaled(delta, -1.0, w1);
        }
        double[] reference = PoolSimulation.reference(first, w1, rng, DIRECT); // the band's θ_c, fixed for the run
        PoolSimulation.Kept kept = PoolSimulation.keptRows(first, w1, delta, reference, FeatureLaw.GAUSSIAN, rng);
        double[] w = kept.rows() == null ? new double[first.d()] : Simulator.fitMixture(first, kept.rows(), rng);
        double[] errors = new double[loop.count() + 1];
        errors[0] = TestError.excessRisk(w, w1, problem.spectrum());
        fitted.run();
        RowPool pool = new RowPool();
        add(pool, kept);
        double carry = 1 - loop.correction();
        for (int g = 1; g <= loop.count(); g++) {
            // Generation g: n_g fresh rows x ~ N(0, Σ1), a real share, the rest labelled by w1 + (1 − γ)(ŵ − w1)
            // (bad rows) or by w1 (good rows), verified like generation 0's pool; Σ2 = Σ1, one noise level σ.
            double[] shift = new double[w.length];
            for (int i = 0; i < shift.length; i++) {
                shift[i] = carry * (w[i] - w1[i]);
            }
            long rows = loop.rows(problem.n(), g);
            Problem next = new Problem(
                    problem.model(),
                    problem.spectrum(),
                    null,
                    rows,
                    problem.m(),
                    (rows - Math.round(loop.freshReal() * rows)) / (double) rows,
                    0,
                    problem.sigma(),
                    problem.lambda(),
                    problem.sigma(),
                    1,
                    Estimator.MIX,
                    null,
                    problem.verifier(),
                    null);
            PoolSimulation.Kept fresh = PoolSimulation.keptRows(next, w1, shift, reference, FeatureLaw.GAUSSIAN, rng);
            TrainingSet train = fresh.rows();
            if (loop.schedule() != Schedule.REPLACE) {
                int own = add(pool, fresh);
                train = pool.rows() == 0 ? null : pool.gather(loop.schedule().poolRows(pool.rows(), own, rng));
            }
            w = train == null || train.y().length == 0 ? new double[w.length] : Simulator.fitMixture(next, train, rng);
            errors[g] = TestError.excessRisk(w, w1, problem.spectrum());
            fitted.run();
        }
        return errors;
    }

    private static final SimulationOptions DIRECT = SimulationOptions.DEFAULT.withSampler(Sampler.DIRECT);

    /** Adds a generation's kept rows to the pool; returns how many it brought. */
    private static int add(RowPool pool, PoolSimulation.Kept kept) {
        if (kept.rows() == null) {
            return 0;
        }
        pool.add(kept.rows());
        return kept.rows().y().length;
    }

    /** Most pooled matrix entries ((K+1)·n·d) the accumulate schedules hold in memory (2 GiB of doubles). */
    public static final long MAX_POOL_ENTRIES = 1L << 28;
    /**
     * Most work of one accumulate loop, counted as n·d²·(K+1)(K+2)/2 (generation k refits on all (k+1)·n pooled rows):
     * it grows with K², so K = 10⁴ at n = 20, d = 10 (10¹¹, tens of minutes per run) is refused before it starts.
     */
    public static final double MAX_ACCUMULATE_WORK = 2e10;

    /**
     * Checks, before any work, what this simulator needs beyond {@link Problem}'s own validation: the accumulate
     * schedules keep every pooled row ({@link #MAX_POOL_ENTRIES}), and only the mixing estimator with weight 1 loops.
     */
    public static void requireSupported(Problem p) {
        Generations loop = p.generations();
        long total = 0;
        double work = 0; // Σ_g (rows pooled at g)·d·min(d, rows): accumulate refits on every pooled row
        for (int g = 0; g <= loop.count(); g++) {
            long rows = loop.rows(p.n(), g);
            if (rows > org.collapselab.data.SimulationLimits.MAX_ROWS) {
                throw new ParameterException(
                        "growth",
                        loop.growth(),
                        "such that every generation draws at most "
                                + org.collapselab.data.SimulationLimits.MAX_ROWS + " rows in simulation (generation "
                                + g + ": " + rows
                                + ")");
            }
            total += rows;
            if (loop.growth() == 1) {
                break; // constant sizes: the closed forms below
            }
            work += (double) total * p.d() * Math.min(p.d(), total);
        }
        if (loop.growth() != 1) {
            if (loop.schedule() != Schedule.REPLACE && total > MAX_POOL_ENTRIES / p.d()) {
                throw new ParameterException(
                        "generations",
                        loop.count(),
                        "fewer for " + loop.schedule().key() + " at n = "
                                + p.n() + ", d = " + p.d() + ", growth " + loop.growth() + ": all " + total
                                + " pooled rows are kept, at most " + MAX_POOL_ENTRIES / p.d());
            }
            if (loop.schedule() == Schedule.ACCUMULATE && work > MAX_ACCUMULATE_WORK) {
                throw new ParameterException(
                        "generations",
                        loop.count(),
                        "fewer for accumulate at n = " + p.n() + ", d = "
                                + p.d() + ", growth " + loop.growth()
                                + " (generation k refits on all pooled rows; work "
                                + String.format("%.2g", work) + " > " + MAX_ACCUMULATE_WORK + ")");
            }
        } else {
            double rowsTimesD = (double) p.n() * p.d();
            if (loop.schedule() != Schedule.REPLACE && (loop.count() + 1.0) * rowsTimesD > MAX_POOL_ENTRIES) {
                long most = (long) (MAX_POOL_ENTRIES / rowsTimesD) - 1;
                if (most < 1) {
                    throw new ParameterException(
                            "n",
                            p.n(),
                            "at most " + MAX_POOL_ENTRIES / 2 / p.d() + " at d = " + p.d()
                                    + " for " + loop.schedule().key()
                                    + " (all pooled rows are kept: (generations + 1)·n·d <= "
                                    + MAX_POOL_ENTRIES + ")");
                }
                throw new ParameterException(
                        "generations",
                        loop.count(),
                        "at most " + most + " for " + loop.schedule().key() + " at n = " + p.n() + ", d = " + p.d()
                                + " (all pooled rows are kept)");
            }
            double perGeneration = (double) p.n() * p.d() * Math.min(p.d(), p.n());
            if (loop.schedule() == Schedule.ACCUMULATE
                    && perGeneration * (loop.count() + 1.0) * (loop.count() + 2.0) / 2 > MAX_ACCUMULATE_WORK) {
                long most = (long) Math.floor((Math.sqrt(1 + 8 * MAX_ACCUMULATE_WORK / perGeneration) - 3) / 2);
                throw new ParameterException(
                        "generations",
                        loop.count(),
                        "at most " + Math.max(0, most) + " for accumulate at "
                                + "n = " + p.n() + ", d = " + p.d()
                                + " (generation k refits on all (k + 1)·n pooled rows, so the work grows "
                                + "with generations²; replace or accumulate-subsample grow linearly)");
            }
        }
        if (p.estimator() != Estimator.MIX) {
            throw new ParameterException("estimator", p.estimator().key(), "mix with --generations > 0");
        }
        if (p.syntheticWeight() != 1.0) {
            throw new ParameterException("syntheticWeight", p.syntheticWeight(), "1 with --generations > 0");
        }
    }
}
