package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;

/**
 * One background Monte Carlo job: for each point of a curve, {@code runs} runs of {@link Simulator#runOnce} with
 * the seeds {@link Simulator#runSeeds} gives (so a point equals {@code collapselab simulate} with the same seed),
 * spread over a shared pool; a retraining loop ({@code generations > 0}) runs {@link LoopSimulator#runOnce} instead
 * (one point per generation when no sweep is given). Progress is counted per run; cancelling stops the remaining
 * runs.
 */
final class SimulationJob implements Runnable {
  enum State { RUNNING, DONE, FAILED, CANCELLED }

  private final String id;
  private final String sweepName;
  private final double[] xs;
  private final Problem[] problems;
  private final int runs;
  private final long seed;
  private final boolean withNoise;
  private final boolean perGeneration;
  private final ExecutorService runPool;
  private final AtomicInteger done = new AtomicInteger();
  private final List<ObjectNode> points = new ArrayList<>();
  private final List<Future<double[]>> inFlight = new ArrayList<>();
  private volatile State state = State.RUNNING;
  private volatile String error;
  private final long created = System.currentTimeMillis();

  SimulationJob(String id, String sweepName, double[] xs, Problem[] problems, int runs, long seed, boolean withNoise,
                ExecutorService runPool) {
    this.id = id;
    this.sweepName = sweepName;
    this.xs = xs;
    this.problems = problems;
    this.runs = runs;
    this.seed = seed;
    this.withNoise = withNoise;
    this.runPool = runPool;
    this.perGeneration = sweepName == null;
  }

  String id() {
    return id;
  }

  State state() {
    return state;
  }

  long created() {
    return created;
  }

  @Override
  public void run() {
    try {
      for (int i = 0; i < problems.length && state == State.RUNNING; i++) {
        List<ObjectNode> made = simulate(problems[i], xs[i]);
        synchronized (this) {
          points.addAll(made);
        }
      }
      synchronized (this) {
        if (state == State.RUNNING) {
          state = State.DONE;
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        if (state == State.RUNNING) {
          error = e.getMessage() == null ? e.toString() : e.getMessage();
          state = State.FAILED;
        }
      }
    }
  }

  /** Stops the job; finished points stay. Returns false when it had already ended. */
  boolean cancel() {
    synchronized (this) {
      if (state != State.RUNNING) {
        return false;
      }
      state = State.CANCELLED;
      inFlight.forEach(f -> f.cancel(true));
      return true;
    }
  }

  /**
   * The runs of one problem. A plain problem gives one point at {@code x}; a retraining loop gives, in a sweep, one
   * point (its last generation) and, alone, one point per generation ({@code x} = generation, {@link LoopSimulator}).
   */
  private List<ObjectNode> simulate(Problem p, double x) {
    long[] seeds = Simulator.runSeeds(seed, runs);
    long start = System.nanoTime();
    boolean loop = p.generations().looping();
    List<Future<double[]>> futures = new ArrayList<>(runs);
    synchronized (this) {
      if (state != State.RUNNING) {
        return List.of();
      }
      for (long s : seeds) {
        futures.add(runPool.submit(() -> {
          double[] e = loop ? LoopSimulator.runOnce(p, s) : new double[] {Simulator.runOnce(p, s)};
          done.incrementAndGet();
          return e;
        }));
      }
      inFlight.clear();
      inFlight.addAll(futures);
    }
    double floor = ProblemRequest.floor(p, withNoise);
    double[][] errors = new double[runs][];
    try {
      for (int r = 0; r < runs; r++) {
        errors[r] = futures.get(r).get();
      }
    } catch (CancellationException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int last = errors[0].length - 1;
    if (!loop || !perGeneration) {
      return List.of(point(p, x, column(errors, last, floor), seconds, null, floor));
    }
    List<ObjectNode> out = new ArrayList<>();
    GenerationsPrediction[] theory = new GenerationsPrediction[1];
    String[] unavailable = new String[1];
    try {
      theory[0] = GenerationsTheory.predict(p);
    } catch (TheoryException e) {
      unavailable[0] = e.getMessage();
    }
    for (int k = 0; k <= last; k++) {
      int g = k;
      ObjectNode o = point(p, k, column(errors, k, floor), seconds, () -> {
        if (theory[0] == null) {
          throw new TheoryException(unavailable[0]);
        }
        TheoryResult all = theory[0].last();
        return new TheoryResult(theory[0].testError(g), all.bias(), all.variance(),
            theory[0].testError(g) - all.bias() - all.variance(), all.effectiveRegularization(), all.converged(),
            all.iterations(), all.residual());
      }, floor);
      o.put("generation", k);
      out.add(o);
    }
    return out;
  }

  private static double[] column(double[][] errors, int k, double floor) {
    double[] c = new double[errors.length];
    for (int r = 0; r < c.length; r++) {
      c[r] = errors[r][k] + floor;
    }
    return c;
  }

  /** One simulated point; {@code theory} gives the theory beside it, or null for the theory of {@code p} itself. */
  private ObjectNode point(Problem p, double x, double[] errors, double seconds,
                           java.util.function.Supplier<TheoryResult> theory, double floor) {
    SimulationResult r = SimulationResult.of(errors, seconds);
    ObjectNode o = TheoryJson.problem(p);
    o.put("x", x).put("seed", seed).put("runs", runs).put("mean", r.mean()).put("std", r.std())
        .put("stderr", r.stderr()).put("seconds", r.seconds());
    try {
      if (theory == null) {
        TheoryJson.putPrediction(o.putObject("theory"), p, floor); // with a verified pool's or teacher's fields
      } else {
        TheoryJson.put(o.putObject("theory"), theory.get(), floor);
      }
    } catch (TheoryException e) {
      o.remove("theory");
      o.put("theoryUnavailable", e.getMessage());
    }
    return o;
  }

  /** {@code {id, state, sweep, done, total, progress, points, error?}}. */
  synchronized ObjectNode toJson() {
    ObjectNode o = TheoryJson.COMPACT.createObjectNode();
    int total = runs * problems.length;
    o.put("id", id).put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    if (sweepName != null) {
      o.put("sweep", sweepName);
    }
    o.put("done", done.get()).put("total", total).put("progress", total == 0 ? 1.0 : (double) done.get() / total);
    ArrayNode arr = o.putArray("points");
    points.forEach(arr::add);
    if (error != null) {
      o.put("error", error);
    }
    return o;
  }
}
