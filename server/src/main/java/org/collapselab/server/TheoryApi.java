package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.collapselab.experiments.json.GenerationsJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.ParameterException;

/**
 * {@code GET /api/theory}: with {@code task=classification} the classification theory ({@link ClassificationApi});
 * otherwise one point (the same JSON object as {@code collapselab theory --json}) or, with
 * {@code sweep=NAME:FROM:TO:POINTS[:log]}, a curve: {@code {sweep, values, points, millis}} where each point is that
 * same object, or the problem with an {@code error} when the theory is undefined there (e.g. at an interpolation
 * threshold with λ = 0). A retraining loop's point also lists its {@code generations}, {@code loop} and
 * {@code basis}.
 */
final class TheoryApi {
    static final Set<String> EXTRA = Set.of("sweep", "with-noise");

    private TheoryApi() {}

    /** Answers a request; throws {@link ApiError} for bad input and for an undefined single point (422). */
    static ObjectNode answer(Map<String, String> query) {
        String task = query.get("task");
        if (task != null) {
            if (task.trim().equals("classification")) {
                return ClassificationApi.answer(query);
            }
            if (!task.trim().equals("regression")) {
                throw ApiError.badField("task", task, "one of regression, classification");
            }
            query = new HashMap<>(query);
            query.remove("task");
        }
        Map<String, String> extras = new HashMap<>();
        Problem base = ProblemRequest.parse(query, EXTRA, extras);
        double floor = ProblemRequest.floor(base, ProblemRequest.bool(extras, "with-noise"));
        if (extras.get("sweep") == null) {
            requireWork(1, base.d());
            try {
                return pointJson(base, floor);
            } catch (TheoryException e) {
                throw new ApiError(422, e.getMessage());
            }
        }
        Sweep sweep = Sweep.parse(extras.get("sweep"), Limits.MAX_SWEEP_POINTS);
        requireWork(sweep.points(), base.d());
        Problem[] problems;
        try {
            problems = sweep.problems(base);
        } catch (ParameterException e) {
            throw ApiError.badParameter(e);
        }
        long start = System.nanoTime();
        ObjectNode out = TheoryJson.COMPACT.createObjectNode();
        ObjectNode s = out.putObject("sweep");
        s.put("name", sweep.name())
                .put("from", sweep.from())
                .put("to", sweep.to())
                .put("points", sweep.points())
                .put("log", sweep.log());
        ArrayNode values = out.putArray("values");
        ArrayNode points = out.putArray("points");
        for (int i = 0; i < problems.length; i++) {
            values.add(sweep.value(i));
            ObjectNode o;
            try {
                o = TheoryJson.predictAnswer(problems[i], floor);
            } catch (TheoryException e) {
                o = TheoryJson.problem(problems[i]).put("error", e.getMessage());
            }
            points.add(o);
        }
        out.put("millis", (System.nanoTime() - start) / 1e6);
        return out;
    }

    /**
     * One point as {@code collapselab theory --json} prints it: the last generation's numbers and, for a retraining
     * loop, every generation with the loop's status and the theory's basis ({@link GenerationsJson}).
     */
    static ObjectNode pointJson(Problem p, double floor) {
        if (!p.generations().looping()) {
            return TheoryJson.predictAnswer(p, floor);
        }
        GenerationsPrediction loop = GenerationsTheory.predict(p);
        ObjectNode o = TheoryJson.answer(p, loop.last(), floor);
        GenerationsJson.putTheory(o, loop, floor);
        return o;
    }

    private static void requireWork(int points, int d) {
        if ((long) points * d > Limits.MAX_THEORY_WORK) {
            throw ApiError.badField(
                    "sweep", points + " points at d = " + d, "at most " + Limits.MAX_THEORY_WORK + " for points × d");
        }
    }
}
