package org.collapselab.experiments.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.PoolSimulationResult;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.RidgeTheory;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.TheoryException;

/**
 * One simulated point of a verification or teacher study: {@code runs} runs of the point's problem (auto sampler) with
 * its theory. Result: the student's mean, std, stderr and theory; the kept rows; with a trained teacher also the
 * teacher's own error (mean, stderr, theory), the per-run paired difference student − teacher (mean, stderr) and the
 * random-shift theory at the teacher's own c² (what the paper's model would predict).
 */
public record PoolCell(String study, String family, PoolSpec spec, int runs, long baseSeed) implements CellJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    String config() {
        return spec.json(family) + String.format(Locale.ROOT, ",\"runs\":%d}", runs);
    }

    @Override
    public String key() {
        return CellKeys.key(config(), spec.seed(baseSeed, family));
    }

    @Override
    public String label() {
        return String.format(
                Locale.ROOT, "pool=%d ϕ=%s ψ=%s %s", spec.pool(), spec.keepGood(), spec.keepBad(), spec.teacher());
    }

    @Override
    public double cost() {
        return (double) spec.d() * spec.d() * runs;
    }

    @Override
    public StoredCell compute() {
        long start = System.nanoTime();
        Problem p = spec.problem();
        PoolSimulationResult sim =
                Simulator.simulatePool(p, runs, spec.seed(baseSeed, family), 1, SimulationOptions.DEFAULT);
        StringBuilder r = new StringBuilder(String.format(
                Locale.ROOT,
                "{\"mean\":%s,\"std\":%s,\"stderr\":%s,\"keptRows\":%s",
                sim.student().mean(),
                sim.student().std(),
                sim.student().stderr(),
                sim.keptRows()));
        try {
            SyntheticPoolTheory.Prediction th = SyntheticPoolTheory.predictAll(p);
            r.append(String.format(
                    Locale.ROOT,
                    ",\"theory\":%s,\"plugIn\":%s",
                    th.student().testError(),
                    th.plugIn().testError()));
            if (th.teacher() != null) {
                double randomShift = RidgeTheory.predict(
                                p.spectrum(),
                                p.n(),
                                (double) p.syntheticCount() / p.n(),
                                th.teacher().testError(),
                                p.sigma(),
                                p.lambda())
                        .testError();
                r.append(String.format(
                        Locale.ROOT,
                        ",\"teacherTheory\":%s,\"randomShiftTheory\":%s",
                        th.teacher().testError(),
                        randomShift));
            }
        } catch (TheoryException e) {
            r.append(",\"theoryError\":").append(JSON.valueToTree(e.getMessage()));
        }
        if (sim.teacher() != null) {
            double[] diff = new double[runs];
            for (int i = 0; i < runs; i++) {
                diff[i] = sim.student().runs()[i] - sim.teacher().runs()[i];
            }
            SimulationResult d = SimulationResult.of(diff, 0);
            r.append(String.format(
                    Locale.ROOT,
                    ",\"teacherMean\":%s,\"teacherStderr\":%s,\"diffMean\":%s," + "\"diffStderr\":%s",
                    sim.teacher().mean(),
                    sim.teacher().stderr(),
                    d.mean(),
                    d.stderr()));
        }
        r.append('}');
        return StoredCell.now(key(), study, config(), r.toString(), (System.nanoTime() - start) / 1e9);
    }

    /** A stored result read back. */
    record Point(PoolSpec spec, JsonNode result) {
        double mean() {
            return result.get("mean").asDouble();
        }

        double stderr() {
            return result.get("stderr").asDouble();
        }

        double theory() {
            return result.path("theory").asDouble(Double.NaN);
        }

        double z() {
            return (mean() - theory()) / stderr();
        }
    }

    /** This cell's stored point, or null when absent. */
    Point point(org.collapselab.experiments.study.StudyResults results) throws java.io.IOException {
        var json = results.resultJson(key());
        return json.isEmpty() ? null : new Point(spec, JSON.readTree(json.get()));
    }
}
