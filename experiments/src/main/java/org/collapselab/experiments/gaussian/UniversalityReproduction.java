package org.collapselab.experiments.gaussian;

import java.util.List;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.run.StudyRuns;

/**
 * {@code collapselab reproduce universality}: the bundled {@code studies/universality.yaml} (the Gaussian theory
 * against simulation under other feature laws) with its claims ({@link UniversalityClaims}). Its own name rather than
 * part of {@code reproduce gaussian}: the non-Gaussian laws need the direct sampler, about 40 s of CPU at 1000 runs
 * per cell (quick: 400).
 */
public final class UniversalityReproduction implements Reproduction {
  @Override
  public String name() {
    return "universality";
  }

  @Override
  public String description() {
    return "Gaussian theory vs simulation under Rademacher, uniform and Student t features";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    GaussianStudy study = (GaussianStudy) StudyRuns.bundled("universality", o.quick());
    StudyRuns.Outcome out = o.run(study);
    GaussianRun run = GaussianRun.of(study, out.summary());
    String body = Html.paragraph("The deterministic equivalents are derived for Gaussian rows. Here the whitened "
        + "feature coordinates u of x = Σ^{1/2}u follow other laws with mean 0 and variance 1 (Rademacher ±1, uniform "
        + "on [−√3, √3], Student t scaled to unit variance), simulated with the direct sampler, and compared with the "
        + "Gaussian theory; intervals are ± " + (int) UniversalityClaims.INTERVAL_Z.value() + " standard errors.")
        + GaussianReproduction.studyHtml(o.outDir(), run);
    return new ReportSection("universality", "Universality: the Gaussian theory under other feature laws", body,
        List.copyOf(out.report().claims()));
  }
}
