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
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;

/**
 * One background Monte Carlo job: for each point of a curve, {@code runs} runs of its {@link Point#runOnce} with
 * the seeds {@link Simulator#runSeeds} gives (so a point equals {@code collapselab simulate} with the same seed),
 * spread over a shared pool. Progress is counted per run; cancelling stops the remaining runs.
 */
final class SimulationJob implements Runnable {
  enum State { RUNNING, DONE, FAILED, CANCELLED }

  /** One point of a curve: a run's error for a run seed, the problem's JSON and the theory beside it. */
  interface Point {
    double runOnce(long runSeed);

    ObjectNode problemJson();

    /** Adds {@code theory} (or {@code theoryUnavailable} with the reason) to the point's object. */
    void putTheory(ObjectNode o);
  }

  private final String id;
  private final String sweepName;
  private final double[] xs;
  private final Point[] problems;
  private final int runs;
  private final long seed;
  private final ExecutorService runPool;
  private final AtomicInteger done = new AtomicInteger();
  private final List<ObjectNode> points = new ArrayList<>();
  private final List<Future<Double>> inFlight = new ArrayList<>();
  private volatile State state = State.RUNNING;
  private volatile String error;
  private final long created = System.currentTimeMillis();

  SimulationJob(String id, String sweepName, double[] xs, Point[] problems, int runs, long seed,
                ExecutorService runPool) {
    this.id = id;
    this.sweepName = sweepName;
    this.xs = xs;
    this.problems = problems;
    this.runs = runs;
    this.seed = seed;
    this.runPool = runPool;
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
        ObjectNode point = simulatePoint(problems[i], xs[i]);
        if (point != null) {
          synchronized (this) {
            points.add(point);
          }
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

  private ObjectNode simulatePoint(Point p, double x) {
    long[] seeds = Simulator.runSeeds(seed, runs);
    long start = System.nanoTime();
    List<Future<Double>> futures = new ArrayList<>(runs);
    synchronized (this) {
      if (state != State.RUNNING) {
        return null;
      }
      for (long s : seeds) {
        futures.add(runPool.submit(() -> {
          double e = p.runOnce(s);
          done.incrementAndGet();
          return e;
        }));
      }
      inFlight.clear();
      inFlight.addAll(futures);
    }
    double[] errors = new double[runs];
    try {
      for (int r = 0; r < runs; r++) {
        errors[r] = futures.get(r).get();
      }
    } catch (CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    SimulationResult r = SimulationResult.of(errors, (System.nanoTime() - start) / 1e9);
    ObjectNode o = p.problemJson();
    o.put("x", x).put("seed", seed).put("runs", runs).put("mean", r.mean()).put("std", r.std())
        .put("stderr", r.stderr()).put("seconds", r.seconds());
    p.putTheory(o);
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
