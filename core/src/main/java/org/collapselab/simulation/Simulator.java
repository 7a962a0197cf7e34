package org.collapselab.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collapselab.data.FeatureLaw;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SimulationLimits;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.model.RandomProjectionRidge;
import org.collapselab.model.RidgeRegression;
import org.collapselab.model.TestError;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.stats.Seeds;
import org.collapselab.validation.ParameterException;

/**
 * Samples the setting for real: for each run draws the teacher w1 ~ N(0, I/d), the shift Δ (‖Δ‖²_Σ = c²), the
 * mixture design and noise, and for random projections S; fits the model; measures ‖ŵ − w1‖²_Σ. Runs execute in
 * parallel; run r is seeded only from (seed, r), so the numbers do not depend on the thread count. The data are drawn
 * as rows or as exact sufficient statistics ({@link SimulationOptions}, {@link ExactSampling}); the two give the same
 * law of errors, not the same numbers for a seed.
 */
public final class Simulator {
    private Simulator() {}

    /**
     * Runs {@code runs} independent trials of {@code problem} on up to {@code threads} threads (Gaussian rows, cheaper
     * sampler; fewer threads when the matrices of that many concurrent runs would not fit in the heap, see
     * {@link SimulationLimits}); for a retraining loop, the last generation ({@link LoopSimulator} has all of them).
     */
    public static SimulationResult simulate(Problem problem, int runs, long seed, int threads) {
        return simulate(problem, runs, seed, threads, SimulationOptions.DEFAULT);
    }

    /** Runs {@code runs} independent trials of {@code problem} on up to {@code threads} threads, drawing data as {@code options} say. */
    public static SimulationResult simulate(
            Problem problem, int runs, long seed, int threads, SimulationOptions options) {
        SimulationLimits.runs(runs);
        SimulationLimits.threads(threads);
        // Memory is checked before any work; concurrent runs are cut to what fits in the heap.
        threads = SimulationLimits.concurrentRuns(problem, threads);
        if (problem.generations().looping()) {
            return LoopSimulator.simulate(problem, runs, seed, threads).last();
        }
        if (!problem.plainPool()) {
            return PoolSimulation.simulate(problem, runs, seed, threads, options)
                    .student();
        }
        requireSupported(problem);
        SimulationOptions resolved = options.withSampler(SamplerCost.choose(problem, options));
        long start = System.nanoTime();
        double[] errors =
                inParallel(Seeds.Legacy.runs(seed, runs), threads, s -> runOnce(problem, s, resolved)).stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
        return SimulationResult.of(errors, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs a problem whose synthetic pool is verified or labelled by a trained teacher, and returns the student's errors
     * with the teacher's own errors and the kept counts (a plain pool gives the same student errors as
     * {@link #simulate}, and no teacher).
     */
    public static PoolSimulationResult simulatePool(
            Problem problem, int runs, long seed, int threads, SimulationOptions options) {
        if (problem.plainPool()) {
            SimulationResult r = simulate(problem, runs, seed, threads, options);
            return new PoolSimulationResult(
                    r, null, problem.syntheticCount(), problem.syntheticCount(), SamplerCost.choose(problem, options));
        }
        requireSupported(problem);
        return PoolSimulation.simulate(problem, runs, seed, threads, options);
    }

    /**
     * Runs {@code runs} trials with a FIXED teacher w1 and shift Δ (only the design, noise and S are redrawn), for
     * studying a specific teacher/shift pair; compare with {@code RidgeTheory.predictFixed}.
     */
    public static SimulationResult simulateFixed(Problem problem, double[] w1, double[] delta, int runs, long seed) {
        if (runs < 1) {
            throw new ParameterException("runs", runs, "an integer >= 1");
        }
        long[] seeds = Seeds.Legacy.runs(seed, runs);
        long start = System.nanoTime();
        double[] errors = java.util.stream.IntStream.range(0, runs)
                .parallel()
                .mapToDouble(r -> runOnce(problem, w1, delta, new SplittableRandom(seeds[r])))
                .toArray();
        return SimulationResult.of(errors, (System.nanoTime() - start) / 1e9);
    }

    /** Applies {@code run} to every seed on {@code threads} threads; results in seed order. */
    public static <T> List<T> inParallel(long[] seeds, int threads, java.util.function.LongFunction<T> run) {
        int runs = seeds.length;
        List<T> out = new ArrayList<>(runs);
        if (threads == 1 || runs == 1) {
            for (long s : seeds) {
                out.add(run.apply(s));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs), daemonThreads());
        try {
            List<Future<T>> futures = new ArrayList<>(runs);
            for (long s : seeds) {
                futures.add(pool.submit(() -> run.apply(s)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One trial with its own generator (Gaussian rows, cheaper sampler): returns ‖ŵ − w1‖²_Σ. */
    public static double runOnce(Problem problem, long runSeed) {
        return runOnce(problem, runSeed, SimulationOptions.DEFAULT);
    }

    /** One trial with its own generator: returns ‖ŵ − w1‖²_Σ. */
    public static double runOnce(Problem problem, long runSeed, SimulationOptions options) {
        if (!problem.plainPool()) {
            return PoolSimulation.runOnce(problem, runSeed, options).student();
        }
        SplittableRandom rng = new SplittableRandom(runSeed);
        double[] w1 = Teacher.random(problem.d(), rng);
        double[] delta = SyntheticShift.random(problem.spectrum(), problem.c2(), rng);
        return runOnce(problem, w1, delta, rng, options);
    }

    /** One trial with an explicit teacher and shift (Gaussian rows, cheaper sampler). */
    public static double runOnce(Problem problem, double[] w1, double[] delta, SplittableRandom rng) {
        return runOnce(problem, w1, delta, rng, SimulationOptions.DEFAULT);
    }

    /**
     * One trial with an explicit teacher and shift, drawing data as {@code options} say (a verifier, if any, filters the
     * synthetic pool; a trained teacher is ignored: Δ is given).
     */
    public static double runOnce(
            Problem problem, double[] w1, double[] delta, SplittableRandom rng, SimulationOptions options) {
        requireSupported(problem);
        double[] w = problem.verifier().isNone()
                ? fitWeights(problem, w1, delta, rng, options)
                : problem.verifier().band() == null
                        ? PoolSimulation.fit(problem, w1, delta, rng, options).weights()
                        : PoolSimulation.direct(
                                        problem,
                                        w1,
                                        delta,
                                        PoolSimulation.reference(problem, w1, rng, options),
                                        rng,
                                        options.features())
                                .weights();
        return TestError.excessRisk(w, w1, problem.spectrum());
    }

    /** The fitted ŵ of one run of an unverified pool with teacher w1 and shift Δ, sampled as {@code options} say. */
    static double[] fitWeights(
            Problem problem, double[] w1, double[] delta, SplittableRandom rng, SimulationOptions options) {
        return SamplerCost.choose(problem, options) == Sampler.EXACT
                ? ExactSampling.fit(problem, w1, delta, rng)
                : directFit(problem, w1, delta, rng, options.features());
    }

    /** The direct route: draw the rows and labels, then fit. */
    private static double[] directFit(
            Problem problem, double[] w1, double[] delta, SplittableRandom rng, FeatureLaw features) {
        TrainingSet sampled = MixtureSampler.sample(problem, w1, delta, features, rng);
        if (problem.estimator() == Estimator.PRIOR) {
            // ŵ = t + argmin (1/n1)‖(y1 − X1t) − X1v‖² + λ‖v‖² (derived here, docs/two-sources.md), t = w2 for ridge;
            // for rp v = Su and t is
            // w2's best width-m representation (RandomProjectionRidge.projectTeacher).
            double[] w2 = SyntheticShift.syntheticTeacher(w1, delta);
            double[] w;
            if (problem.model() == ModelKind.RIDGE) {
                w = w2;
                TrainingSet residual = sampled.realRowsMinus(w);
                DenseOps.addScaled(
                        w,
                        1.0,
                        new RidgeRegression(problem.lambda())
                                .fit(residual.x(), residual.y())
                                .weights());
            } else {
                Matrix s = RandomProjectionRidge.sampleProjection(problem.d(), SimulationLimits.width(problem), rng);
                w = RandomProjectionRidge.projectTeacher(s, problem.spectrum().eigenvalues(), w2);
                TrainingSet residual = sampled.realRowsMinus(w);
                DenseOps.addScaled(
                        w,
                        1.0,
                        new RandomProjectionRidge(s, problem.lambda())
                                .fit(residual.x(), residual.y())
                                .weights());
            }
            return w;
        }
        return fitMixture(problem, sampled.weighted(problem.syntheticWeight()), rng);
    }

    /** Fits the problem's model (ridge, or random projections with a fresh S drawn from rng) on a training set. */
    static double[] fitMixture(Problem problem, TrainingSet train, SplittableRandom rng) {
        return switch (problem.model()) {
            case RIDGE ->
                new RidgeRegression(problem.lambda()).fit(train.x(), train.y()).weights();
            case RANDOM_PROJECTION -> {
                Matrix s = RandomProjectionRidge.sampleProjection(problem.d(), SimulationLimits.width(problem), rng);
                yield new RandomProjectionRidge(s, problem.lambda())
                        .fit(train.x(), train.y())
                        .weights();
            }
        };
    }

    private static void requireSupported(Problem p) {
        if (p.generations().looping()) {
            throw new ParameterException("generations", p.generations().count(), "0 here (loops: LoopSimulator)");
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "collapselab-sim");
            t.setDaemon(true);
            return t;
        };
    }
}
