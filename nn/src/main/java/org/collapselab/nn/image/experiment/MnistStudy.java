package org.collapselab.nn.image.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.nn.image.data.ImageFolder;

/**
 * An image study: one data set, one generator of synthetic targets, a list of synthetic shares, and the sweeps
 * (error vs width, error vs n, error vs generator quality), each cell replicated over {@code runs} seeds. Read from a
 * YAML file by {@link MnistStudyLoader}; the bundled {@code studies/mnist.yaml} reproduces the paper's MNIST
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
public record MnistStudy(String name, String description, String dataset, String dataDir, int runs, long seed,
    List<Double> p2, GeneratorPlan generator, int reserved, TrainingPlan training, double ridge,
    List<WidthSweep> widthSweeps, List<SizeSweep> sizeSweeps, QualitySweep qualitySweep) {
  public MnistStudy {
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
      out.add(seed + r);
    }
    return out;
  }

  /** A cell of this study. p2 = 0 cells always use the study's generator (their data do not depend on it). */
  public CellSpec cell(NetworkKind network, int width, int n, double share, GeneratorPlan gen, long s) {
    GeneratorPlan g = share == 0 ? generator : gen;
    return new CellSpec(dataset, network, width, n, share, training, ridge, g.toSpec(), reserved, s);
  }

  /** Every distinct cell of every sweep, all seeds. */
  public List<CellSpec> cells() {
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
        for (int n : z.n()) {
          for (double share : p2) {
            out.add(cell(z.network(), z.width(), n, share, generator, s));
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
}
