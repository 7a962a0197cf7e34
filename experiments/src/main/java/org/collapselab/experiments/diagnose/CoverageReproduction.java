package org.collapselab.experiments.diagnose;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.estimation.Coverage;
import org.collapselab.estimation.GaussianTwoSource;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;

/**
 * {@code collapselab reproduce diagnose-coverage}: the c² interval of {@code diagnose} on Gaussian data with known
 * truth ({@link Coverage#cases()}), one figure panel per setting with every repetition's estimate and 95% interval
 * and the truth, and the criteria as claims (coverage ≥ 90%, every ĉ² within 25% when c² ≥ 0.3).
 */
public final class CoverageReproduction implements Reproduction {
  @Override
  public String name() {
    return "diagnose-coverage";
  }

  @Override
  public String description() {
    return "diagnose's c² interval on Gaussian data with known truth: coverage and accuracy";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    int reps = o.quick() ? 50 : 200;
    List<LinePlot> panels = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (GaussianTwoSource t : Coverage.cases()) {
      Coverage c = Coverage.run(t, reps, 1000);
      String setting = String.format(Locale.ROOT, "c² = %s, d = %d, n1 = %d, n2 = %d, σ1 = %s, σ2 = %s", t.c2(),
          t.real().dimension(), t.n1(), t.n2(), t.sigma1(), t.sigma2());
      panels.add(panel(c));
      rows.add(List.of(setting, c.covered() + "/" + reps, fmt(c.meanEstimate()),
          fmt(100 * c.worstRelativeError()) + "%"));
      claims.add(new Claim("the 95% interval covers c² in at least 90% of repetitions (" + setting + ")",
          c.covered() + "/" + reps, c.covered() >= 0.9 * reps ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED));
      if (t.c2() >= 0.3) {
        claims.add(new Claim("every ĉ² within 25% of c² (" + setting + ")",
            "largest relative error " + fmt(100 * c.worstRelativeError()) + "%",
            c.worstRelativeError() < 0.25 ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED));
      }
    }
    Path dir = o.outDir().resolve("diagnose-coverage");
    List<Path> fig = FigureWriter.write(dir, "coverage", panels);
    StringBuilder b = new StringBuilder();
    b.append(Html.paragraph("Gaussian data with known truth (power-law Σ1, α = 1; Σ2, α = 0.5; random teacher and "
        + "shift with ‖Δ‖²_Σ1 = c² exactly), " + reps + " seeded repetitions per setting (draw r from seed 1000 + r). "
        + "Each point is one repetition's cross-fitted ĉ² (8 half-splits) with its 95% interval; the line is the "
        + "truth."));
    b.append(Html.table(List.of("setting", "interval covers c²", "mean ĉ²", "largest |ĉ² − c²|/c²"), rows));
    b.append(Html.figure(o.outDir(), fig.get(0), fig.get(1),
        "ĉ² and its 95% interval per repetition; truth as a line."));
    return new ReportSection("diagnose-coverage", "diagnose: coverage of the c² interval", b.toString(), claims);
  }

  private static LinePlot panel(Coverage c) {
    int n = c.repetitions();
    double c2 = c.truth().c2();
    double[] x = new double[n];
    double[] half = new double[n];
    double[] truth = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = r + 1;
      half[r] = 1.959963984540054 * c.stdErrors()[r];
      truth[r] = c2;
    }
    return new LinePlot(String.format(Locale.ROOT, "c² = %s, d = %d, n1 = %d, n2 = %d: %d/%d covered", c2,
        c.truth().real().dimension(), c.truth().n1(), c.truth().n2(), c.covered(), n), "repetition", "ĉ²", false,
        false, List.of(PlotSeries.markers("ĉ² ± 1.96 s.e.", x, c.estimates(), half, new Color(0x1f77b4)),
            PlotSeries.line("true c²", x, truth, Color.BLACK)));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
