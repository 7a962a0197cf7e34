package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.collapselab.classification.ClassificationLoopSimulator;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationResult;
import org.collapselab.classification.ClassificationSimulator;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.data.SimulationLimits;
import org.collapselab.experiments.classification.ClassificationJson;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.TheoryException;

/** {@code theory} and {@code simulate} with {@code --task classification}: the real-test 0–1 error. */
final class ClassificationCli {
    private ClassificationCli() {}

    /** One line describing the problem. */
    static String problemLine(ClassificationProblem p) {
        return "classification  loss=" + p.loss().key() + "  spectrum="
                + p.spectrum().label() + "  d=" + p.d()
                + "  n=" + p.n() + "  p2=" + p.p2() + "  mu2=" + p.mu2() + "  flip-rate=" + p.flipRate() + "  lambda="
                + p.lambda() + (p.syntheticWeight() != 1 ? "  synthetic-weight=" + p.syntheticWeight() : "")
                + (p.keepGood() != 1 || p.keepBad() != 1
                        ? "  keep-good=" + p.keepGood() + " keep-bad=" + p.keepBad()
                        : "")
                + (p.generations().looping()
                        ? "  generations=" + p.generations().count() + " schedule="
                                + p.generations().schedule().key() + " fresh-real="
                                + p.generations().freshReal()
                        : "");
    }

    /** {@code theory --task classification}: exit 0, or 1 when the solver did not converge or no theory exists. */
    static int theory(ClassificationProblem p, boolean json, PrintWriter out) {
        ClassificationResult r;
        try {
            r = ClassificationTheory.predict(p);
        } catch (TheoryException e) {
            if (!e.getMessage().startsWith(ClassificationTheory.SIMULATION_ONLY)) {
                throw e;
            }
            if (json) {
                out.println(TheoryJson.write(ClassificationJson.problem(p)
                        .put("theoryAvailable", false)
                        .put("theoryUnavailable", e.getMessage())));
            } else {
                out.println(problemLine(p));
                out.println("  theory      unavailable: " + e.getMessage());
            }
            return Errors.FAILED;
        }
        if (json) {
            out.println(TheoryJson.write(ClassificationJson.answer(p, r)));
        } else {
            out.println(problemLine(p));
            print(out, r);
        }
        return r.converged() ? 0 : Errors.FAILED;
    }

    private static void print(PrintWriter out, ClassificationResult r) {
        out.printf("  test error  %.6g   (real-test 0-1 error; Bayes error %.6g)%n", r.testError(), r.bayesError());
        out.printf("  overlap     %.6g   (m, deterministic equivalent of μᵀŵ)%n", r.overlap());
        out.printf("  norm        %.6g   (q, deterministic equivalent of ‖ŵ‖²_Σ)%n", r.normSquared());
        out.printf("  direction   %+.3g   (part of the error due to μ's random direction)%n", r.directionCorrection());
        out.printf("  kappa       %.6g   (effective regularisation)%n", r.effectiveRegularization());
        out.printf(
                "  solver      %s after %d iterations, residual %.2e%n",
                r.converged() ? "converged" : "NOT converged", r.iterations(), r.residual());
    }

    /** {@code simulate --task classification}: the mean error over runs, the theory beside it when defined. */
    static int simulate(ClassificationProblem p, int runs, long seed, int threads, boolean json, PrintWriter out) {
        SimulationLimits.runs(runs);
        int t = SimulationLimits.threads(threads);
        LoopSimulator.Result loop =
                p.generations().looping() ? ClassificationLoopSimulator.simulate(p, runs, seed, t) : null;
        SimulationResult r = loop != null ? loop.last() : ClassificationSimulator.simulate(p, runs, seed, t);
        ClassificationResult theory = null;
        String note = null;
        try {
            theory = ClassificationTheory.predict(p);
        } catch (TheoryException e) {
            note = e.getMessage();
        }
        if (json) {
            ObjectNode o = ClassificationJson.problem(p);
            o.put("seed", seed);
            ClassificationJson.putSimulation(o, r);
            if (theory != null) {
                ClassificationJson.put(o.putObject("theory"), theory);
                o.put("zScore", zScore(r, theory.testError()));
            } else {
                o.put("theoryUnavailable", note);
            }
            if (loop != null) {
                ArrayNode gens = o.putArray("generations");
                for (int g = 0; g < loop.generations().size(); g++) {
                    SimulationResult s = loop.generations().get(g);
                    gens.addObject().put("generation", g).put("mean", s.mean()).put("stderr", s.stderr());
                }
            }
            out.println(TheoryJson.write(o));
            return 0;
        }
        out.println(problemLine(p));
        out.printf("  runs        %d (seed %d, %d threads, %.2f s)%n", runs, seed, t, r.seconds());
        out.printf("  mean        %.6g   (real-test 0-1 error; Bayes error %.6g)%n", r.mean(), p.bayesError());
        out.printf("  std         %.6g%n", r.std());
        out.printf("  stderr      %.6g%n", r.stderr());
        if (theory != null) {
            out.printf(
                    "  theory      %.6g   (sim − theory = %.2f standard errors)%n",
                    theory.testError(), zScore(r, theory.testError()));
        } else {
            out.println("  theory      unavailable: " + note);
        }
        if (loop != null) {
            out.printf("  %-10s %12s %12s%n", "generation", "mean", "stderr");
            for (int g = 0; g < loop.generations().size(); g++) {
                SimulationResult s = loop.generations().get(g);
                out.printf("  %-10d %12.6g %12.6g%n", g, s.mean(), s.stderr());
            }
        }
        return 0;
    }

    private static double zScore(SimulationResult r, double theory) {
        return r.stderr() > 0 ? (r.mean() - theory) / r.stderr() : Double.NaN;
    }
}
