package org.collapselab.nn.image;

import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.data.IdxFormatException;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageFolder;
import org.collapselab.nn.image.experiment.ImageExperimentContext;
import org.collapselab.nn.image.experiment.MnistStudy;
import org.collapselab.nn.image.experiment.StudyClaims;
import org.collapselab.nn.image.experiment.StudyFigures;
import org.collapselab.nn.image.experiment.StudyReport;
import org.collapselab.nn.image.experiment.StudyResults;
import org.collapselab.nn.image.experiment.StudyRunner;

/**
 * Runs one image study end to end (data, cells with resume, figures, report HTML, claims). Used by
 * {@link MnistReproduction}; also the entry point for running a user's own image-study file
 * ({@code kind: image}, see {@link org.collapselab.nn.image.experiment.MnistStudyLoader}).
 */
public final class ImageStudies {
  /** What a study run produced for the report. */
  public record Outcome(StudyResults results, String html, List<Claim> claims) {}

  private ImageStudies() {}

  /**
   * Runs {@code study}: loads its data (an {@link IdxFormatException} names the missing or broken file), trains the
   * cells not yet in {@code store} on {@code threads} threads, writes figures to {@code outDir/mnist/}.
   */
  public static Outcome run(MnistStudy study, Path outDir, ResultStore store, int threads, PrintStream log)
      throws IdxFormatException, InterruptedException, java.io.IOException {
    Engine engine = TorchRuntime.engine(1);
    Path folder = study.dataFolder();
    ImageDataset data = ImageFolder.load(study.dataset(), folder);
    ImageExperimentContext ctx = new ImageExperimentContext(engine, data);
    StudyResults results = StudyRunner.run(study, ctx, store, threads, log);
    List<StudyFigures.Figure> figures = StudyFigures.write(results, outDir.resolve("mnist"));
    String html = StudyReport.html(results, data, folder, figures, outDir);
    List<Claim> claims = new ArrayList<>();
    for (Claim c : StudyClaims.all(results)) {
      claims.add(new Claim("[" + study.dataset() + "] " + c.claim(), c.measured(), c.verdict()));
    }
    if (log != null) {
      log.printf(Locale.ROOT, "%s: %d cells in %.1f s (%d trained, %d reused, %d failed)%n", study.name(),
          results.results().size() + results.failed(), results.seconds(), results.computed(), results.reused(),
          results.failed());
    }
    return new Outcome(results, html, claims);
  }

  /** Runs a study file into {@code outDir} (database {@code outDir/results.db}) and returns its HTML and claims. */
  public static Outcome runFile(MnistStudy study, Path outDir, int threads, PrintStream log) throws Exception {
    try (ResultStore store = ResultStore.open(outDir.resolve("results.db"))) {
      return run(study, outDir, store, threads, log);
    }
  }

  /** A report paragraph for a study whose data are missing. */
  static String skipped(MnistStudy study, String reason) {
    return "<h3>" + Html.escape(study.name()) + "</h3>\n" + Html.paragraph("Skipped: " + reason);
  }
}
