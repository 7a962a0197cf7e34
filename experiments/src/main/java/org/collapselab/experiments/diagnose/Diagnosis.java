package org.collapselab.experiments.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.collapselab.advice.Advice;
import org.collapselab.advice.Recipe;
import org.collapselab.estimation.DiagnosedRegime;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.RecipeValidation.Measured;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.diagnose.DiagnosisResult.Curve;
import org.collapselab.experiments.diagnose.DiagnosisResult.Validation;

/**
 * The paper's method on a user's own data: read the real and synthetic files, estimate the regime
 * ({@link SourceEstimator}), ask the advisor ({@link org.collapselab.advice.Advisor}, through
 * {@link DiagnosedRegime}) for a recipe, and check the recommendation and the baselines against errors measured on
 * real rows (K-fold cross-validation, or a test file).
 */
public final class Diagnosis {
  /** Points per predicted/measured curve (k = 0, n2/8, ..., n2, plus the recommended k). */
  static final int CURVE_STEPS = 8;

  private Diagnosis() {}

  /** Reads, validates and diagnoses; throws {@link DataFileException} for an unusable file. */
  public static DiagnosisResult run(DiagnoseOptions options) {
    Stopwatch clock = new Stopwatch();
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
    clock.lap("read");
    SourceEstimates est = SourceEstimator.estimate(data, options.splits(), options.seed());
    clock.lap("estimate");
    DiagnosedRegime regime = DiagnosedRegime.of(est);
    Advice advice = regime.advise();
    clock.lap("advise");
    RecipeValidation validation = new RecipeValidation(data, options.folds(), options.seed());
    Measurer measurer = test == null ? validation::crossValidate
        : r -> validation.test(r, data.centreFeatures(test.x()), data.centreLabels(test.y()));
    long trainingRows = test == null ? Math.round(validation.trainingRealRows()) : data.realRows();
    Validation v = new Validation(test == null ? "cross-validation" : "test", trainingRows,
        test == null ? data.realRows() / options.folds() : test.rows(),
        check(advice.best(), regime, measurer, trainingRows),
        check(advice.realOnly(), regime, measurer, trainingRows),
        check(advice.useEverything(), regime, measurer, trainingRows));
    List<Curve> curves = curves(DiagnosedRegime.estimator(advice.best()), data.syntheticRows(), regime, measurer,
        trainingRows);
    clock.lap("validate");
    return new DiagnosisResult(real.file(), syn.file(), real.features(), est, advice, v, curves, clock.laps());
  }

  /** A way of measuring a recipe's error on real rows. */
  private interface Measurer {
    Measured measure(WeightedRidge recipe);
  }

  private static Check check(Recipe advised, DiagnosedRegime regime, Measurer m, long trainingRows) {
    WeightedRidge r = DiagnosedRegime.estimator(advised);
    Measured measured = m.measure(r);
    return new Check(r, regime.testMse(advised), regime.predict(r, trainingRows), measured.error(),
        measured.stdError());
  }

  private static List<Curve> curves(WeightedRidge best, int n2, DiagnosedRegime regime, Measurer m,
                                    long trainingRows) {
    TreeSet<Double> weights = new TreeSet<>(List.of(1.0, 0.25));
    if (best.syntheticRows() > 0) {
      weights.add(best.syntheticWeight());
    }
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
        WeightedRidge r = new WeightedRidge(rows[i], a, best.lambda());
        pred[i] = regime.predict(r, trainingRows);
        Measured mm = m.measure(r);
        meas[i] = mm.error();
        se[i] = mm.stdError();
      }
      curves.add(new Curve(a, best.lambda(), rows, pred, meas, se));
    }
    return curves;
  }

  private static void requireRows(LabelledRows f, int needed, int d) {
    if (f.rows() < needed) {
      throw new DataFileException(f.file(), "data rows", f.rows() + " data rows",
          "at least " + needed + " rows for " + d + " feature columns");
    }
  }
}
