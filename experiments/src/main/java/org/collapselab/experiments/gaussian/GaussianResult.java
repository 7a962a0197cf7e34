package org.collapselab.experiments.gaussian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.TheoryResult;

/**
 * The results of one Gaussian cell: theory (or why it failed) and simulation (or why it failed), as stored in the
 * {@code result_json} column.
 *
 * @param cell the cell
 * @param seed the simulation seed used
 * @param theory theory prediction, or null
 * @param theoryError why theory is missing (null when present or not requested)
 * @param theorySeconds time spent on theory
 * @param simulation simulation result, or null
 * @param simulationError why simulation is missing (null when present or not requested)
 */
public record GaussianResult(
        GaussianCell cell,
        long seed,
        TheoryResult theory,
        String theoryError,
        double theorySeconds,
        SimulationResult simulation,
        String simulationError) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The best available estimate of a metric: theory when present, else the simulation mean (error only). */
    public double value(FigureSpec.Metric metric, boolean preferTheory) {
        if (preferTheory && theory != null) {
            return theoryValue(metric);
        }
        if (metric == FigureSpec.Metric.ERROR && simulation != null) {
            return simulation.mean();
        }
        return theory != null ? theoryValue(metric) : Double.NaN;
    }

    /** A theory metric, NaN when theory is missing. */
    public double theoryValue(FigureSpec.Metric metric) {
        if (theory == null) {
            return Double.NaN;
        }
        return switch (metric) {
            case ERROR -> theory.testError();
            case BIAS -> theory.bias();
            case VARIANCE -> theory.variance();
            case ZETA -> theory.zeta();
            case DEVIATION -> 0; // the theory's deviation from itself
        };
    }

    /** (simulated mean − theory) / theory, NaN unless both are present. */
    public double relativeDeviation() {
        return theory == null || simulation == null
                ? Double.NaN
                : (simulation.mean() - theory.testError()) / theory.testError();
    }

    /** Standard error of {@link #relativeDeviation()} (the simulation's, relative to theory). */
    public double relativeStderr() {
        return theory == null || simulation == null ? Double.NaN : simulation.stderr() / theory.testError();
    }

    /** Encodes the result payload. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("seed", seed);
        if (theory != null) {
            ObjectNode t = o.putObject("theory");
            t.put("testError", theory.testError());
            t.put("bias", theory.bias());
            t.put("variance", theory.variance());
            t.put("zeta", theory.zeta());
            t.put("kappa", theory.effectiveRegularization());
            t.put("converged", theory.converged());
            t.put("iterations", theory.iterations());
            t.put("residual", theory.residual());
        } else {
            o.putNull("theory");
        }
        o.put("theoryError", theoryError);
        o.put("theorySeconds", theorySeconds);
        if (simulation != null) {
            ObjectNode s = o.putObject("simulation");
            s.put("mean", simulation.mean());
            s.put("std", simulation.std());
            s.put("stderr", simulation.stderr());
            s.put("seconds", simulation.seconds());
            ArrayNode runs = s.putArray("runs");
            for (double r : simulation.runs()) {
                runs.add(r);
            }
        } else {
            o.putNull("simulation");
        }
        o.put("simulationError", simulationError);
        return o.toString();
    }

    /** Decodes a stored payload for the given cell. */
    public static GaussianResult fromJson(GaussianCell cell, String json) {
        try {
            JsonNode o = JSON.readTree(json);
            TheoryResult theory = null;
            JsonNode t = o.path("theory");
            if (t.isObject()) {
                theory = new TheoryResult(
                        num(t, "testError"),
                        num(t, "bias"),
                        num(t, "variance"),
                        num(t, "zeta"),
                        num(t, "kappa"),
                        t.path("converged").asBoolean(),
                        t.path("iterations").asInt(),
                        num(t, "residual"));
            }
            SimulationResult sim = null;
            JsonNode s = o.path("simulation");
            if (s.isObject()) {
                JsonNode runs = s.path("runs");
                double[] r = new double[runs.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = runs.get(i).asDouble();
                }
                sim = new SimulationResult(num(s, "mean"), num(s, "std"), num(s, "stderr"), r, num(s, "seconds"));
            }
            return new GaussianResult(
                    cell,
                    o.path("seed").asLong(),
                    theory,
                    text(o, "theoryError"),
                    o.path("theorySeconds").asDouble(),
                    sim,
                    text(o, "simulationError"));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt result payload: " + e.getMessage(), e);
        }
    }

    private static double num(JsonNode o, String k) {
        JsonNode n = o.get(k);
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText()); // "NaN"/"Infinity" are stored as text
    }

    private static String text(JsonNode o, String k) {
        JsonNode n = o.get(k);
        return n == null || n.isNull() ? null : n.asText();
    }
}
