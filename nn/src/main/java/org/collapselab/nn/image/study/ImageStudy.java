package org.collapselab.nn.image.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageFolder;
import org.collapselab.nn.image.synthetic.SyntheticLabels;
import org.collapselab.nn.image.synthetic.SyntheticQuality;
import org.collapselab.stats.Seeds;

/**
 * An image study: one data set, one generator of synthetic targets, a list of synthetic shares, and the sweeps
 * (error vs width, error vs n, error vs generator quality), each cell replicated over {@code runs} seeds. Read from a
 * YAML file ({@code kind: image}) by {@link ImageStudyReader}; the bundled {@code studies/mnist.yaml} reproduces the paper's MNIST
 * figures.
 *
 * @param name experiment name (the result database groups cells by it)
 * @param description one line for the report
 * @param dataset {@code mnist}, {@code fashion-mnist}, or any name when {@code dataDir} is given
 * @param dataDir folder with the IDX files, or null for the data set's default
 * @param runs seeds per cell (replicates; error bars are over them)
 * @param seed first seed (replicates use seed, seed+1, ...)
 * @param p2 synthetic shares
 * @param generator the generator of synthetic targets
 * @param reserved images of the training split reserved for generators (never used by the studied models)
 * @param training Adam schedule of the trained networks
 * @param ridge ridge penalty λ of the random-features readout
 * @param widthSweeps error-vs-width sweeps
 * @param sizeSweeps error-vs-n sweeps
 * @param qualitySweep error-vs-p2 per generator quality, or null
 */
public record ImageStudy(String name, String description, String dataset, String dataDir, int runs, long seed,
    List<Double> p2, GeneratorPlan generator, int reserved, TrainingPlan training, double ridge,
    List<WidthSweep> widthSweeps, List<SizeSweep> sizeSweeps, QualitySweep qualitySweep) implements Study {
  public ImageStudy {
    p2 = List.copyOf(p2);
    widthSweeps = List.copyOf(widthSweeps);
    sizeSweeps = List.copyOf(sizeSweeps);
  }

  /** The folder the data set is read from: {@code dataDir}, else the data set's default location. */
  public Path dataFolder() {
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir);
    }
    if (dataset.equals("fashion-mnist")) {
      return ImageFolder.defaultFashionMnistDir();
    }
    return ImageFolder.defaultMnistDir();
  }

  /** Seeds of the replicates. */
  public List<Long> seeds() {
    List<Long> out = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      out.add(Seeds.Legacy.offset(seed, r));
    }
    return out;
  }

  /** A cell of this study. p2 = 0 cells always use the study's generator (their data do not depend on it). */
  public CellSpec cell(NetworkKind network, int width, int n, double share, GeneratorPlan gen, long s) {
    GeneratorPlan g = share == 0 ? generator : gen;
    return new CellSpec(dataset, network, width, n, share, training, ridge, g.toSpec(), reserved, s);
  }

  /** Every distinct cell of every sweep, all seeds. */
  public List<CellSpec> specs() {
    Set<CellSpec> out = new LinkedHashSet<>();
    for (long s : seeds()) {
      for (WidthSweep w : widthSweeps) {
        for (int width : w.widths()) {
          for (double share : p2) {
            out.add(cell(w.network(), width, w.n(), share, generator, s));
          }
        }
      }
      for (SizeSweep z : sizeSweeps) {
        for (int gs : z.generators(generator.samples())) {
          for (int n : z.n()) {
            for (double share : p2) {
              out.add(cell(z.network(), z.width(), n, share, generator.withSamples(gs), s));
            }
          }
        }
      }
      if (qualitySweep != null) {
        for (int gs : qualitySweep.generatorSamples()) {
          for (double share : p2) {
            out.add(cell(qualitySweep.network(), qualitySweep.width(), qualitySweep.n(), share,
                generator.withSamples(gs), s));
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  @Override
  public List<CellJob> cells() {
    List<CellJob> out = new ArrayList<>();
    for (CellSpec c : specs()) {
      out.add(new ImageCellJob(c, dataFolder().toString(), name));
    }
    return out;
  }

  @Override
  public String planNote(List<CellJob> todo, int threads) {
    return CellCost.planNote(todo, threads);
  }

  /**
   * Figures under {@code OUT/mnist/}, the HTML section and the claims, from the stored cells. Loads the data set and
   * retrains the generators (small, seeded) to report their measured quality.
   */
  /** The data set's files are missing or malformed: their message (loads the data set once per process). */
  @Override
  public String unavailable() {
    try {
      ImageContexts.get(dataset, dataFolder());
      return null;
    } catch (org.collapselab.nn.image.data.IdxFormatException e) {
      return e.getMessage();
    }
  }

  @Override
  public StudyReport report(StudyResults stored, ReportOptions o) throws Exception {
    ImageExperimentContext ctx = ImageContexts.get(dataset, dataFolder());
    Map<CellSpec, CellResult> results = new java.util.LinkedHashMap<>();
    for (ImageCellJob j : stored.present(ImageCellJob.class)) {
      results.put(j.spec(), ImageCellJob.result(stored.stored().get(j.key()).resultJson()));
    }
    ImageResults r = new ImageResults(this, results, generators(ctx, o.log()), stored.cells().size() - results.size());
    List<ImageFigures.Figure> figures = o.figures() ? ImageFigures.write(r, o.outDir().resolve("mnist")) : List.of();
    ImageDataset data = ctx.dataset();
    String html = ImageReport.html(r, data, dataFolder(), figures, o.outDir());
    List<Claim> claims = new ArrayList<>();
    for (Claim c : ImageClaims.all(r)) {
      claims.add(c.prefixed("[" + dataset + "] "));
    }
    List<Path> files = new ArrayList<>();
    figures.forEach(f -> files.addAll(List.of(f.png(), f.svg())));
    return new StudyReport(files, html, claims, "");
  }

  /** Measured quality of every generator the study uses, by generator samples. */
  Map<Integer, SyntheticQuality[]> generators(ImageExperimentContext ctx, java.io.PrintStream log) {
    Map<Integer, SyntheticQuality[]> out = new TreeMap<>();
    List<GeneratorPlan> plans = new ArrayList<>();
    plans.add(generator);
    if (qualitySweep != null) {
      for (int gs : qualitySweep.generatorSamples()) {
        plans.add(generator.withSamples(gs));
      }
    }
    for (SizeSweep z : sizeSweeps) {
      for (int gs : z.generators(generator.samples())) {
        plans.add(generator.withSamples(gs));
      }
    }
    for (GeneratorPlan g : plans) {
      if (!out.containsKey(g.samples())) {
        SyntheticLabels s = ctx.synthetic(g.toSpec(), reserved);
        out.put(g.samples(), new SyntheticQuality[] {s.poolQuality(), s.generatorTestQuality()});
        if (log != null) {
          log.printf(java.util.Locale.ROOT, "%s: generator on %d real images: synthetic targets c² = %.3f (%.1f%% "
              + "wrong labels), generator test error %.1f%%%n", name, g.samples(), s.poolQuality().mse(),
              100 * s.poolQuality().labelError(), 100 * s.generatorTestQuality().labelError());
        }
      }
    }
    return out;
  }
}
