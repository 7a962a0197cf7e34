package org.collapselab.experiments.classification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationResult;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.simulation.SimulationResult;

/**
 * The one JSON form of a classification problem, its theory answer and its simulation, shared by
 * {@code theory --json}, {@code simulate --json} (with {@code --task classification}) and the web API.
 * {@code testError} is the real-test 0–1 error (a probability), {@code mean} its mean over simulation runs.
 */
public final class ClassificationJson {
    private ClassificationJson() {}

    /** The problem's parameters. */
    public static ObjectNode problem(ClassificationProblem p) {
        ObjectNode o = TheoryJson.COMPACT.createObjectNode();
        o.put("task", "classification");
        o.put("loss", p.loss().key());
        o.put("spectrum", p.spectrum().label());
        o.put("d", p.d());
        o.put("n", p.n());
        o.put("p2", p.p2());
        o.put("mu2", p.mu2());
        o.put("flipRate", p.flipRate());
        o.put("lambda", p.lambda());
        o.put("syntheticWeight", p.syntheticWeight());
        o.put("keepGood", p.keepGood());
        o.put("keepBad", p.keepBad());
        if (p.generations().looping()) {
            o.put("generationCount", p.generations().count());
            o.put("schedule", p.generations().schedule().key());
            o.put("freshReal", p.generations().freshReal());
        }
        o.put("bayesError", p.bayesError());
        return o;
    }

    /** Adds the theory fields. */
    public static void put(ObjectNode o, ClassificationResult r) {
        o.put("testError", r.testError());
        o.put("bayesError", r.bayesError());
        o.put("overlap", r.overlap());
        o.put("normSquared", r.normSquared());
        o.put("directionCorrection", r.directionCorrection());
        o.put("effectiveRegularization", r.effectiveRegularization());
        o.put("converged", r.converged());
        o.put("iterations", r.iterations());
        o.put("residual", r.residual());
    }

    /** Problem fields then theory fields (what {@code theory --json} prints). */
    public static ObjectNode answer(ClassificationProblem p, ClassificationResult r) {
        ObjectNode o = problem(p);
        put(o, r);
        return o;
    }

    /** Adds a simulation summary: mean, std, stderr, per-run errors, seconds. */
    public static void putSimulation(ObjectNode o, SimulationResult r) {
        o.put("mean", r.mean());
        o.put("std", r.std());
        o.put("stderr", r.stderr());
        ArrayNode arr = o.putArray("runs");
        for (double v : r.runs()) {
            arr.add(v);
        }
        o.put("seconds", r.seconds());
    }
}
