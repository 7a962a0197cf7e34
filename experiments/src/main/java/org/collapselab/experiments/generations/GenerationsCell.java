package org.collapselab.experiments.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.LoopStability;

/**
 * One cell of the generations family: a loop of {@link GenerationsStudy#specs} (theory and simulation per generation,
 * every run's error kept for the paired claims) or, with {@code spec} null, the real half alone (single fit).
 *
 * @param study study name
 * @param spec the loop, or null for the real half
 * @param realHalf the real-half problem (used when spec is null)
 * @param runs simulated runs
 * @param seed base seed (run r seeded from (seed, r))
 * @param threads threads for the simulation (not part of the key)
 */
record GenerationsCell(
        String study, GenerationsStudy.CurveSpec spec, Problem realHalf, int runs, long seed, int threads)
        implements CellJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The id of the real-half cell. */
    static final String REAL_HALF = "real-half";

    String id() {
        return spec == null ? REAL_HALF : spec.id();
    }

    private Problem problem() {
        return spec == null ? realHalf : spec.problem();
    }

    /** The cell's configuration: id, every problem field the result depends on, runs. */
    String config() {
        Problem p = problem();
        ObjectNode o = JSON.createObjectNode()
                .put("family", "generations")
                .put("id", id())
                .put("model", p.model().key())
                .put("spectrum", p.spectrum().label())
                .put("d", p.d())
                .put("n", p.n())
                .put("m", p.m())
                .put("p2", p.p2())
                .put("c2", p.c2())
                .put("sigma", p.sigma())
                .put("lambda", p.lambda())
                .put("generations", p.generations().count())
                .put("schedule", p.generations().schedule().key())
                .put("freshReal", p.generations().freshReal())
                .put("runs", runs);
        return o.toString();
    }

    @Override
    public String key() {
        return CellKeys.key(config(), seed);
    }

    @Override
    public String label() {
        return "generations " + id();
    }

    @Override
    public CellJob withThreads(int t) {
        return new GenerationsCell(study, spec, realHalf, runs, seed, t);
    }

    @Override
    public StoredCell compute() {
        long start = System.nanoTime();
        ObjectNode o = JSON.createObjectNode();
        if (spec == null) {
            SimulationResult r = Simulator.simulate(realHalf, runs, seed, Math.max(1, threads));
            ArrayNode a = o.putArray("runs").addArray();
            for (double v : r.runs()) {
                a.add(v);
            }
        } else {
            GenerationsCurve c =
                    GenerationsCurve.compute(spec.label(), spec.problem(), runs, seed, Math.max(1, threads));
            ArrayNode th = o.putArray("theory");
            for (double v : c.theory()) {
                addFinite(th, v);
            }
            o.put("theoryNote", c.theoryNote());
            if (c.stability() != null) {
                ObjectNode s = o.putObject("stability")
                        .put("status", c.stability().status().name())
                        .put("description", c.stability().description());
                putFinite(s, "contractionFactor", c.stability().contractionFactor());
                putFinite(s, "stationaryError", c.stability().stationaryError());
            }
            ArrayNode runsByGeneration = o.putArray("runs");
            for (SimulationResult g : c.simulation().generations()) {
                ArrayNode a = runsByGeneration.addArray();
                for (double v : g.runs()) {
                    a.add(v);
                }
            }
        }
        return StoredCell.now(key(), study, config(), o.toString(), (System.nanoTime() - start) / 1e9);
    }

    /** The real half's simulation from its stored result. */
    static SimulationResult realHalfFrom(String resultJson) throws Exception {
        return SimulationResult.of(
                doubles(JSON.readTree(resultJson).path("runs").get(0)), 0);
    }

    /** The loop's curve from its stored result. */
    GenerationsCurve curveFrom(String resultJson) throws Exception {
        JsonNode r = JSON.readTree(resultJson);
        double[] theory = doubles(r.path("theory"));
        LoopStability stability = null;
        JsonNode s = r.path("stability");
        if (s.isObject()) {
            stability = new LoopStability(
                    LoopStability.Status.valueOf(s.path("status").asText()),
                    s.path("contractionFactor").asDouble(Double.NaN),
                    s.path("stationaryError").asDouble(Double.NaN),
                    s.path("description").asText());
        }
        List<SimulationResult> gens = new ArrayList<>();
        for (JsonNode g : r.path("runs")) {
            gens.add(SimulationResult.of(doubles(g), 0));
        }
        return new GenerationsCurve(
                spec.label(),
                spec.problem(),
                theory,
                r.path("theoryNote").asText(""),
                stability,
                new LoopSimulator.Result(gens, 0));
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return out;
    }

    private static void addFinite(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static void putFinite(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
