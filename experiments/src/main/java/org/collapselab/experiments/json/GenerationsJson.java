package org.collapselab.experiments.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.LoopStability;

/**
 * The one JSON form of a retraining loop's theory, shared by {@code collapselab theory --json} and the web API:
 * {@code "generations": [{"generation": k, "testError": E_k}]} (generation 0..K), the loop's stability and the
 * theory's basis ("exact", "deterministic equivalent" or "approximate (…)").
 */
public final class GenerationsJson {
    private GenerationsJson() {}

    /** Adds {@code generations}, {@code loop} and {@code basis}; {@code floor} (σ² or 0) is added to every error. */
    public static void putTheory(ObjectNode o, GenerationsPrediction g, double floor) {
        ArrayNode arr = o.putArray("generations");
        for (int k = 0; k <= g.count(); k++) {
            arr.addObject().put("generation", k).put("testError", g.testError(k) + floor);
        }
        putLoop(o, g, floor);
    }

    /** {@code "loop": {status, contractionFactor, stationaryError (null unless it settles), description}, "basis"}. */
    public static void putLoop(ObjectNode o, GenerationsPrediction g, double floor) {
        LoopStability s = g.stability();
        ObjectNode loop = o.putObject("loop");
        loop.put("status", s.status().key());
        if (Double.isFinite(s.contractionFactor())) {
            loop.put("contractionFactor", s.contractionFactor());
        } else {
            loop.putNull("contractionFactor");
        }
        if (s.settles()) {
            loop.put("stationaryError", s.stationaryError() + floor);
        } else {
            loop.putNull("stationaryError");
        }
        loop.put("description", s.description());
        o.put("basis", g.basis());
    }
}
