package org.collapselab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.data.SimulationLimits;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.validation.ParameterException;

/**
 * The server's simulation jobs: at most {@link Limits#MAX_RUNNING_JOBS} run at once (more get 429), their runs
 * share one pool with a thread per core, and the last {@link Limits#MAX_KEPT_JOBS} stay readable. With
 * {@code generations > 0} and no sweep, a job simulates the retraining loop and answers one point per generation.
 *
 * <p>Request body of {@code POST /api/simulate}: {@code {"params": {flag: value, ...}, "sweep":
 * "NAME:FROM:TO:POINTS[:log]" (optional), "runs": R, "seed": K, "with-noise": false}}; with
 * {@code "task": "classification"} among the params, the classification model (parameters as for
 * {@code GET /api/theory?task=classification}, the same sweepable names) and its 0–1 error.
 */
final class SimulationJobs implements AutoCloseable {
    private static final Set<String> BODY_KEYS = Set.of("params", "sweep", "runs", "seed", "with-noise");
    private final ExecutorService runPool;
    private final ExecutorService jobPool;
    private final Map<String, SimulationJob> jobs = new LinkedHashMap<>();

    SimulationJobs(int threads) {
        runPool = Executors.newFixedThreadPool(threads, daemon("collapselab-serve-run"));
        jobPool = Executors.newCachedThreadPool(daemon("collapselab-serve-job"));
    }

    /** Validates the request and starts the job; 400 for bad input, 429 when the running-job limit is reached. */
    synchronized SimulationJob submit(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(
                    400, "body must be a JSON object {\"params\": {...}, \"sweep\": ..., \"runs\": R, \"seed\": K}");
        }
        body.fieldNames().forEachRemaining(k -> {
            if (!BODY_KEYS.contains(k)) {
                throw ApiError.badField("body", k, "keys " + String.join(", ", BODY_KEYS));
            }
        });
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = body.get("params");
        if (p != null && !p.isObject()) {
            throw ApiError.badField("params", p.getNodeType(), "an object of parameters named as the CLI flags");
        }
        if (p != null) {
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        int runs = intField(body, "runs", 20, 1, Limits.MAX_RUNS);
        long seed = body.has("seed") ? longField(body, "seed") : 1L;
        boolean withNoise = body.has("with-noise") && body.get("with-noise").asBoolean();
        String sweepText = body.hasNonNull("sweep") ? body.get("sweep").asText() : null;
        String task = params.remove("task");
        SimulationJob.Point[] problems;
        Sweep sweep;
        if (task != null && task.trim().equals("classification")) {
            if (withNoise) {
                throw ApiError.badField(
                        "with-noise", true, "false with task classification (a 0–1 error has no noise floor)");
            }
            sweep = sweepText == null
                    ? null
                    : Sweep.parse(sweepText, Limits.MAX_SIM_POINTS, ClassificationApi.SWEEPABLE);
            problems = classificationPoints(params, sweep);
        } else {
            if (task != null && !task.trim().equals("regression")) {
                throw ApiError.badField("task", task, "one of regression, classification");
            }
            Problem base = ProblemRequest.parse(params, Set.of(), new HashMap<>());
            sweep = sweepText == null ? null : Sweep.parse(sweepText, Limits.MAX_SIM_POINTS);
            try {
                Problem[] list = sweep == null ? new Problem[] {base} : sweep.problems(base);
                problems = new SimulationJob.Point[list.length];
                for (int i = 0; i < list.length; i++) {
                    requireSimulable(list[i]);
                    problems[i] = SimulationPoints.regression(list[i], withNoise);
                }
            } catch (ParameterException e) {
                throw ApiError.badParameter(e);
            }
        }
        double[] xs = sweep == null
                ? new double[1]
                : java.util.stream.IntStream.range(0, sweep.points())
                        .mapToDouble(sweep::value)
                        .toArray();
        long running = jobs.values().stream()
                .filter(j -> j.state() == SimulationJob.State.RUNNING)
                .count();
        if (running >= Limits.MAX_RUNNING_JOBS) {
            throw new ApiError(
                    429,
                    running + " simulation jobs are running, the limit is " + Limits.MAX_RUNNING_JOBS
                            + "; wait for one to finish or cancel it (DELETE /api/jobs/{id})");
        }
        SimulationJob job = new SimulationJob(
                UUID.randomUUID().toString(), sweep == null ? null : sweep.name(), xs, problems, runs, seed, runPool);
        forgetOldJobs();
        jobs.put(job.id(), job);
        jobPool.submit(job);
        return job;
    }

    synchronized Optional<SimulationJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** All jobs, newest last. */
    synchronized ObjectNode list() {
        ObjectNode o = TheoryJson.COMPACT.createObjectNode();
        var arr = o.putArray("jobs");
        jobs.values()
                .forEach(j -> arr.add(TheoryJson.COMPACT
                        .createObjectNode()
                        .put("id", j.id())
                        .put("state", j.state().name().toLowerCase(java.util.Locale.ROOT))));
        return o;
    }

    private void forgetOldJobs() {
        while (jobs.size() >= Limits.MAX_KEPT_JOBS) {
            Optional<SimulationJob> oldest = jobs.values().stream()
                    .filter(j -> j.state() != SimulationJob.State.RUNNING)
                    .min(Comparator.comparingLong(SimulationJob::created));
            if (oldest.isEmpty()) {
                return;
            }
            jobs.remove(oldest.get().id());
        }
    }

    /** The points of a classification job; pseudo-labelling loops are refused (use the CLI). */
    private static SimulationJob.Point[] classificationPoints(Map<String, String> params, Sweep sweep) {
        int count = sweep == null ? 1 : sweep.points();
        SimulationJob.Point[] out = new SimulationJob.Point[count];
        for (int i = 0; i < count; i++) {
            ClassificationProblem p =
                    sweep == null ? ClassificationApi.problem(params) : ClassificationApi.at(params, sweep, i);
            if (p.generations().looping()) {
                throw ApiError.badField(
                        "generations",
                        p.generations().count(),
                        "0 with task classification in the server "
                                + "(pseudo-labelling loops: collapselab simulate --task classification --generations K)");
            }
            if ((long) p.d() * p.n() > Limits.MAX_SIM_CELLS) {
                throw ApiError.badField(
                        "n",
                        p.n(),
                        "at most " + Limits.MAX_SIM_CELLS + " / d for simulation in the server " + "(d·n <= "
                                + Limits.MAX_SIM_CELLS + "; use collapselab simulate for larger)");
            }
            out[i] = SimulationPoints.classification(p);
        }
        return out;
    }

    private static void requireSimulable(Problem p) {
        SimulationLimits.rows(p);
        long d = p.d();
        Generations loop = p.generations();
        if (loop.count() > Limits.MAX_SIM_GENERATIONS) {
            throw new ParameterException(
                    "generations",
                    loop.count(),
                    "at most " + Limits.MAX_SIM_GENERATIONS + " for simulation in the server");
        }
        if (loop.looping()
                && loop.schedule() != Schedule.REPLACE
                && (loop.count() + 1L) * d * p.n() > 2 * Limits.MAX_SIM_CELLS) {
            throw new ParameterException(
                    "generations",
                    loop.count(),
                    "at most " + (2 * Limits.MAX_SIM_CELLS / (d * p.n()) - 1)
                            + " for " + loop.schedule().key() + " at n = " + p.n() + ", d = " + d
                            + " in the server (all pooled rows "
                            + "are kept: (generations + 1)·n·d <= " + 2 * Limits.MAX_SIM_CELLS + ")");
        }
        if (d * p.n() > Limits.MAX_SIM_CELLS) {
            throw new ParameterException(
                    "n",
                    p.n(),
                    "at most " + Limits.MAX_SIM_CELLS + " / d for simulation in the " + "server (d·n <= "
                            + Limits.MAX_SIM_CELLS + "; use collapselab simulate for larger)");
        }
        if (d * p.m() > Limits.MAX_SIM_CELLS) {
            throw new ParameterException(
                    "m",
                    p.m(),
                    "at most " + Limits.MAX_SIM_CELLS + " / d for simulation in the " + "server (d·m <= "
                            + Limits.MAX_SIM_CELLS + ")");
        }
    }

    private static int intField(JsonNode body, String key, int def, int lo, int hi) {
        JsonNode v = body.get(key);
        if (v == null) {
            return def;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < lo || v.asInt() > hi) {
            throw ApiError.badField(key, v.asText(), "an integer in [" + lo + ", " + hi + "]");
        }
        return v.asInt();
    }

    private static long longField(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiError.badField(key, v.asText(), "an integer");
        }
        return v.asLong();
    }

    @Override
    public synchronized void close() {
        jobs.values().forEach(SimulationJob::cancel);
        jobPool.shutdownNow();
        runPool.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
