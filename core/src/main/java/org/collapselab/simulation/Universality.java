package org.collapselab.simulation;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.data.FeatureLaw;
import org.collapselab.problem.Problem;
import org.collapselab.theory.Theory;

/**
 * The universality question: the deterministic equivalents are derived for Gaussian rows; how well do they predict
 * the test error when the whitened feature coordinates follow another law with the same covariance
 * ({@link FeatureLaw})? Simulates one problem under each law (direct sampler, same seed) beside the Gaussian
 * theory.
 */
public final class Universality {
    private Universality() {}

    /**
     * One law's comparison.
     *
     * @param law the feature law
     * @param theory the Gaussian deterministic-equivalent test error
     * @param simulation the simulated errors under this law
     * @param z (simulated mean − theory) / standard error
     * @param relativeGap (simulated mean − theory) / theory
     */
    public record Row(FeatureLaw law, double theory, SimulationResult simulation, double z, double relativeGap) {}

    /** Simulates {@code problem} under each law with {@code runs} runs from {@code seed} and compares with theory. */
    public static List<Row> compare(Problem problem, List<FeatureLaw> laws, int runs, long seed, int threads) {
        double theory = Theory.predict(problem).testError();
        List<Row> rows = new ArrayList<>(laws.size());
        for (FeatureLaw law : laws) {
            SimulationResult sim =
                    Simulator.simulate(problem, runs, seed, threads, new SimulationOptions(law, Sampler.DIRECT));
            double z = sim.stderr() > 0 ? (sim.mean() - theory) / sim.stderr() : Double.NaN;
            rows.add(new Row(law, theory, sim, z, (sim.mean() - theory) / theory));
        }
        return rows;
    }
}
