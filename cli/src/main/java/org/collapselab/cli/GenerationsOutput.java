package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.collapselab.experiments.json.GenerationsJson;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.LoopStability;

/**
 * Per-generation output of {@code theory} and {@code simulate} for a retraining loop ({@code --generations K}):
 * the JSON array {@code "generations"} (generation 0..K in order) and the table rows. Top-level numbers are the
 * last generation's (the commands print them).
 */
final class GenerationsOutput {
    private GenerationsOutput() {}

    /** {@code "generations": [{"generation": k, "testError": ...}]}, the loop's stability and the theory's basis. */
    static void putTheory(ObjectNode o, GenerationsPrediction g, double floor) {
        GenerationsJson.putTheory(o, g, floor);
    }

    /** {@code "loop": {status, contractionFactor, stationaryError (null unless it settles), description}, "basis"}. */
    static void putLoop(ObjectNode o, GenerationsPrediction g, double floor) {
        GenerationsJson.putLoop(o, g, floor);
    }

    /** Simulated generations, with the theory and z beside each when {@code theory} is not null. */
    static void putSimulation(ObjectNode o, LoopSimulator.Result sim, GenerationsPrediction theory, double floor) {
        ArrayNode arr = o.putArray("generations");
        for (int k = 0; k < sim.generations().size(); k++) {
            SimulationResult r = sim.generations().get(k);
            ObjectNode row = arr.addObject()
                    .put("generation", k)
                    .put("mean", r.mean() + floor)
                    .put("std", r.std())
                    .put("stderr", r.stderr());
            if (theory != null) {
                row.put("theory", theory.testError(k) + floor);
                row.put("zScore", z(r, theory.testError(k)));
            }
        }
    }

    /** Table rows: generation, theory (or the stability lines), simulation mean ± stderr and z. */
    static void printTheory(PrintWriter out, GenerationsPrediction g, double floor) {
        out.printf("  %-10s %14s%n", "generation", "test error");
        for (int k = 0; k <= g.count(); k++) {
            out.printf("  %-10d %14.6g%n", k, g.testError(k) + floor);
        }
        printLoop(out, g, floor);
    }

    static void printLoop(PrintWriter out, GenerationsPrediction g, double floor) {
        LoopStability s = g.stability();
        out.println("  loop        " + s.description());
        out.println("  E_inf       "
                + (s.settles()
                        ? String.format("%.6g", s.stationaryError() + floor)
                        : "none (" + s.status().key() + ")"));
        out.println("  basis       " + g.basis());
    }

    static void printSimulation(PrintWriter out, LoopSimulator.Result sim, GenerationsPrediction theory, double floor) {
        out.printf("  %-10s %14s %14s %14s %14s %8s%n", "generation", "mean", "std", "stderr", "theory", "z");
        for (int k = 0; k < sim.generations().size(); k++) {
            SimulationResult r = sim.generations().get(k);
            String th = theory == null ? "-" : String.format("%.6g", theory.testError(k) + floor);
            String zs = theory == null ? "-" : String.format("%.2f", z(r, theory.testError(k)));
            out.printf("  %-10d %14.6g %14.6g %14.6g %14s %8s%n", k, r.mean() + floor, r.std(), r.stderr(), th, zs);
        }
    }

    private static double z(SimulationResult r, double theory) {
        return r.stderr() > 0 ? (r.mean() - theory) / r.stderr() : Double.NaN;
    }
}
