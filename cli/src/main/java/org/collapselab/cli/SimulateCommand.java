package org.collapselab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.validation.ParameterException;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;
import org.collapselab.theory.TheoryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab simulate}: Monte Carlo test error for one point, with the theory beside it when defined. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Sample the setting, fit the model, measure the test error over independent runs.")
final class SimulateCommand implements Callable<Integer> {
  @Mixin
  ProblemOptions options;

  @Option(names = "--runs", defaultValue = "20", paramLabel = "R", description = "Independent runs (>= 1; default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "K", description = "Base seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Problem p = options.toProblem();
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1) {
      throw new ParameterException("threads", t, "an integer >= 1");
    }
    SimulationResult raw = Simulator.simulate(p, runs, seed, t);
    double floor = options.noiseFloor();
    double[] perRun = raw.runs().clone();
    for (int i = 0; i < perRun.length; i++) {
      perRun[i] += floor;
    }
    SimulationResult r = SimulationResult.of(perRun, raw.seconds());
    TheoryResult theory = null;
    String theoryNote = null;
    try {
      theory = Theory.predict(p);
    } catch (TheoryException e) {
      theoryNote = e.getMessage();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = TheoryJson.problem(p);
      o.put("seed", seed);
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
        o.put("zScore", zScore(r, theory.testError() + floor));
      } else {
        o.put("theoryUnavailable", theoryNote);
      }
      out.println(TheoryJson.write(o));
    } else {
      out.println(Tables.problemLine(p));
      out.printf("  runs        %d (seed %d, %d threads, %.2f s)%n", runs, seed, t, r.seconds());
      out.printf("  mean        %.6g%n", r.mean());
      out.printf("  std         %.6g%n", r.std());
      out.printf("  stderr      %.6g%n", r.stderr());
      if (theory != null) {
        out.printf("  theory      %.6g   (sim − theory = %.2f standard errors)%n", theory.testError() + floor,
            zScore(r, theory.testError() + floor));
      } else {
        out.println("  theory      unavailable: " + theoryNote);
      }
    }
    return 0;
  }

  private static double zScore(SimulationResult r, double theory) {
    return r.stderr() > 0 ? (r.mean() - theory) / r.stderr() : Double.NaN;
  }
}
