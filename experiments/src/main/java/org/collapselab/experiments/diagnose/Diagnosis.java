package org.collapselab.experiments.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.collapselab.estimation.DiagnosedRegime;
import org.collapselab.estimation.RecipeSearch;
import org.collapselab.estimation.RecipeSearch.Scored;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.RecipeValidation.Measured;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.estimation.Standardization;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.diagnose.DiagnosisResult.Curve;
import org.collapselab.experiments.diagnose.DiagnosisResult.Validation;

/**
 * The paper's method on a user's own data: read the real and synthetic files, standardise by the real rows' scale,
 * estimate the regime ({@link SourceEstimator}), let the theory choose (k, A, λ) averaged over the estimates'
 * uncertainty ({@link RecipeSearch#byTheory}), let K-fold cross-validation on the real rows confirm it or fall back
 * to real-only ridge, and measure the recommendation and three baselines the same way (K-fold CV, or a test file).
 */
public final class Diagnosis {
    /** Points per predicted/measured curve (k = 0, n2/8, ..., n2, plus the recommended k). */
    static final int CURVE_STEPS = 8;

    private Diagnosis() {}

    /** Reads, validates and diagnoses; throws {@link DataFileException} for an unusable file. */
    public static DiagnosisResult run(DiagnoseOptions options) {
        Stopwatch clock = new Stopwatch();
        DataFiles.Read files = DataFiles.read(options);
        clock.lap("read");
        return of(files.real(), files.synthetic(), files.test(), options, files.warnings(), clock);
    }

    /** Diagnoses rows already in memory (the bench's entry point). */
    public static DiagnosisResult of(
            LabelledRows real, LabelledRows syn, LabelledRows test, DiagnoseOptions options, List<String> warnings) {
        return of(real, syn, test, options, warnings, new Stopwatch());
    }

    private static DiagnosisResult of(
            LabelledRows real,
            LabelledRows syn,
            LabelledRows test,
            DiagnoseOptions options,
            List<String> warnings,
            Stopwatch clock) {
        int d = real.features().size();
        requireRows(real, SourceEstimator.MINIMUM_REAL_ROWS, "real");
        requireRows(syn, SourceEstimator.MINIMUM_SYNTHETIC_ROWS, "synthetic");
        if (test != null) {
            requireRows(test, 2, "test");
        }
        TwoSourceData data = TwoSourceData.of(real.x(), real.y(), syn.x(), syn.y());
        Standardization units = data.units();
        SourceEstimates est = SourceEstimator.estimate(data);
        clock.lap("estimate");
        DiagnosedRegime regime = DiagnosedRegime.of(est);
        int n1 = data.realRows();
        Scored theory = RecipeSearch.byTheory(regime, n1, regime.offsetPenalty(), false);
        clock.lap("advise");
        int folds = Math.min(options.folds(), n1);
        RecipeValidation validation = new RecipeValidation(data, folds, options.seed());
        WeightedRidge realOnly = RecipeSearch.lambdaByCv(validation, 0, 1, Double.POSITIVE_INFINITY)
                .recipe();
        WeightedRidge allSyn = RecipeSearch.lambdaByCv(validation, data.syntheticRows(), 1, Double.POSITIVE_INFINITY)
                .recipe();
        WeightedRidge practitioner = RecipeSearch.practitioner(validation).recipe();
        WeightedRidge chosen = theory == null ? realOnly : theory.recipe();
        String small = null;
        if (theory != null && chosen.syntheticRows() > 0) {
            double r = regime.predict(realOnly, n1);
            double gain = (r - theory.score()) / r;
            if (Double.isFinite(r) && gain < MINIMAL_GAIN) {
                small = String.format(
                        Locale.ROOT,
                        "the theory's best use of them is predicted to gain %.1f%% over real-only "
                                + "ridge, below the %.0f%% minimal effect",
                        100 * gain,
                        100 * MINIMAL_GAIN);
                chosen = realOnly;
            }
        }
        boolean cvInformative = n1 >= Math.max(30, 2 * d);
        String corrected = null;
        if (theory != null && small == null && chosen.syntheticRows() > 0 && n1 >= CORRECTION_ROWS) {
            WeightedRidge base = chosen;
            for (double f : new double[] {Math.pow(10, -0.5), Math.pow(10, 0.5), 10}) {
                Scored c = RecipeSearch.lambdaByTheory(
                        regime, n1, base.syntheticRows(), base.syntheticWeight() * f, base.offsetPenalty());
                if (c != null && better(validation, c.recipe(), chosen)) {
                    chosen = c.recipe();
                    corrected = String.format(
                            Locale.ROOT,
                            "; cross-validation moved A from %.3g to %.3g",
                            base.syntheticWeight(),
                            chosen.syntheticWeight());
                }
            }
        }
        String decision = theory == null || cvInformative
                ? decide(validation, chosen, realOnly, theory != null, "real-only ridge")
                : "theory";
        if (decision.startsWith("cross-validation")) {
            chosen = realOnly;
        } else if (cvInformative) {
            String other = decide(validation, chosen, allSyn, true, "all synthetic rows at weight 1");
            if (other.startsWith("cross-validation")) {
                chosen = allSyn;
                decision = other;
            }
        }
        boolean binary = isBinary(real.y());
        Measurer measurer;
        long trainingRows;
        if (test == null) {
            measurer = new Measurer(validation, null, null, units, real.y(), binary);
            trainingRows = Math.round(validation.trainingRealRows());
        } else {
            measurer = new Measurer(validation, units.features(test.x()), test.y(), units, test.y(), binary);
            trainingRows = n1;
        }
        Validation v = new Validation(
                test == null ? "cross-validation" : "test",
                trainingRows,
                test == null ? n1 / folds : test.rows(),
                check(chosen, regime, measurer, trainingRows, n1),
                check(realOnly, regime, measurer, trainingRows, n1),
                check(allSyn, regime, measurer, trainingRows, n1),
                check(practitioner, regime, measurer, trainingRows, n1));
        Verification verification =
                verification(data, real, syn, validation, realOnly, measurer, options.seed(), trainingRows);
        List<Curve> curves = curves(chosen, data.syntheticRows(), regime, measurer, trainingRows, units);
        double s2 = units.labelScale() * units.labelScale();
        double[] sensitivity = new double[3];
        double[] at = {est.c2Low(), est.c2(), est.c2High()};
        for (int i = 0; i < 3; i++) {
            sensitivity[i] = s2 * regime.predict(chosen, n1, regime.at(at[i]));
        }
        clock.lap("validate");
        ClassificationChoice cls = options.classification() && binary
                ? ClassificationChoice.choose(data, chosen, folds, options.seed())
                : null;
        if (cls != null) {
            clock.lap("classify");
        }
        return new DiagnosisResult(
                real.file(),
                syn.file(),
                real.features(),
                est.inLabelUnits(units.labelScale()),
                v,
                curves,
                clock.laps(),
                words(small != null && decision.equals("theory") ? small : decision, chosen, data.syntheticRows())
                        + (corrected == null || !decision.equals("theory") ? "" : corrected),
                sensitivity,
                binary,
                List.copyOf(warnings),
                cls,
                verification);
    }

    /** "Verify then train" ({@link Verification}), checked like the other recipes. */
    private static Verification verification(
            TwoSourceData data,
            LabelledRows real,
            LabelledRows syn,
            RecipeValidation validation,
            WeightedRidge realOnly,
            Measurer m,
            long seed,
            long trainingRows) {
        Verification.Plan p = Verification.plan(data, real, syn, validation, realOnly);
        Check check = null;
        if (p.recipe() != null) {
            RecipeValidation kept = new RecipeValidation(p.data(), validation.folds(), seed);
            Measurer km = new Measurer(kept, m.testX(), m.testRaw(), m.units(), m.rawLabels(), m.binary());
            check = check(p.recipe(), p.regime(), km, trainingRows, data.realRows());
        }
        return new Verification(
                Verification.RULE,
                org.collapselab.estimation.AgreementFilter.DEFAULT_BAND,
                p.verdict().kept(),
                data.syntheticRows(),
                p.verdict().share(),
                check);
    }

    /**
     * The minimal effect for using synthetic rows: when the theory's best recipe is predicted to beat real-only ridge
     * (λ by CV) by less than this share, the synthetic rows are not used (their gain is within what the estimates'
     * uncertainty and the theory's approximations can produce).
     */
    static final double MINIMAL_GAIN = 0.02;

    /** Real rows from which CV may move the theory's A by a factor 10^{±1/2} or 10 (paired test, one s.e.). */
    static final int CORRECTION_ROWS = 20;

    /** True when {@code a} beats {@code b} in K-fold CV by more than one paired standard error. */
    private static boolean better(RecipeValidation v, WeightedRidge a, WeightedRidge b) {
        double[] fa = v.crossValidate(a).perFold();
        double[] fb = v.crossValidate(b).perFold();
        double mean = 0;
        for (int f = 0; f < fa.length; f++) {
            mean += (fb[f] - fa[f]) / fa.length;
        }
        double var = 0;
        for (int f = 0; f < fa.length; f++) {
            double x = fb[f] - fa[f] - mean;
            var += x * x / (fa.length - 1);
        }
        return mean > Math.sqrt(var / fa.length);
    }

    /**
     * "theory", or "cross-validation: ..." when the alternative beats the theory's recipe in K-fold CV by more than the
     * 97.5% Student-t quantile (K − 1 degrees of freedom) times the paired standard error. Asked only when
     * n1 ≥ max(30, 2d): with fewer real rows the folds are too small to overrule the theory.
     */
    private static String decide(
            RecipeValidation v, WeightedRidge theory, WeightedRidge realOnly, boolean hasTheory, String name) {
        if (!hasTheory) {
            return "cross-validation: the theory has no finite prediction here; real-only ridge with λ by CV";
        }
        Measured t = v.crossValidate(theory);
        Measured r = v.crossValidate(realOnly);
        double[] diff = new double[t.perFold().length];
        for (int f = 0; f < diff.length; f++) {
            diff[f] = t.perFold()[f] - r.perFold()[f];
        }
        double mean = 0;
        for (double x : diff) {
            mean += x / diff.length;
        }
        double var = 0;
        for (double x : diff) {
            var += (x - mean) * (x - mean) / Math.max(1, diff.length - 1);
        }
        double se = Math.sqrt(var / diff.length);
        double q = SourceEstimator.studentQuantile(0.975, diff.length - 1);
        if (mean > q * se && mean > 0) {
            return String.format(
                    Locale.ROOT,
                    "cross-validation: %s beat the theory's recipe by %.3g ± %.2g " + "(standardised MSE, %d folds)",
                    name,
                    mean,
                    se,
                    diff.length);
        }
        return "theory";
    }

    private static String words(String decision, WeightedRidge w, int n2) {
        String recipe = w.syntheticRows() == 0
                ? "do not use these synthetic rows: train on the real rows only"
                : String.format(
                        Locale.ROOT,
                        "use the first %d of %d synthetic rows at weight %.3g each",
                        w.syntheticRows(),
                        n2,
                        w.syntheticWeight());
        String how = decision.equals("theory")
                ? "chosen by the theory, averaged over the estimates' uncertainty, and "
                        + "not beaten by real-only ridge in cross-validation"
                : decision;
        return recipe + " (" + how + ")";
    }

    /** Measures recipes: CV on the real rows, or a test block; errors in the files' label units. */
    private record Measurer(
            RecipeValidation v,
            org.collapselab.linalg.Matrix testX,
            double[] testRaw,
            Standardization units,
            double[] rawLabels,
            boolean binary) {
        Measured measure(WeightedRidge w) {
            Measured m = testX == null ? v.crossValidate(w) : v.test(w, testX, units.labels(testRaw));
            double s2 = units.labelScale() * units.labelScale();
            return new Measured(s2 * m.error(), s2 * m.stdError(), m.perFold());
        }

        /** {accuracy, AUC} of held-out predictions (NaN unless binary). */
        double[] classification(WeightedRidge w) {
            if (!binary) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] p = testX == null
                    ? v.crossValidatedPredictions(w)
                    : org.collapselab.estimation.WeightedRidge.predict(v.fitAll(w), testX, 1.0);
            double[] raw = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                raw[i] = units.labelMean() + units.labelScale() * p[i];
            }
            return new double[] {BinaryMetrics.accuracy(raw, rawLabels), BinaryMetrics.auc(raw, rawLabels)};
        }
    }

    private static Check check(WeightedRidge w, DiagnosedRegime regime, Measurer m, long trainingRows, long n1) {
        Measured measured = m.measure(w);
        Standardization u = m.units();
        double s2 = u.labelScale() * u.labelScale();
        double[] coef = m.v().fitAll(w);
        double[] slope = java.util.Arrays.copyOf(coef, coef.length - 2);
        Standardization.RawModel model = u.rawModel(slope, coef[coef.length - 2] + coef[coef.length - 1]);
        double[] cls = m.classification(w);
        double theory = regime.predict(w, n1);
        double atCv = regime.predict(w, Math.round(m.v().trainingRealRows()));
        double cv = m.v().crossValidate(w).error();
        double floor = cv * theory / atCv;
        double atTraining = regime.predict(w, trainingRows);
        double floorTraining = trainingRows == n1 ? floor : cv;
        return new Check(
                w,
                s2 * max(theory, floor),
                s2 * max(atTraining, floorTraining),
                measured.error(),
                measured.stdError(),
                model,
                w.lambda() * (n1 + w.syntheticRows()),
                cls[0],
                cls[1],
                s2 * theory);
    }

    /** The larger of the two; NaN (the theory diverged) gives the other. */
    private static double max(double theory, double floor) {
        return Double.isFinite(theory) ? Math.max(theory, floor) : floor;
    }

    private static List<Curve> curves(
            WeightedRidge best, int n2, DiagnosedRegime regime, Measurer m, long trainingRows, Standardization u) {
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
        double s2 = u.labelScale() * u.labelScale();
        List<Curve> curves = new ArrayList<>();
        for (double a : weights) {
            double[] pred = new double[rows.length];
            double[] meas = new double[rows.length];
            double[] se = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                WeightedRidge r = new WeightedRidge(rows[i], a, best.lambda(), best.offsetPenalty());
                pred[i] = s2 * regime.predict(r, trainingRows);
                Measured mm = m.measure(r);
                meas[i] = mm.error();
                se[i] = mm.stdError();
            }
            curves.add(new Curve(a, best.lambda(), rows, pred, meas, se));
        }
        return curves;
    }

    /** True when every label is 0 or 1 and both occur. */
    static boolean isBinary(double[] y) {
        boolean zero = false;
        boolean one = false;
        for (double v : y) {
            if (v == 0) {
                zero = true;
            } else if (v == 1) {
                one = true;
            } else {
                return false;
            }
        }
        return zero && one;
    }

    private static void requireRows(LabelledRows f, int needed, String which) {
        if (f.rows() < needed) {
            String advice = which.equals("real")
                    ? "; with fewer, train on the synthetic rows at weight 1 or collect more "
                            + "real rows (the real label noise cannot be estimated from fewer)"
                    : "";
            throw new DataFileException(
                    f.file(),
                    "data rows",
                    f.rows() + " data rows",
                    "at least " + needed + " " + which + " rows" + advice);
        }
    }
}
