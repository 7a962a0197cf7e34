package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab theory}: the deterministic-equivalent test error and its parts for one point. */
@Command(
        name = "theory",
        mixinStandardHelpOptions = true,
        description = "Predict the test error (bias, variance, synthetic term ζ) in closed form, in microseconds.")
final class TheoryCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions options;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (options.classification()) {
            return ClassificationCli.theory(options.toClassification(), json, out);
        }
        Problem p = options.toProblem();
        double floor = options.noiseFloor();
        GenerationsPrediction loop = null;
        SyntheticPoolTheory.Prediction pool = null;
        if (p.generations().looping() || !p.plainPool()) {
            try {
                if (p.generations().looping()) {
                    loop = GenerationsTheory.predict(p);
                } else {
                    pool = SyntheticPoolTheory.predictAll(p);
                }
            } catch (TheoryException e) {
                if (!e.getMessage().startsWith(GenerationsTheory.SIMULATION_ONLY)) {
                    throw e;
                }
                String message = withSimulateHint(p, e.getMessage());
                if (json) {
                    out.println(TheoryJson.write(
                            TheoryJson.problem(p).put("theoryAvailable", false).put("theoryUnavailable", message)));
                } else {
                    out.println(Tables.problemLine(p));
                    out.println("  theory      unavailable: " + message);
                }
                return Errors.FAILED;
            }
        }
        TheoryResult r = loop != null ? loop.last() : pool != null ? pool.student() : Theory.predict(p);
        if (json) {
            ObjectNode o = TheoryJson.answer(p, r, floor);
            if (loop != null) {
                GenerationsOutput.putTheory(o, loop, floor);
            }
            if (pool != null) {
                TheoryJson.putPool(o, p, pool, floor);
            }
            out.println(TheoryJson.write(o));
        } else {
            out.println(Tables.problemLine(p));
            out.printf("  test error  %.6g%s%n", r.testError() + floor, floor > 0 ? "  (includes σ²)" : "");
            out.printf("  bias        %.6g%n", r.bias());
            out.printf("  variance    %.6g%n", r.variance());
            out.printf("  zeta        %.6g   (extra error from synthetic data)%n", r.zeta());
            out.printf(
                    "  %s       %.6g   (effective regularisation)%n",
                    p.model() == org.collapselab.problem.ModelKind.RIDGE ? "kappa" : "theta",
                    r.effectiveRegularization());
            out.printf(
                    "  solver      %s after %d iterations, residual %.2e%n",
                    r.converged() ? "converged" : "NOT converged", r.iterations(), r.residual());
            if (loop != null) {
                GenerationsOutput.printTheory(out, loop, floor);
            }
            if (pool != null) {
                PoolOutput.printTheory(out, p, pool, floor);
            }
        }
        return r.converged() ? 0 : Errors.FAILED;
    }

    /**
     * The theory's "use simulate" advice only when {@code simulate} accepts the same flags; otherwise what simulate
     * would refuse (e.g. loops need the mixing estimator with weight 1), so the user is not sent to a dead end.
     */
    static String withSimulateHint(Problem p, String message) {
        String advice = "; use simulate";
        if (!message.endsWith(advice)) {
            return message;
        }
        try {
            org.collapselab.data.SimulationLimits.concurrentRuns(p, 1);
            if (p.generations().looping()) {
                org.collapselab.simulation.LoopSimulator.requireSupported(p);
            }
            return message;
        } catch (org.collapselab.validation.ParameterException e) {
            return message.substring(0, message.length() - advice.length()) + "; simulate does not cover it either (--"
                    + org.collapselab.experiments.params.ProblemFlags.flagName(e.field()) + " must be " + e.allowed()
                    + ")";
        }
    }
}
