package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.experiments.classification.ClassificationFlags;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.theory.TheoryException;
import org.collapselab.validation.ParameterException;

/**
 * {@code GET /api/theory?task=classification&...}: the classification theory for one point (the same JSON object as
 * {@code collapselab theory --task classification --json}) or, with {@code sweep=NAME:FROM:TO:POINTS[:log]}, a curve
 * {@code {sweep, values, points, millis}}, each point that object or the problem with an {@code error}. Parameters
 * are named as the CLI flags and parsed by {@link ClassificationFlags}; {@code file:} spectra are refused.
 */
final class ClassificationApi {
    /** Parameters that can be swept. */
    static final List<String> SWEEPABLE =
            List.of("n", "p2", "mu2", "flip-rate", "lambda", "synthetic-weight", "keep-good", "keep-bad");

    private ClassificationApi() {}

    static ObjectNode answer(Map<String, String> query) {
        Map<String, String> flags = new LinkedHashMap<>(query);
        flags.remove("task");
        String sweepText = flags.remove("sweep");
        String spectrum = flags.get("spectrum");
        if (spectrum != null && spectrum.trim().toLowerCase(Locale.ROOT).startsWith("file:")) {
            throw ApiError.badField(
                    "spectrum",
                    spectrum,
                    "iso or power:A (the server reads no files; use the CLI for " + "file: spectra)");
        }
        ClassificationProblem base = problem(flags);
        if (sweepText == null) {
            requireWork(1, base.d());
            try {
                return ClassificationJson.answer(base, ClassificationTheory.predict(base));
            } catch (TheoryException e) {
                throw new ApiError(422, e.getMessage());
            }
        }
        Sweep sweep = Sweep.parse(sweepText, Limits.MAX_SWEEP_POINTS, SWEEPABLE);
        requireWork(sweep.points(), base.d());
        ClassificationProblem[] problems = new ClassificationProblem[sweep.points()];
        for (int i : new int[] {0, sweep.points() - 1}) { // the ends first, so an error names the range's bad end
            problems[i] = at(flags, sweep, i);
        }
        for (int i = 1; i < sweep.points() - 1; i++) {
            problems[i] = at(flags, sweep, i);
        }
        long start = System.nanoTime();
        ObjectNode out = TheoryJson.COMPACT.createObjectNode();
        out.putObject("sweep")
                .put("name", sweep.name())
                .put("from", sweep.from())
                .put("to", sweep.to())
                .put("points", sweep.points())
                .put("log", sweep.log());
        ArrayNode values = out.putArray("values");
        ArrayNode points = out.putArray("points");
        for (int i = 0; i < problems.length; i++) {
            values.add(sweep.value(i));
            try {
                points.add(ClassificationJson.answer(problems[i], ClassificationTheory.predict(problems[i])));
            } catch (TheoryException e) {
                points.add(ClassificationJson.problem(problems[i]).put("error", e.getMessage()));
            }
        }
        out.put("millis", (System.nanoTime() - start) / 1e6);
        return out;
    }

    static ClassificationProblem at(Map<String, String> flags, Sweep sweep, int i) {
        Map<String, String> f = new LinkedHashMap<>(flags);
        double v = sweep.value(i);
        f.put(sweep.name(), sweep.name().equals("n") ? Long.toString((long) v) : Double.toString(v));
        return problem(f);
    }

    static ClassificationProblem problem(Map<String, String> flags) {
        try {
            ClassificationFlags parsed = ClassificationFlags.parse(flags);
            if (parsed.d() > Limits.MAX_D) {
                throw new ParameterException("d", parsed.d(), "an integer in [1, " + Limits.MAX_D + "] in the server");
            }
            return parsed.toProblem();
        } catch (ParameterException e) {
            if (e.field().equals("parameter")) {
                throw ApiError.badField("parameter", e.value(), e.allowed() + ", sweep");
            }
            throw ApiError.badParameter(e);
        }
    }

    private static void requireWork(int points, int d) {
        if ((long) points * d > Limits.MAX_THEORY_WORK) {
            throw ApiError.badField(
                    "sweep", points + " points at d = " + d, "at most " + Limits.MAX_THEORY_WORK + " for points × d");
        }
    }
}
