package org.collapselab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Problem;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab theory}: the deterministic-equivalent test error and its parts for one point. */
@Command(name = "theory", mixinStandardHelpOptions = true,
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
    Problem p = options.toProblem();
    TheoryResult r = Theory.predict(p);
    PrintWriter out = spec.commandLine().getOut();
    double floor = options.noiseFloor();
    if (json) {
      out.println(TheoryJson.write(TheoryJson.answer(p, r, floor)));
    } else {
      out.println(Tables.problemLine(p));
      out.printf("  test error  %.6g%s%n", r.testError() + floor, floor > 0 ? "  (includes σ²)" : "");
      out.printf("  bias        %.6g%n", r.bias());
      out.printf("  variance    %.6g%n", r.variance());
      out.printf("  zeta        %.6g   (extra error from synthetic data)%n", r.zeta());
      out.printf("  %s       %.6g   (effective regularisation)%n",
          p.model() == org.collapselab.problem.ModelKind.RIDGE ? "kappa" : "theta", r.effectiveRegularization());
      out.printf("  solver      %s after %d iterations, residual %.2e%n", r.converged() ? "converged" : "NOT converged",
          r.iterations(), r.residual());
    }
    return r.converged() ? 0 : Errors.FAILED;
  }
}
