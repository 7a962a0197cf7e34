package org.collapselab.experiments.gaussian;

import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryResult;

/**
 * Computes one Gaussian cell: the deterministic-equivalent theory and/or the Monte Carlo simulation. A failing part
 * (divergent theory point, simulation error) is recorded in the result with
 * its message; the sweep goes on.
 *
 * <p>{@code reuse} carries a stored simulation when only the theory is retried (a cell stored when its theory failed):
 * theory is cheap, the simulation is kept.
 *
 * @param cell the cell
 * @param experiment experiment name stored with it
 * @param simulationThreads threads for the simulation's runs (cells already run in parallel)
 * @param reuse a stored simulation result to keep, or null
 */
public record GaussianCellJob(GaussianCell cell, String experiment, int simulationThreads, SimulationResult reuse)
        implements CellJob {
    private static final long serialVersionUID = 1L;

    /** A job computing everything the cell asks for. */
    public GaussianCellJob(GaussianCell cell, String experiment, int simulationThreads) {
        this(cell, experiment, simulationThreads, null);
    }

    @Override
    public String key() {
        return cell.key();
    }

    @Override
    public String label() {
        return cell.configJson();
    }

    @Override
    public CellJob withThreads(int threads) {
        return new GaussianCellJob(cell, experiment, threads, reuse);
    }

    @Override
    public StoredCell compute() {
        long start = System.nanoTime();
        Problem problem = cell.problem(SpectrumSpecs.parse(cell.spectrum(), cell.d()));
        TheoryResult theory = null;
        String theoryError = null;
        double theorySeconds = 0;
        if (cell.theory()) {
            long t0 = System.nanoTime();
            try {
                theory = Theory.predict(problem);
                if (!Double.isFinite(theory.testError())) {
                    theoryError = "theory returned a non-finite error (" + theory.testError() + ")";
                    theory = null;
                }
            } catch (RuntimeException e) {
                theoryError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            theorySeconds = (System.nanoTime() - t0) / 1e9;
        }
        SimulationResult sim = null;
        String simError = null;
        long seed = cell.seed();
        if (cell.simulation() && reuse != null) {
            sim = reuse; // stored earlier: only the theory is being retried
        } else if (cell.simulation()) {
            try {
                sim = Simulator.simulate(
                        problem,
                        cell.runs(),
                        seed,
                        Math.max(1, simulationThreads),
                        new SimulationOptions(cell.law(), Sampler.AUTO));
            } catch (RuntimeException e) {
                simError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        GaussianResult r = new GaussianResult(cell, seed, theory, theoryError, theorySeconds, sim, simError);
        return StoredCell.now(cell.key(), experiment, cell.configJson(), r.toJson(), (System.nanoTime() - start) / 1e9);
    }
}
