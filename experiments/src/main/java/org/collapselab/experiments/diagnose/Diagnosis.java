package org.collapselab.experiments.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapselab.estimation.Recipe;
import org.collapselab.estimation.RecipeAdvice;
import org.collapselab.estimation.RecipeAdvisor;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.RecipeValidation.Measured;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.diagnose.DiagnosisResult.Curve;
import org.collapselab.experiments.diagnose.DiagnosisResult.Validation;

/**
 * The paper's method on a user's own data (issue 9 §4): read the real and synthetic files, estimate the regime
 * ({@link SourceEstimator}), ask the advisor for a recipe, and check the recommendation and the baselines against
 * errors measured on real rows (K-fold cross-validation, or a test file).
 */
public final class Diagnosis {
  /** Points per predicted/measured curve (k = 0, n2/8, ..., n2, plus the recommended k). */
  static final int CURVE_STEPS = 8;

  private Diagnosis() {}

  /** Reads, validates and diagnoses; throws {@link DataFileException} for an unusable file. */
  public static DiagnosisResult run(DiagnoseOptions options, RecipeAdvisor advisor) {
    long start = System.nanoTime();
    LabelledRows real = CsvDataFile.read(options.real(), options.label(), null);
    LabelledRows syn = CsvDataFile.read(options.synthetic(), options.label(), real.features());
    LabelledRows test = options.test() == null ? null
        : CsvDataFile.read(options.test(), options.label(), real.features());
    int d = real.features().size();
    requireRows(real, SourceEstimator.minimumRows(d), d);
    requireRows(syn, SourceEstimator.minimumRows(d), d);
    if (test != null) {
      requireRows(test, 2, d);
    }
    TwoSourceData data = TwoSourceData.of(real.x(), real.y(), syn.x(), syn.y());
    SourceEstimates est = SourceEstimator.estimate(data, options.splits(), options.seed());
    RecipeAdvice advice = advisor.advise(est);
    RecipeValidation validation = new RecipeValidation(data, options.folds(), options.seed());
    Measurer measurer = test == null ? validation::crossValidate
        : r -> validation.test(r, data.centreFeatures(test.x()), data.centreLabels(test.y()));
    long trainingRows = test == null ? Math.round(validation.trainingRealRows()) : data.realRows();
    Validation v = new Validation(test == null ? "cross-validation" : "test", trainingRows,
        test == null ? data.realRows() / options.folds() : test.rows(),
        check(advice.recommended(), advice.predicted(), est, advisor, measurer, trainingRows),
        check(advice.realOnly(), advice.realOnlyPredicted(), est, advisor, measurer, trainingRows),
        check(advice.allSynthetic(), advice.allSyntheticPredicted(), est, advisor, measurer, trainingRows));
    List<Curve> curves = curves(advice.recommended(), data.syntheticRows(), est, advisor, measurer, trainingRows);
    return new DiagnosisResult(real.file(), syn.file(), real.features(), est, advice, v, curves,
        (System.nanoTime() - start) / 1e9);
  }

  /** A way of measuring a recipe's error on real rows. */
  private interface Measurer {
    Measured measure(Recipe recipe);
  }

  private static Check check(Recipe r, double predicted, SourceEstimates est, RecipeAdvisor advisor, Measurer m,
                             long trainingRows) {
    Measured measured = m.measure(r);
    return new Check(r, predicted, predict(advisor, est, r, trainingRows), measured.error(), measured.stdError());
  }

  private static List<Curve> curves(Recipe best, int n2, SourceEstimates est, RecipeAdvisor advisor, Measurer m,
                                    long trainingRows) {
    TreeSet<Double> weights = new TreeSet<>(List.of(best.syntheticWeight(), 1.0, 0.25));
    TreeSet<Integer> ks = new TreeSet<>();
    for (int i = 0; i <= CURVE_STEPS; i++) {
      ks.add((int) Math.round((double) i * n2 / CURVE_STEPS));
    }
    ks.add(best.syntheticRows());
    int[] rows = ks.stream().mapToInt(Integer::intValue).toArray();
    List<Curve> curves = new ArrayList<>();
    for (double a : weights) {
      double[] pred = new double[rows.length];
      double[] meas = new double[rows.length];
      double[] se = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        Recipe r = new Recipe(rows[i], a, best.lambda());
        pred[i] = predict(advisor, est, r, trainingRows);
        Measured mm = m.measure(r);
        meas[i] = mm.error();
        se[i] = mm.stdError();
      }
      curves.add(new Curve(a, best.lambda(), rows, pred, meas, se));
    }
    return curves;
  }

  /** The advisor's prediction, or NaN where the theory has none (e.g. a divergent point), drawn as a gap. */
  private static double predict(RecipeAdvisor advisor, SourceEstimates est, Recipe r, long realRows) {
    try {
      return advisor.predict(est, r, realRows);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void requireRows(LabelledRows f, int needed, int d) {
    if (f.rows() < needed) {
      throw new DataFileException(f.file(), "data rows", f.rows() + " data rows",
          "at least " + needed + " rows for " + d + " feature columns");
    }
  }
}
