package org.collapselab.cli;

import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.problem.Problem;
import picocli.CommandLine.Option;

/** The flags that define one {@link Problem}, shared by {@code theory} and {@code simulate}. */
final class ProblemOptions {
  @Option(names = "--model", defaultValue = "ridge", paramLabel = "ridge|rp",
      description = "Model: ridge on x, or ridge on m random projections (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--d", required = true, paramLabel = "D", description = "Dimension d (>= 1; with file: spectra, 0 or the file's length).")
  int d;

  @Option(names = "--n", required = true, paramLabel = "N", description = "Training-set size n (>= 1).")
  long n;

  @Option(names = "--m", paramLabel = "M", description = "Width m of the random projection (required for --model rp).")
  Long m;

  @Option(names = "--p2", defaultValue = "0", paramLabel = "P", description = "Synthetic share p2 in [0, 1] (default: ${DEFAULT-VALUE}).")
  double p2;

  @Option(names = "--c2", defaultValue = "1", paramLabel = "C",
      description = "Synthetic quality c² = ‖Δ‖²_Σ >= 0; 0 = perfect synthetic data (default: ${DEFAULT-VALUE}).")
  double c2;

  @Option(names = "--sigma", defaultValue = "0", paramLabel = "S", description = "Label-noise std σ >= 0 (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--lambda", defaultValue = "0", paramLabel = "L",
      description = "Ridge penalty λ >= 0; 0 = minimum-norm least squares (default: ${DEFAULT-VALUE}).")
  double lambda;

  @Option(names = "--spectrum", defaultValue = "iso", paramLabel = "SPEC",
      description = "Covariance spectrum: iso, power:A (λ_i ∝ i^-A, trace d) or file:PATH (default: ${DEFAULT-VALUE}).")
  String spectrum;

  @Option(names = "--synthetic-spectrum", paramLabel = "SPEC",
      description = "A different covariance Σ2 for the synthetic rows, diagonal in Σ1's basis (default: same as --spectrum).")
  String syntheticSpectrum;

  @Option(names = "--synthetic-sigma", paramLabel = "S",
      description = "Label-noise std σ2 >= 0 of the synthetic rows (default: same as --sigma).")
  Double syntheticSigma;

  @Option(names = "--synthetic-weight", defaultValue = "1", paramLabel = "A",
      description = "Weight A >= 0 of each synthetic row in the loss; 1 = plain mixing (default: ${DEFAULT-VALUE}).")
  double syntheticWeight;

  @Option(names = "--estimator", defaultValue = "mix", paramLabel = "mix|prior",
      description = "mix: synthetic rows join the training set; prior: ridge on the real rows shrunk toward the "
          + "synthetic teacher (rp: toward its best width-m representation) (default: ${DEFAULT-VALUE}).")
  String estimator;

  @Option(names = "--generations", defaultValue = "0", paramLabel = "K",
      description = "Retraining generations after generation 0 (default: ${DEFAULT-VALUE} = a single fit).")
  int generations;

  @Option(names = "--schedule", defaultValue = "replace", paramLabel = "replace|accumulate|accumulate-subsample",
      description = "What generation k >= 1 trains on (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--fresh-real", defaultValue = "0", paramLabel = "R",
      description = "Share r in [0, 1] of real rows among each generation's fresh rows (default: ${DEFAULT-VALUE}).")
  double freshReal;

  @Option(names = "--with-noise", description = "Report the full risk E + σ² instead of the excess risk E.")
  boolean withNoise;

  /** Builds and validates the problem; errors name the flag. */
  Problem toProblem() {
    return new ProblemFlags(model, d, n, m, p2, c2, sigma, lambda, spectrum, syntheticSpectrum, syntheticSigma,
        syntheticWeight, estimator, generations, schedule, freshReal).toProblem();
  }

  /** σ² when {@code --with-noise} is given, else 0. */
  double noiseFloor() {
    return withNoise ? sigma * sigma : 0;
  }
}
