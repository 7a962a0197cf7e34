package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapselab.data.FeatureLaw;
import org.collapselab.data.SimulationLimits;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.PoolSimulationResult;
import org.collapselab.simulation.Sampler;
import org.collapselab.simulation.SamplerCost;
import org.collapselab.simulation.SimulationOptions;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.GenerationsPrediction;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab simulate}: Monte Carlo test error for one point, with the theory beside it when defined. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Sample the setting, fit the model, measure the test error over independent runs.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions options;

    @Option(
            names = "--runs",
            defaultValue = "20",
            paramLabel = "R",
            description = "Independent runs (>= 1; default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "K",
            description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(
            names = "--sampler",
            defaultValue = "auto",
            paramLabel = "auto|exact|direct",
            description = "exact: draw XᵀX and Xᵀy from their laws (cost independent of n); direct: draw the rows; "
                    + "auto: the cheaper one for the cell (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(
            names = "--features",
            defaultValue = "gaussian",
            paramLabel = "gaussian|rademacher|uniform|student:NU",
            description = "Law of the whitened feature coordinates, scaled to covariance Σ; non-Gaussian laws use the "
                    + "direct sampler (default: ${DEFAULT-VALUE}).")
    String features;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (options.classification()) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--sampler")
                    || spec.commandLine().getParseResult().hasMatchedOption("--features")) {
                throw new ParameterException(
                        spec.commandLine().getParseResult().hasMatchedOption("--sampler") ? "sampler" : "features",
                        "a value",
                        "left out with --task classification (rows are drawn directly, Gaussian)");
            }
            return ClassificationCli.simulate(
                    options.toClassification(),
                    runs,
                    seed,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    json,
                    spec.commandLine().getOut());
        }
        Problem p = options.toProblem();
        int t = SimulationLimits.threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        SimulationLimits.runs(runs);
        SimulationLimits.concurrentRuns(p, t);
        SimulationOptions how = new SimulationOptions(FeatureLaw.parse(features), Sampler.parse(sampler));
        LoopSimulator.Result loop = null;
        if (p.generations().looping()) {
            if (!how.features().isGaussian() || how.sampler() == Sampler.EXACT) {
                throw new ParameterException(
                        how.features().isGaussian() ? "sampler" : "features",
                        how.features().isGaussian()
                                ? how.sampler().key()
                                : how.features().key(),
                        how.features().isGaussian()
                                ? "auto or direct with --generations > 0"
                                : "gaussian with --generations > 0");
            }
            ProgressLine progress = new ProgressLine(
                    spec.commandLine().getErr(),
                    "simulate",
                    "generation fits",
                    (long) runs * (p.generations().count() + 1));
            loop = LoopSimulator.simulate(p, runs, seed, t, progress::step);
        }
        Sampler used = loop != null ? Sampler.DIRECT : SamplerCost.choose(p, how);
        PoolSimulationResult pool =
                loop == null && !p.plainPool() ? Simulator.simulatePool(p, runs, seed, t, how) : null;
        SimulationResult raw =
                loop != null ? loop.last() : pool != null ? pool.student() : Simulator.simulate(p, runs, seed, t, how);
        double floor = options.noiseFloor();
        double[] perRun = raw.runs().clone();
        for (int i = 0; i < perRun.length; i++) {
            perRun[i] += floor;
        }
        SimulationResult r = SimulationResult.of(perRun, raw.seconds());
        TheoryResult theory = null;
        GenerationsPrediction loopTheory = null;
        SyntheticPoolTheory.Prediction poolTheory = null;
        String theoryNote = null;
        try {
            loopTheory = loop != null ? GenerationsTheory.predict(p) : null;
            poolTheory = pool != null ? SyntheticPoolTheory.predictAll(p) : null;
            theory = loop != null ? loopTheory.last() : poolTheory != null ? poolTheory.student() : Theory.predict(p);
        } catch (TheoryException e) {
            theoryNote = e.getMessage();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = TheoryJson.problem(p);
            o.put("seed", seed);
            o.put("features", how.features().key());
            o.put("sampler", used.key());
            o.put("mean", r.mean());
            o.put("std", r.std());
            o.put("stderr", r.stderr());
            ArrayNode arr = o.putArray("runs");
            for (double v : r.runs()) {
                arr.add(v);
            }
            o.put("seconds", r.seconds());
            if (theory != null) {
                ObjectNode th = o.putObject("theory");
                TheoryJson.put(th, theory, floor);
                if (poolTheory != null) {
                    TheoryJson.putPool(th, p, poolTheory, floor);
                }
                o.put("zScore", zScore(r, theory.testError() + floor));
            } else {
                o.put("theoryUnavailable", theoryNote);
            }
            if (pool != null) {
                putPool(o, p, pool, poolTheory, floor);
            }
            if (loop != null) {
                GenerationsOutput.putSimulation(o, loop, loopTheory, floor);
                if (loopTheory != null) {
                    GenerationsOutput.putLoop(o, loopTheory, floor);
                }
            }
            out.println(TheoryJson.write(o));
        } else {
            out.println(Tables.problemLine(p));
            out.printf(
                    "  runs        %d (seed %d, %d threads, %.2f s, %s sampler, %s features)%n",
                    runs, seed, t, r.seconds(), used.key(), how.features().key());
            out.printf("  mean        %.6g%n", r.mean());
            out.printf("  std         %.6g%n", r.std());
            out.printf("  stderr      %.6g%n", r.stderr());
            if (theory != null) {
                out.printf(
                        "  theory      %.6g   (sim − theory = %.2f standard errors)%n",
                        theory.testError() + floor, zScore(r, theory.testError() + floor));
            } else {
                out.println("  theory      unavailable: " + theoryNote);
            }
            if (pool != null) {
                PoolOutput.printSimulation(out, p, pool, floor);
                if (poolTheory != null) {
                    PoolOutput.printTheory(out, p, poolTheory, floor);
                }
            }
            if (loop != null) {
                GenerationsOutput.printSimulation(out, loop, loopTheory, floor);
                if (loopTheory != null) {
                    GenerationsOutput.printLoop(out, loopTheory, floor);
                }
            }
        }
        return 0;
    }

    /**
     * {@code keptRows}, {@code keptBadRows} (simulated means) with a verifier; {@code teacher}: the trained teachers' own
     * simulated error (mean, std, stderr, theory, zScore).
     */
    private static void putPool(
            ObjectNode o,
            Problem p,
            PoolSimulationResult pool,
            SyntheticPoolTheory.Prediction poolTheory,
            double floor) {
        if (!p.verifier().isNone()) {
            o.put("keptRows", pool.keptRows());
            o.put("keptBadRows", pool.keptBadRows());
        }
        if (pool.teacher() != null) {
            ObjectNode t = o.putObject("teacher");
            SimulationResult s = pool.teacher();
            t.put("mean", s.mean() + floor);
            t.put("std", s.std());
            t.put("stderr", s.stderr());
            if (poolTheory != null) {
                t.put("theory", poolTheory.teacher().testError() + floor);
                t.put("zScore", zScore(s, poolTheory.teacher().testError()));
            }
        }
    }

    private static double zScore(SimulationResult r, double theory) {
        return r.stderr() > 0 ? (r.mean() - theory) / r.stderr() : Double.NaN;
    }
}
