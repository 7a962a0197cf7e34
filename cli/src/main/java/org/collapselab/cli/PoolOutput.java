package org.collapselab.cli;

import java.io.PrintWriter;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.PoolSimulationResult;
import org.collapselab.theory.SyntheticPoolTheory;

/** Table lines of {@code theory} and {@code simulate} for a verified synthetic pool or a trained teacher. */
final class PoolOutput {
    private PoolOutput() {}

    static void printTheory(PrintWriter out, Problem p, SyntheticPoolTheory.Prediction pred, double floor) {
        if (pred.teacher() != null) {
            out.printf(
                    "  teacher     %.6g   (the trained teacher's own error; the student %s it)%n",
                    pred.teacher().testError() + floor,
                    pred.student().testError() < pred.teacher().testError() ? "beats" : "does not beat");
        }
        if (!p.verifier().isNone()) {
            out.printf(
                    "  kept rows   %.6g of %d pool rows (%.6g bad); effective bad share %.4g%n",
                    pred.keptRows(), p.syntheticCount(), pred.keptBadRows(), pred.effectiveBadShare(p.realCount()));
            out.printf(
                    "  plug-in     %.6g   (at the expected kept counts alone; the test error averages %d count "
                            + "points)%n",
                    pred.plugIn().testError() + floor, pred.points());
        }
    }

    static void printSimulation(PrintWriter out, Problem p, PoolSimulationResult sim, double floor) {
        if (sim.teacher() != null) {
            out.printf(
                    "  teacher sim %.6g ± %.2g   (simulated own error of the trained teachers)%n",
                    sim.teacher().mean() + floor, sim.teacher().stderr());
        }
        if (!p.verifier().isNone()) {
            out.printf("  kept rows   %.6g on average (%.6g bad)%n", sim.keptRows(), sim.keptBadRows());
        }
    }
}
