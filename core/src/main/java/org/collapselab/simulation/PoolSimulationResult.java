package org.collapselab.simulation;

/**
 * Monte Carlo of a verified pool and/or a trained teacher ({@link Simulator#simulatePool}).
 *
 * @param student the student's test error over runs
 * @param teacher the trained teacher's own error ‖ŵ_s − w1‖²_Σ1 over the same runs (null for the random shift)
 * @param keptRows mean kept synthetic rows per run
 * @param keptBadRows mean kept bad rows per run
 * @param sampler the sampler the runs used (exact or direct)
 */
public record PoolSimulationResult(
        SimulationResult student, SimulationResult teacher, double keptRows, double keptBadRows, Sampler sampler) {}
