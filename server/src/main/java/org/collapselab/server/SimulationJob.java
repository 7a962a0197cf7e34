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
import org.collapselab.stats.Seeds;

/**
 * One background Monte Carlo job: for each point of a curve, {@code runs} runs of its {@link Point#runOnce} with
 * the seeds {@link Seeds.Legacy#runs} gives (so a point equals {@code collapselab simulate} with the same seed),
 * spread over a shared pool; a retraining loop runs {@link Point#runLoop} instead (one point per generation when no
 * sweep is given). Progress is counted per run; cancelling stops the remaining runs.
 */
final class SimulationJob implements Runnable {
    enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /** One point of a curve: a run's error for a run seed, the problem's JSON and the theory beside it. */
    interface Point {
        double runOnce(long runSeed);

        ObjectNode problemJson();

        /** Adds {@code theory} (or {@code theoryUnavailable} with the reason) to the point's object. */
        void putTheory(ObjectNode o);

        /** Whether the point is a retraining loop (then {@link #runLoop} gives a run's error per generation). */
        default boolean looping() {
            return false;
        }

        /** A loop's errors of one run, generation 0 to K. */
        default double[] runLoop(long runSeed) {
            return new double[] {runOnce(runSeed)};
        }

        /** Adds the theory of generation {@code k} of a loop. */
        default void putGenerationTheory(ObjectNode o, int k) {
            putTheory(o);
        }
    }

    private final String id;
    private final String sweepName;
    private final double[] xs;
    private final Point[] problems;
    private final int runs;
    private final long seed;
    private final boolean perGeneration;
    private final ExecutorService runPool;
    private final AtomicInteger done = new AtomicInteger();
    private final List<ObjectNode> points = new ArrayList<>();
    private final List<Future<double[]>> inFlight = new ArrayList<>();
    private volatile State state = State.RUNNING;
    private volatile String error;
    private final long created = System.currentTimeMillis();

    SimulationJob(
            String id, String sweepName, double[] xs, Point[] problems, int runs, long seed, ExecutorService runPool) {
        this.id = id;
        this.sweepName = sweepName;
        this.xs = xs;
        this.problems = problems;
        this.runs = runs;
        this.seed = seed;
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
     * The runs of one point. A single fit gives one point at {@code x}; a retraining loop gives, in a sweep, one
     * point (its last generation) and, alone, one point per generation ({@code x} = generation).
     */
    private List<ObjectNode> simulate(Point p, double x) {
        long[] seeds = Seeds.Legacy.runs(seed, runs);
        long start = System.nanoTime();
        boolean loop = p.looping();
        List<Future<double[]>> futures = new ArrayList<>(runs);
        synchronized (this) {
            if (state != State.RUNNING) {
                return List.of();
            }
            for (long s : seeds) {
                futures.add(runPool.submit(() -> {
                    double[] e = loop ? p.runLoop(s) : new double[] {p.runOnce(s)};
                    done.incrementAndGet();
                    return e;
                }));
            }
            inFlight.clear();
            inFlight.addAll(futures);
        }
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
            return List.of(point(p, x, column(errors, last), seconds, -1));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            out.add(point(p, k, column(errors, k), seconds, k).put("generation", k));
        }
        return out;
    }

    private static double[] column(double[][] errors, int k) {
        double[] c = new double[errors.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = errors[r][k];
        }
        return c;
    }

    /** One simulated point with the theory beside it: of the point itself, or of {@code generation} when >= 0. */
    private ObjectNode point(Point p, double x, double[] errors, double seconds, int generation) {
        SimulationResult r = SimulationResult.of(errors, seconds);
        ObjectNode o = p.problemJson();
        o.put("x", x)
                .put("seed", seed)
                .put("runs", runs)
                .put("mean", r.mean())
                .put("std", r.std())
                .put("stderr", r.stderr())
                .put("seconds", r.seconds());
        if (generation < 0) {
            p.putTheory(o);
        } else {
            p.putGenerationTheory(o, generation);
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
