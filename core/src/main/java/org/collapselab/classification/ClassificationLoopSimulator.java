package org.collapselab.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.SimulationLimits;
import org.collapselab.linalg.Matrix;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.stats.Seeds;

/**
 * Monte Carlo of a pseudo-labelling loop (self-training). Generation 0 is the single fit of
 * {@link ClassificationSimulator} (same μ and rows for a run seed). Generation k ≥ 1 draws n fresh rows
 * x = yμ + z: the first round(r·n) keep their true label y (weight 1), the rest are labelled sign(xᵀŵ_{k−1})
 * (ties +1) by the previous generation; the verifier keeps a pseudo-label that agrees with y with probability ϕ and
 * one that does not with probability ψ, kept rows with weight A. The schedule says what generation k trains on:
 * its own rows ({@code replace}), every row of generations 0..k with the labels given then ({@code accumulate}), or
 * as many rows as its own, drawn uniformly without replacement from those ({@code accumulate-subsample}). The error
 * of generation k is Φ(−μᵀŵ_k/‖ŵ_k‖_Σ). No state evolution is implemented for this loop: simulation only.
 */
public final class ClassificationLoopSimulator {
    private ClassificationLoopSimulator() {}

    /** Per-generation summaries over runs (index k = generation k). */
    public static LoopSimulator.Result simulate(ClassificationProblem p, int runs, long seed, int threads) {
        SimulationLimits.runs(runs);
        SimulationLimits.threads(threads);
        int concurrent = ClassificationSimulator.concurrentRuns(p, threads);
        long start = System.nanoTime();
        List<double[]> perRun = Simulator.inParallel(Seeds.Legacy.runs(seed, runs), concurrent, s -> runOnce(p, s));
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = p.generations().count();
        List<SimulationResult> out = new ArrayList<>(count + 1);
        for (int g = 0; g <= count; g++) {
            double[] column = new double[runs];
            for (int r = 0; r < runs; r++) {
                column[r] = perRun.get(r)[g];
            }
            out.add(SimulationResult.of(column, seconds));
        }
        return new LoopSimulator.Result(out, seconds);
    }

    /** One loop: the errors of generations 0..K. */
    public static double[] runOnce(ClassificationProblem p, long runSeed) {
        SplittableRandom rng = new SplittableRandom(runSeed);
        Generations loop = p.generations();
        double[] mu = ClassificationSimulator.classMean(p, rng);
        ClassificationSimulator.Rows rows = ClassificationSimulator.sample(p, mu, rng);
        double[] w = ClassifierFit.fit(p.loss(), rows.x(), rows.y(), rows.c(), p.lambda());
        double[] errors = new double[loop.count() + 1];
        errors[0] = ClassificationSimulator.testError(w, mu, p);
        List<double[]> poolX = new ArrayList<>();
        List<double[]> poolLabels = new ArrayList<>(); // {y, c} per row
        add(rows, poolX, poolLabels);
        for (int g = 1; g <= loop.count(); g++) {
            ClassificationSimulator.Rows fresh = pseudoLabelled(p, mu, w, rng);
            ClassificationSimulator.Rows train = fresh;
            if (loop.schedule() != Schedule.REPLACE) {
                add(fresh, poolX, poolLabels);
                int[] pick = java.util.stream.IntStream.range(0, poolX.size()).toArray();
                if (loop.schedule() == Schedule.ACCUMULATE_SUBSAMPLE) {
                    int k = fresh.y().length;
                    for (int i = 0; i < k; i++) {
                        int j = i + rng.nextInt(pick.length - i);
                        int t = pick[i];
                        pick[i] = pick[j];
                        pick[j] = t;
                    }
                    pick = java.util.Arrays.copyOf(pick, k);
                }
                train = gather(poolX, poolLabels, pick, p.d());
            }
            w = ClassifierFit.fit(p.loss(), train.x(), train.y(), train.c(), p.lambda());
            errors[g] = ClassificationSimulator.testError(w, mu, p);
        }
        return errors;
    }

    /** n fresh rows: round(r·n) with true labels, the rest pseudo-labelled by w and filtered by the verifier. */
    private static ClassificationSimulator.Rows pseudoLabelled(
            ClassificationProblem p, double[] mu, double[] w, SplittableRandom rng) {
        int n = (int) p.n();
        int real = (int) Math.round(p.generations().freshReal() * n);
        int d = p.d();
        List<double[]> xs = new ArrayList<>(n);
        List<double[]> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double y = rng.nextBoolean() ? 1 : -1;
            double[] x = new double[d];
            double score = 0;
            for (int j = 0; j < d; j++) {
                x[j] = y * mu[j] + Math.sqrt(p.spectrum().eigenvalue(j)) * rng.nextGaussian();
                score += x[j] * w[j];
            }
            if (i < real) {
                xs.add(x);
                labels.add(new double[] {y, 1});
                continue;
            }
            double pseudo = score >= 0 ? 1 : -1;
            if (rng.nextDouble() < (pseudo == y ? p.keepGood() : p.keepBad())) {
                xs.add(x);
                labels.add(new double[] {pseudo, p.syntheticWeight()});
            }
        }
        return gather(xs, labels, java.util.stream.IntStream.range(0, xs.size()).toArray(), d);
    }

    private static void add(ClassificationSimulator.Rows rows, List<double[]> xs, List<double[]> labels) {
        int n = rows.y().length;
        int d = rows.x().cols();
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = rows.x().get(i, j);
            }
            xs.add(x);
            labels.add(new double[] {rows.y()[i], rows.c()[i]});
        }
    }

    private static ClassificationSimulator.Rows gather(List<double[]> xs, List<double[]> labels, int[] pick, int d) {
        int n = pick.length;
        Matrix m = Matrix.zeros(n, d);
        double[] data = m.data();
        double[] y = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = xs.get(pick[i]);
            for (int j = 0; j < d; j++) {
                data[i + j * n] = x[j];
            }
            y[i] = labels.get(pick[i])[0];
            c[i] = labels.get(pick[i])[1];
        }
        return new ClassificationSimulator.Rows(m, y, c);
    }
}
