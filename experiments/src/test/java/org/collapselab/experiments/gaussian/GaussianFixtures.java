package org.collapselab.experiments.gaussian;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.TheoryResult;

/** Gaussian runs with made-up theory and simulation numbers, for the claims' tests. */
final class GaussianFixtures {
    private GaussianFixtures() {}

    /** Results with the given theory error (and a simulation mean ± standard error when {@code se >= 0}). */
    static GaussianRun run(
            String yaml, ToDoubleFunction<GaussianCell> theory, ToDoubleFunction<GaussianCell> sim, double se) {
        Experiment e = ExperimentLoader.parse("t.yaml", yaml, false);
        List<GaussianResult> rs = new ArrayList<>();
        for (GaussianCell c : GridExpander.expand(e)) {
            double t = theory.applyAsDouble(c);
            SimulationResult s = se < 0
                    ? null
                    : new SimulationResult(sim.applyAsDouble(c), se * Math.sqrt(3), se, new double[] {1, 2, 3}, 0);
            rs.add(new GaussianResult(c, 1, new TheoryResult(t, t, 0, 0, 0, true, 1, 0), null, 0, s, null));
        }
        return new GaussianRun(e, rs, null);
    }

    static Verdict verdict(List<Claim> claims, String start) {
        return claims.stream()
                .filter(c -> c.claim().startsWith(start))
                .findFirst()
                .orElseThrow()
                .verdict();
    }
}
