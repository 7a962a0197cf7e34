package org.collapselab.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.MixtureSampler;
import org.collapselab.data.SyntheticShift;
import org.collapselab.data.Teacher;
import org.collapselab.data.TrainingSet;
import org.collapselab.model.TestError;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.theory.GenerationsTheory;
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
    if (runs < 1) {
      throw new ParameterException("runs", runs, "an integer >= 1");
    }
    if (threads < 1) {
      throw new ParameterException("threads", threads, "an integer >= 1");
    }
    requireSupported(problem);
    long start = System.nanoTime();
    List<double[]> perRun = Simulator.inParallel(Simulator.runSeeds(seed, runs), threads, s -> runOnce(problem, s));
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
    requireSupported(problem);
    SplittableRandom rng = new SplittableRandom(runSeed);
    double[] w1 = Teacher.random(problem.d(), rng);
    double[] delta = SyntheticShift.random(problem.spectrum(), problem.c2(), rng);
    Generations loop = problem.generations();
    Problem first = problem.withGenerations(Generations.NONE);
    TrainingSet rows = MixtureSampler.sample(first, w1, delta, rng);
    double[] w = Simulator.fitMixture(first, rows, rng);
    double[] errors = new double[loop.count() + 1];
    errors[0] = TestError.excessRisk(w, w1, problem.spectrum());
    // Generations ≥ 1: Σ2 = Σ1, one noise level σ; "synthetic" rows are those labelled by ŵ_{k−1} = w1 + (ŵ_{k−1} − w1).
    Problem next = new Problem(problem.model(), problem.spectrum(), null, problem.n(), problem.m(),
        GenerationsTheory.loopSyntheticShare(problem), 0, problem.sigma(), problem.lambda());
    RowPool pool = new RowPool();
    pool.add(rows);
    int n = rows.y().length;
    for (int g = 1; g <= loop.count(); g++) {
      double[] shift = new double[w.length];
      for (int i = 0; i < shift.length; i++) {
        shift[i] = w[i] - w1[i];
      }
      TrainingSet fresh = MixtureSampler.sample(next, w1, shift, rng);
      TrainingSet train = fresh;
      if (loop.schedule() != Schedule.REPLACE) {
        pool.add(fresh);
        train = pool.gather(loop.schedule().trainingRows(g, n, rng));
      }
      w = Simulator.fitMixture(next, train, rng);
      errors[g] = TestError.excessRisk(w, w1, problem.spectrum());
    }
    return errors;
  }

  /** Most pooled matrix entries ((K+1)·n·d) the accumulate schedules hold in memory (2 GiB of doubles). */
  public static final long MAX_POOL_ENTRIES = 1L << 28;

  private static void requireSupported(Problem p) {
    Generations loop = p.generations();
    if (loop.schedule() != Schedule.REPLACE && (loop.count() + 1L) * p.n() * p.d() > MAX_POOL_ENTRIES) {
      throw new ParameterException("generations", loop.count(), "at most " + (MAX_POOL_ENTRIES / (p.n() * p.d()) - 1)
          + " for " + loop.schedule().key() + " at n = " + p.n() + ", d = " + p.d() + " (all pooled rows are kept)");
    }
    if (p.estimator() != Estimator.MIX) {
      throw new ParameterException("estimator", p.estimator().key(), "mix with --generations > 0");
    }
    if (p.syntheticWeight() != 1.0) {
      throw new ParameterException("syntheticWeight", p.syntheticWeight(), "1 with --generations > 0");
    }
  }
}
