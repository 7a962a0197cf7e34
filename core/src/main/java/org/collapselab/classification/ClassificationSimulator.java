package org.collapselab.classification;

import java.util.Locale;
import java.util.SplittableRandom;
import org.collapselab.data.SimulationLimits;
import org.collapselab.linalg.Matrix;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.stats.Seeds;
import org.collapselab.validation.ParameterException;

/**
 * Samples the classification setting for real. Run r (seeded only from (seed, r), so the numbers do not depend on
 * the thread count) draws u ~ N(0, I) and μ = √M·Σ^{1/2}u/‖u‖; n1 real rows (y = ±1 with probability ½,
 * x = yμ + z, label y, weight 1); n2 synthetic rows drawn the same way, each label flipped with probability Q, then
 * kept with probability ϕ (unflipped) or ψ (flipped), kept rows with weight A; fits {@link ClassifierFit} on the
 * n1 + kept rows; and reports the real-test 0–1 error Φ(−μᵀŵ/‖ŵ‖_Σ) (½ for ŵ = 0).
 */
public final class ClassificationSimulator {
    private ClassificationSimulator() {}

    /** A training set: rows X (N×d), labels y = ±1, weights c, and the flags of the flipped rows. */
    record Rows(Matrix x, double[] y, double[] c) {}

    /** Mean real-test error over {@code runs} independent runs on up to {@code threads} threads (a single fit). */
    public static SimulationResult simulate(ClassificationProblem p, int runs, long seed, int threads) {
        SimulationLimits.runs(runs);
        SimulationLimits.threads(threads);
        if (p.generations().looping()) {
            return ClassificationLoopSimulator.simulate(p, runs, seed, threads).last();
        }
        int concurrent = concurrentRuns(p, threads);
        long start = System.nanoTime();
        double[] errors = Simulator.inParallel(Seeds.Legacy.runs(seed, runs), concurrent, s -> runOnce(p, s)).stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        return SimulationResult.of(errors, (System.nanoTime() - start) / 1e9);
    }

    /** One run's real-test error. */
    public static double runOnce(ClassificationProblem p, long runSeed) {
        SplittableRandom rng = new SplittableRandom(runSeed);
        double[] mu = classMean(p, rng);
        Rows rows = sample(p, mu, rng);
        return testError(ClassifierFit.fit(p.loss(), rows.x(), rows.y(), rows.c(), p.lambda()), mu, p);
    }

    /** μ = √M·Σ^{1/2}u/‖u‖, u ~ N(0, I_d). */
    static double[] classMean(ClassificationProblem p, SplittableRandom rng) {
        int d = p.d();
        double[] u = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            u[i] = rng.nextGaussian();
            norm += u[i] * u[i];
        }
        double scale = Math.sqrt(p.mu2() / norm);
        for (int i = 0; i < d; i++) {
            u[i] *= scale * Math.sqrt(p.spectrum().eigenvalue(i));
        }
        return u;
    }

    /** The real rows and the kept synthetic rows of one run. */
    static Rows sample(ClassificationProblem p, double[] mu, SplittableRandom rng) {
        int n1 = (int) p.realCount();
        int n2 = (int) p.syntheticCount();
        int d = p.d();
        double[][] xs = new double[n1 + n2][];
        double[] y = new double[n1 + n2];
        double[] c = new double[n1 + n2];
        int kept = 0;
        for (int i = 0; i < n1 + n2; i++) {
            double label = rng.nextBoolean() ? 1 : -1;
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = label * mu[j] + Math.sqrt(p.spectrum().eigenvalue(j)) * rng.nextGaussian();
            }
            double weight = 1;
            if (i >= n1) {
                boolean flipped = rng.nextDouble() < p.flipRate();
                if (rng.nextDouble() >= (flipped ? p.keepBad() : p.keepGood())) {
                    continue;
                }
                label = flipped ? -label : label;
                weight = p.syntheticWeight();
            }
            xs[kept] = x;
            y[kept] = label;
            c[kept] = weight;
            kept++;
        }
        Matrix m = Matrix.zeros(kept, d);
        double[] data = m.data();
        for (int i = 0; i < kept; i++) {
            for (int j = 0; j < d; j++) {
                data[i + j * kept] = xs[i][j];
            }
        }
        return new Rows(m, java.util.Arrays.copyOf(y, kept), java.util.Arrays.copyOf(c, kept));
    }

    /** Φ(−μᵀw/‖w‖_Σ), ½ for w = 0. */
    public static double testError(double[] w, double[] mu, ClassificationProblem p) {
        double m = 0;
        double q = 0;
        for (int i = 0; i < w.length; i++) {
            m += mu[i] * w[i];
            q += p.spectrum().eigenvalue(i) * w[i] * w[i];
        }
        return ClassificationResult.error(m, q);
    }

    /** How many of {@code wanted} runs fit in the heap at once (at least 1); refuses a run that does not fit. */
    static int concurrentRuns(ClassificationProblem p, int wanted) {
        if (p.n() > SimulationLimits.MAX_ROWS) {
            throw new ParameterException(
                    "n", p.n(), "an integer in [1, " + SimulationLimits.MAX_ROWS + "] for simulation");
        }
        double n = p.n() * (p.generations().looping() ? p.generations().count() + 1.0 : 1.0);
        double d = p.d();
        double bytes = 8 * (3 * n * d + 2 * Math.min(n, d) * Math.min(n, d));
        long budget = SimulationLimits.heapBudget();
        if (bytes > budget) {
            throw new ParameterException(
                    p.n() >= p.d() ? "n" : "d",
                    String.format(
                            Locale.ROOT,
                            "%d (with d = %d, n = %d one run needs %.1f GB)",
                            p.n() >= p.d() ? p.n() : p.d(),
                            p.d(),
                            p.n(),
                            bytes / 1e9),
                    String.format(
                            Locale.ROOT,
                            "small enough that one simulation run fits in %.1f GB "
                                    + "(raise the heap with COLLAPSELAB_JAVA_OPTS=-Xmx<size>)",
                            budget / 1e9));
        }
        return (int) Math.max(1, Math.min(wanted, budget / Math.max(1, (long) bytes)));
    }
}
