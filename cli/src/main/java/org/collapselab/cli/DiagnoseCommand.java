package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.collapselab.experiments.diagnose.DiagnosisReport;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collapselab diagnose}: the paper's method on a user's real and synthetic data files. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
    description = {"Estimate how far a synthetic data set is from a real one: c² = ‖w2 − w1‖²_Σ1",
        "with a 95%% interval, noise levels σ1², σ2², covariances Σ1, Σ2. Ask the advisor",
        "for a recipe (k synthetic rows, weight A, λ) and check it against real-only and",
        "use-everything by cross-validation on the real rows (or on --test)."})
final class DiagnoseCommand implements Callable<Integer> {
  @Option(names = "--real", required = true, paramLabel = "R.csv", description = "Real rows: CSV with a header.")
  Path real;

  @Option(names = "--synthetic", required = true, paramLabel = "S.csv",
      description = "Synthetic rows, same columns; a recipe uses the first k data lines.")
  Path synthetic;

  @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (default: ${DEFAULT-VALUE}).")
  String label = "y";

  @Option(names = "--test", paramLabel = "T.csv", description = "Held-out real rows to measure on instead of CV.")
  Path test;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--splits", paramLabel = "S",
      description = "Random half-splits averaged in the c² estimate (default: ${DEFAULT-VALUE}).")
  int splits = 16;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of splits and folds (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/diagnose.html with figures.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    DiagnosisResult r = Diagnosis.run(new DiagnoseOptions(real, synthetic, label, test, folds, splits, seed));
    PrintWriter o = spec.commandLine().getOut();
    Path page = null;
    if (out != null) {
      try {
        page = DiagnosisReport.write(out, r);
      } catch (IOException e) {
        throw new UncheckedIOException(out + ": cannot write the report: " + e.getClass().getSimpleName(), e);
      }
    }
    if (json) {
      o.println(DiagnosisJson.write(r));
    } else {
      print(o, r);
      if (page != null) {
        o.println("report: " + page);
      }
    }
    return 0;
  }

  private static void print(PrintWriter o, DiagnosisResult r) {
    SourceEstimates e = r.estimates();
    o.printf("real %s: n1 = %d; synthetic %s: n2 = %d; d = %d%n", r.realFile(), e.realRows(), r.syntheticFile(),
        e.syntheticRows(), e.dimension());
    o.printf("  c2 (synthetic quality)  %.4g  [%.4g, %.4g] (%.0f%%)%n", e.c2(), e.c2Low(), e.c2High(),
        100 * e.confidence());
    o.printf("  sigma2 real / synthetic %.4g ± %.2g / %.4g ± %.2g%n", e.sigma2Real(), e.sigma2RealStdError(),
        e.sigma2Synthetic(), e.sigma2SyntheticStdError());
    o.printf("  |Sigma2 - Sigma1|_F/|Sigma1|_F %.3g   off-diagonal share %.3g   mean shift %.3g%n",
        e.covarianceDistance(), e.offDiagonalShare(), e.meanShift());
    DiagnosisResult.Validation v = r.validation();
    o.printf("%-14s %8s %9s %10s %12s %12s %20s%n", "recipe", "k", "A", "lambda", "predicted", "pred@valid",
        "measured (" + (v.method().equals("test") ? "test" : "CV") + ")");
    row(o, "recommended", v.recommended());
    row(o, "real only", v.realOnly());
    row(o, "all synthetic", v.allSynthetic());
    StringBuilder t = new StringBuilder("CPU seconds:");
    r.cpuSeconds().forEach((k, s) -> t.append(String.format(java.util.Locale.ROOT, " %s %.2f", k, s)));
    o.println(t);
  }

  private static void row(PrintWriter o, String name, Check c) {
    o.printf("%-14s %8d %9.3g %10.3g %12.5g %12.5g %12.5g ± %.2g%n", name, c.recipe().syntheticRows(),
        c.recipe().syntheticWeight(), c.recipe().lambda(), c.predicted(), c.predictedAtValidation(), c.measured(),
        c.measuredStdError());
  }
}
