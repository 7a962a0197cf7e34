package org.collapselab.nn.image.diagnose.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.nn.image.diagnose.bench.RealBench.Run;

/**
 * {@code collapselab reproduce diagnose-real [--quick]}: the real-data bench of {@code diagnose} ({@link RealBench};
 * 3 splits, 1 with {@code --quick}) as a report section with its table and the acceptance figures as claims.
 * Needs {@code data/sklearn} ({@code scripts/diagnose-bench-data.sh}), {@code data/mnist} and Fashion-MNIST.
 */
public final class DiagnoseRealReproduction implements Reproduction {
  @Override
  public String name() {
    return "diagnose-real";
  }

  @Override
  public String description() {
    return "diagnose on real data sets with outside generators: recipe vs grid best, baselines, predictions";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    Path sklearn = Path.of("data", "sklearn");
    if (!Files.isRegularFile(sklearn.resolve("breast_cancer.csv"))) {
      throw new IllegalStateException(sklearn + ": no bench data; run scripts/diagnose-bench-data.sh");
    }
    List<Run> runs = RealBench.run(sklearn, o.quick() ? 1 : 3, o.log());
    String table = Summary.table(runs);
    Path dir = o.outDir().resolve("diagnose-real");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bench.md"), table);
    StringBuilder b = new StringBuilder();
    b.append(Html.paragraph("Each scenario: n1 real rows, held-out real test rows and synthetic rows from an outside "
        + "generator fitted on a disjoint pool of real rows; every recipe is fitted on the real and synthetic rows "
        + "and measured on the held-out rows. Ratios are geometric means over the splits (seeds 1.."
        + (o.quick() ? 1 : 3) + "). The table in Markdown: diagnose-real/bench.md."));
    b.append("<pre>").append(Html.escape(table)).append("</pre>\n");
    double[] f = Summary.figures(runs);
    List<Claim> claims = new ArrayList<>();
    claims.add(claim("recipe / grid best: geometric mean over scenarios ≤ 1.05", f[0], f[0] <= 1.05));
    claims.add(claim("recipe / grid best: no scenario above 1.10", f[1], f[1] <= 1.10));
    claims.add(claim("recipe never worse than CV-tuned real-only ridge by more than 2% (worst scenario)", f[2],
        f[2] <= 1.02));
    claims.add(claim("recipe ≥ 10% better than the CV practitioner when n1 < 3d (geometric mean)", f[3],
        f[3] <= 0.90));
    claims.add(claim("prediction within 15% in ≥ 75% of runs (share)", f[4], f[4] >= 0.75));
    return new ReportSection("diagnose-real", "diagnose on real data: the bench", b.toString(), claims);
  }

  private static Claim claim(String what, double value, boolean ok) {
    return new Claim(what, String.format(Locale.ROOT, "%.3f", value),
        ok ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED);
  }
}
