package org.collapselab.cli.bench;

import java.util.SplittableRandom;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.linalg.DenseOps;
import org.collapselab.linalg.Matrix;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;

/**
 * Measures what the performance targets are stated in: the library's dgemm rate on this machine, the rate achieved
 * by a ridge simulation cell's Gram and solve kernels, a whole cell's wall time, and the cost of one theory point.
 * Each measurement is the best of several repetitions after a warm-up.
 */
public final class KernelBenchmark {
    private KernelBenchmark() {}

    /** One row of the benchmark table. */
    public record Row(String what, double value, String unit, String note) {}

    /** dgemm of two size×size matrices: GFLOP/s (2·size³ flops), best of {@code reps}. */
    public static double dgemmGflops(int size, int reps) {
        SplittableRandom rng = new SplittableRandom(1);
        Matrix a = random(size, size, rng);
        Matrix b = random(size, size, rng);
        DenseOps.multiply(a, b); // warm-up
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            DenseOps.multiply(a, b);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * size * size * (double) size / best / 1e9;
    }

    /** Timings of one ridge run split into its parts, in seconds, best of {@code reps}. */
    public record RidgeRun(
            double sampleSeconds,
            double gramSeconds,
            double solveSeconds,
            double fitSeconds,
            double gramGflops,
            double solveGflops,
            double kernelGflops) {}

    /** Times the parts of one ridge run at (d, n): sampling, XᵀX (n·d² flops), Cholesky solve (d³/3 flops). */
    public static RidgeRun ridgeRun(int d, int n, int reps) {
        Problem problem = Problem.ridge(Spectrum.powerLaw(d, 1.0), n, 0.1, 1.0, 0.5, 1e-3);
        SplittableRandom rng = new SplittableRandom(2);
        double[] w1 = Teacher.random(d, rng);
        double[] delta = SyntheticShift.random(problem.spectrum(), problem.c2(), rng);
        double sample = Double.POSITIVE_INFINITY;
        double gram = Double.POSITIVE_INFINITY;
        double solve = Double.POSITIVE_INFINITY;
        double fit = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= reps; r++) { // r = 0 is the warm-up
            long t0 = System.nanoTime();
            TrainingSet t = MixtureSampler.sample(problem, w1, delta, rng);
            long t1 = System.nanoTime();
            Matrix g = DenseOps.gramTransposed(t.x(), 1.0 / n);
            long t2 = System.nanoTime();
            g.addToDiagonal(problem.lambda());
            double[] rhs = DenseOps.multiplyVector(t.x(), t.y(), true, 1.0 / n);
            DenseOps.choleskySolveInPlace(g, rhs);
            long t3 = System.nanoTime();
            new org.collapselab.model.RidgeRegression(problem.lambda()).fit(t.x(), t.y());
            long t4 = System.nanoTime();
            if (r > 0) {
                sample = Math.min(sample, (t1 - t0) / 1e9);
                gram = Math.min(gram, (t2 - t1) / 1e9);
                solve = Math.min(solve, (t3 - t2) / 1e9);
                fit = Math.min(fit, (t4 - t3) / 1e9);
            }
        }
        double gramFlops = (double) n * d * d;
        double solveFlops = (double) d * d * d / 3 + 2.0 * d * n + 2.0 * d * d;
        return new RidgeRun(
                sample,
                gram,
                solve,
                fit,
                gramFlops / gram / 1e9,
                solveFlops / solve / 1e9,
                (gramFlops + solveFlops) / (gram + solve) / 1e9);
    }

    /** Wall time of one simulation cell (ridge, d, n) with {@code runs} runs on {@code threads} threads. */
    public static SimulationResult cell(int d, int n, int runs, int threads) {
        return cell(Problem.ridge(Spectrum.powerLaw(d, 1.0), n, 0.1, 1.0, 0.5, 1e-3), runs, threads);
    }

    /**
     * Seconds per run of {@code problem} with {@code sampler} on one thread: the best of 3 batches of {@code runs}
     * runs after a warm-up batch (the exact route's Java loops need the JIT as much as the direct route's sampling).
     */
    public static double secondsPerRun(Problem problem, Sampler sampler, int runs) {
        SimulationOptions how = SimulationOptions.DEFAULT.withSampler(sampler);
        Simulator.simulate(problem, runs, 0, 1, how); // warm-up
        double best = Double.POSITIVE_INFINITY;
        for (int batch = 1; batch <= 3; batch++) {
            best = Math.min(
                    best, Simulator.simulate(problem, runs, batch, 1, how).seconds() / runs);
        }
        return best;
    }

    /** Wall time of one cell of {@code problem} ({@code runs} runs, {@code threads} threads, cheaper sampler) after a warm-up. */
    public static SimulationResult cell(Problem problem, int runs, int threads) {
        Simulator.simulate(problem, 1, 0, 1); // warm-up
        return Simulator.simulate(problem, runs, 1, threads);
    }

    /** Microseconds per theory point (best of 5 batches of {@code points} evaluations), or NaN if undefined. */
    public static double theoryMicros(Problem problem, int points) {
        try {
            Theory.predict(problem);
        } catch (TheoryException e) {
            return Double.NaN;
        }
        double best = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int batch = 0; batch < 6; batch++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < points; i++) {
                // Vary λ slightly so nothing can be cached or hoisted.
                sink += Theory.predict(problem.withLambda(problem.lambda() * (1 + 1e-9 * i)))
                        .testError();
            }
            double micros = (System.nanoTime() - t0) / 1e3 / points;
            if (batch > 0) {
                best = Math.min(best, micros);
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the loop observable
        }
        return best;
    }

    /** Best mean time of one classification theory point in µs (as {@link #theoryMicros(Problem, int)}). */
    public static double theoryMicros(org.collapselab.classification.ClassificationProblem problem, int points) {
        double best = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int batch = 0; batch < 6; batch++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < points; i++) {
                sink += org.collapselab.classification.ClassificationTheory.predict(
                                problem.withLambda(problem.lambda() * (1 + 1e-9 * i)))
                        .testError();
            }
            double micros = (System.nanoTime() - t0) / 1e3 / points;
            if (batch > 0) {
                best = Math.min(best, micros);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }

    private static Matrix random(int r, int c, SplittableRandom rng) {
        Matrix m = Matrix.zeros(r, c);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return m;
    }
}
