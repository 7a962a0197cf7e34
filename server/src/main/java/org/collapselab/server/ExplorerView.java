package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.collapselab.experiments.json.GenerationsJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;
import org.collapselab.validation.ParameterException;

/**
 * {@code GET /api/view}: everything the explorer page draws for one setting, in one answer (one request per change):
 * the point, four curves (error vs n; vs m and the real-only Pareto partner in the random-projection model; vs p2),
 * the p2²c² annotation with whether it holds ({@link FloorAnnotation}) and, for a retraining loop, its generations.
 * Curves are columns ({@code values, testError, bias, variance, zeta, error}) with {@code null} where the theory is
 * undefined, never 0. {@code m} is the width of the random-projection curves whatever the model.
 */
final class ExplorerView {
    /** Points per curve. */
    static final int N_POINTS = 150;

    static final int M_POINTS = 80;
    static final int P2_POINTS = 51;
    static final Set<String> EXTRA = Set.of("with-noise", "m");
    /** Width of the random-projection curves when none is given. */
    static final long DEFAULT_M = 500;

    private ExplorerView() {}

    static ObjectNode answer(Map<String, String> query) {
        long start = System.nanoTime();
        Map<String, String> extras = new HashMap<>();
        boolean rp = "rp".equals(query.getOrDefault("model", "ridge").trim());
        Map<String, String> flags = new LinkedHashMap<>(query);
        if (!rp) {
            flags.remove("m");
        }
        Problem base = ProblemRequest.parse(flags, Set.of("with-noise"), extras);
        double floor = ProblemRequest.floor(base, ProblemRequest.bool(extras, "with-noise"));
        long m = rp ? base.m() : width(query.get("m"));
        Map<String, Sweep> sweeps = ranges(base, m);
        int work = sweeps.values().stream().mapToInt(Sweep::points).sum() + 2;
        if ((long) work * base.d() > Limits.MAX_THEORY_WORK) {
            throw ApiError.badField(
                    "d",
                    base.d(),
                    "at most " + Limits.MAX_THEORY_WORK / work + " for the explorer view " + "(" + work
                            + " theory points per view)");
        }
        // The random-projection curves: the same flags (so every setting of the page is kept) with model rp, width m.
        flags.put("model", "rp");
        flags.put("m", Long.toString(m));
        Problem asRp = ProblemRequest.parse(flags, Set.of("with-noise"), new HashMap<>());
        flags.put("p2", "0");
        Problem realOnly = ProblemRequest.parse(flags, Set.of("with-noise"), new HashMap<>());
        ObjectNode out = TheoryJson.COMPACT.createObjectNode();
        out.set("point", point(base, floor));
        ObjectNode curves = out.putObject("curves");
        curves.set("n", curve(sweeps.get("n"), base, floor));
        curves.set("m", curve(sweeps.get("m"), asRp, floor));
        curves.set("p2", curve(sweeps.get("p2"), base, floor));
        curves.set("pareto", curve(sweeps.get("m"), realOnly, floor));
        out.set("floor", FloorAnnotation.of(base, floor).toJson());
        if (base.generations().looping()) {
            out.set("generations", generations(base, floor));
        }
        out.put("millis", (System.nanoTime() - start) / 1e6);
        return out;
    }

    /** The sweep ranges around the current point (the page's simulations use the same ones). */
    static Map<String, Sweep> ranges(Problem p, long m) {
        long d = p.d();
        long n = p.n();
        Map<String, Sweep> s = new LinkedHashMap<>();
        long nFrom = Math.max(2, Math.min(Math.round(d / 10.0), Math.round(n / 2.0)));
        s.put("n", new Sweep("n", nFrom, Math.max(Math.max(1000 * d, 2 * n), nFrom + 1), N_POINTS, true));
        long mFrom = Math.max(1, Math.min(Math.round(d / 50.0), Math.round(m / 2.0)));
        s.put("m", new Sweep("m", mFrom, Math.max(Math.max(20 * Math.max(n, d), 2 * m), mFrom + 1), M_POINTS, true));
        s.put("p2", new Sweep("p2", 0, 1, P2_POINTS, false));
        return s;
    }

    private static long width(String text) {
        if (text == null) {
            return DEFAULT_M;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 1 && v <= Problem.MAX_SIZE && v == Math.rint(v)) {
                return (long) v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiError.badField("m", text, "an integer in [1, " + Problem.MAX_SIZE + "]");
    }

    private static ObjectNode point(Problem p, double floor) {
        try {
            return TheoryApi.pointJson(p, floor);
        } catch (TheoryException e) {
            return TheoryJson.problem(p).put("error", e.getMessage());
        }
    }

    /** A curve as columns; a point where the theory is undefined is null in every column and its message in error. */
    private static ObjectNode curve(Sweep sweep, Problem base, double floor) {
        ObjectNode c = TheoryJson.COMPACT.createObjectNode();
        c.putObject("sweep")
                .put("name", sweep.name())
                .put("from", sweep.from())
                .put("to", sweep.to())
                .put("points", sweep.points())
                .put("log", sweep.log())
                .put("text", sweep.text());
        ArrayNode values = c.putArray("values");
        ArrayNode test = c.putArray("testError");
        ArrayNode bias = c.putArray("bias");
        ArrayNode variance = c.putArray("variance");
        ArrayNode zeta = c.putArray("zeta");
        ArrayNode errors = c.putArray("error");
        String firstError = null;
        int undefined = 0;
        for (int i = 0; i < sweep.points(); i++) {
            double v = sweep.value(i);
            values.add(v);
            try {
                TheoryResult r = Theory.predict(sweep.apply(base, v));
                test.add(r.testError() + floor);
                bias.add(r.bias());
                variance.add(r.variance());
                zeta.add(r.zeta());
                errors.addNull();
            } catch (TheoryException | ParameterException e) {
                test.addNull();
                bias.addNull();
                variance.addNull();
                zeta.addNull();
                errors.add(e.getMessage());
                undefined++;
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        c.put("undefined", undefined);
        if (firstError != null) {
            c.put("firstError", firstError);
        }
        return c;
    }

    private static ObjectNode generations(Problem p, double floor) {
        ObjectNode g = TheoryJson.COMPACT.createObjectNode();
        Generations loop = p.generations();
        g.put("count", loop.count()).put("schedule", loop.schedule().key()).put("freshReal", loop.freshReal());
        try {
            GenerationsPrediction pred = GenerationsTheory.predict(p);
            GenerationsJson.putTheory(g, pred, floor);
            g.put("approximate", pred.basis().startsWith("approximate"));
        } catch (TheoryException e) {
            g.put("unavailable", e.getMessage());
        }
        return g;
    }
}
