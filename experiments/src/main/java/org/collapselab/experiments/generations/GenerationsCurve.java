package org.collapselab.experiments.generations;

import java.util.Arrays;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.LoopStability;
import org.collapselab.theory.TheoryException;

/**
 * One retraining loop's error per generation: the theory (NaN where it has none, with the reason) and the
 * simulation (per-generation summaries with per-run errors, so claims can use paired per-run differences).
 *
 * @param label legend name
 * @param problem the looping problem
 * @param theory predicted E_k for k = 0..K, all NaN when unavailable
 * @param theoryNote why theory is unavailable, or "approximate (…)" when the theory is an approximation ({@link
 *     GenerationsPrediction#basis}); "" when it is exact or a deterministic equivalent
 * @param stability the loop's stability verdict, null when theory is unavailable
 * @param simulation the Monte Carlo, null when not simulated
 */
public record GenerationsCurve(
        String label,
        Problem problem,
        double[] theory,
        String theoryNote,
        LoopStability stability,
        LoopSimulator.Result simulation) {

    /** Theory, and simulation when {@code runs} &gt; 0 (run r seeded from (seed, r)). */
    public static GenerationsCurve compute(String label, Problem problem, int runs, long seed, int threads) {
        double[] theory = new double[problem.generations().count() + 1];
        Arrays.fill(theory, Double.NaN);
        String note = "";
        LoopStability stability = null;
        try {
            GenerationsPrediction g = GenerationsTheory.predict(problem);
            theory = g.testErrors();
            stability = g.stability();
            note = g.basis().startsWith(APPROXIMATE) ? g.basis() : "";
        } catch (TheoryException e) {
            note = e.getMessage();
        }
        LoopSimulator.Result sim = runs > 0 ? LoopSimulator.simulate(problem, runs, seed, threads) : null;
        return new GenerationsCurve(label, problem, theory, note, stability, sim);
    }

    /** How {@link GenerationsPrediction#basis} starts when the theory is an approximation. */
    static final String APPROXIMATE = "approximate";

    /** True when the theory line is an approximation (labelled so in figures). */
    public boolean approximateTheory() {
        return theoryNote.startsWith(APPROXIMATE);
    }

    /** Number of generations after generation 0. */
    public int count() {
        return theory.length - 1;
    }

    /** Simulated summary of generation k. */
    public SimulationResult generation(int k) {
        return simulation.generations().get(k);
    }

    /** Per-run errors of generation k. */
    public double[] runs(int k) {
        return generation(k).runs();
    }

    /** A per-generation statistic of the simulation (mean, or error-bar half-width z·stderr). */
    public double[] simulated(boolean halfWidth, double z) {
        double[] out = new double[count() + 1];
        for (int k = 0; k <= count(); k++) {
            out[k] = halfWidth ? z * generation(k).stderr() : generation(k).mean();
        }
        return out;
    }
}
