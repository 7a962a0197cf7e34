package org.collapselab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.experiments.classification.ClassificationFlags;
import org.collapselab.experiments.params.ProblemFlags;
import org.collapselab.problem.Problem;
import org.collapselab.validation.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--task", defaultValue = "regression", paramLabel = "regression|classification",
      description = "regression (labels xᵀw + noise, the paper's setting) or classification (labels ±1, "
          + "x = yμ + z; see docs/classification.md) (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(names = "--mu2", paramLabel = "M",
      description = "Classification: class separation M = ‖μ‖²_Σ⁻¹ >= 0, Bayes error Φ(−√M) (default: 1).")
  String mu2;

  @Option(names = "--flip-rate", paramLabel = "Q",
      description = "Classification: probability in [0, 1] that a synthetic row's label is flipped (default: 0).")
  String flipRate;

  @Option(names = "--loss", paramLabel = "square|logistic",
      description = "Classification: training loss; logistic needs --lambda > 0 (default: square).")
  String loss;

  @Option(names = "--keep-good", defaultValue = "1", paramLabel = "PHI",
      description = "Probability ϕ in [0, 1] that the verifier keeps a good pool row (classification: an unflipped "
          + "one) (default: ${DEFAULT-VALUE}).")
  double keepGood;

  @Option(names = "--keep-bad", defaultValue = "1", paramLabel = "PSI",
      description = "Probability ψ in [0, 1] that the verifier keeps a bad pool row (classification: a flipped one); "
          + "the model trains on the real rows plus the kept rows (default: ${DEFAULT-VALUE}).")
  double keepBad;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** True for {@code --task classification}; errors name {@code --task}. */
  boolean classification() {
    return switch (task) {
      case "regression" -> false;
      case "classification" -> true;
      default -> throw new ParameterException("task", task, "one of regression, classification");
    };
  }

  /** Builds and validates the classification problem; regression-only flags are refused by name. */
  ClassificationProblem toClassification() {
    for (String name : ClassificationFlags.REGRESSION_ONLY) {
      if (given(name)) {
        throw new ParameterException(name, "a value", "left out with --task classification (a regression flag)");
      }
    }
    Map<String, String> v = new LinkedHashMap<>();
    v.put("d", Integer.toString(d));
    v.put("n", Long.toString(n));
    v.put("p2", Double.toString(p2));
    v.put("lambda", Double.toString(lambda));
    v.put("spectrum", spectrum);
    v.put("synthetic-weight", Double.toString(syntheticWeight));
    v.put("generations", Integer.toString(generations));
    v.put("schedule", schedule);
    v.put("fresh-real", Double.toString(freshReal));
    v.put("mu2", mu2);
    v.put("flip-rate", flipRate);
    v.put("loss", loss);
    v.put("keep-good", Double.toString(keepGood));
    v.put("keep-bad", Double.toString(keepBad));
    return ClassificationFlags.parse(v).toProblem();
  }

  private boolean given(String flag) {
    return mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
        && mixee.commandLine().getParseResult().hasMatchedOption("--" + flag);
  }

  /** Builds and validates the problem; errors name the flag. */
  Problem toProblem() {
    if (classification()) {
      throw new ParameterException("task", task, "regression here");
    }
    for (String name : ClassificationFlags.CLASSIFICATION_ONLY) {
      if (given(name)) {
        throw new ParameterException(name, "a value", "left out with --task regression (a classification flag)");
      }
    }
    if (keepGood != 1 || keepBad != 1) { // the regression verifier is another change's; never ignore the flags
      throw new ParameterException(keepGood != 1 ? "keepGood" : "keepBad", keepGood != 1 ? keepGood : keepBad,
          "1 with --task regression here (the verifier applies to --task classification)");
    }
    return new ProblemFlags(model, d, n, m, p2, c2, sigma, lambda, spectrum, syntheticSpectrum, syntheticSigma,
        syntheticWeight, estimator, generations, schedule, freshReal).toProblem();
  }

  /** σ² when {@code --with-noise} is given, else 0. */
  double noiseFloor() {
    return withNoise ? sigma * sigma : 0;
  }
}
