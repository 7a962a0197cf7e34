package org.collapselab.nn.image.diagnose.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.estimation.Moments;
import org.collapselab.estimation.RecipeSearch;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.Standardization.RawModel;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.experiments.diagnose.LabelledRows;
import org.collapselab.nn.image.diagnose.bench.Scenarios.Scenario;
import org.collapselab.nn.image.diagnose.bench.Scenarios.Split;

/**
 * The real-data bench of {@code diagnose}: for every scenario and split, the recommended recipe and the three
 * baselines (each fitted on the real and synthetic rows only) and the best recipe of a brute-force grid, all measured
 * on the held-out real rows; and the predicted error beside the measured one.
 */
public final class RealBench {
    /** Grid: k ∈ {0, n2/8, n2/4, n2/2, n2}, A ∈ {0.003, ..., 3}, λ ∈ {0, 10⁻⁴, ..., 1}, shared or separate intercepts. */
    static final double[] GRID_A = {0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};

    static final double[] GRID_LAMBDA = {0, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3, 1};

    private RealBench() {}

    /**
     * One run's measurements (test MSE in the labels' units); {@code verified} is the "verify then train" recipe's
     * (NaN when the verifier kept too few rows), {@code keptShare} the share of synthetic rows its verifier kept,
     * {@code gridHonest} the grid's best chosen on one half of the test rows and measured on the other (both ways,
     * averaged): what choosing by the test rows achieves on fresh rows, where {@code gridBest} is its in-sample
     * optimum.
     */
    public record Run(
            String scenario,
            long seed,
            int n1,
            int d,
            int n2,
            double recommended,
            double realOnly,
            double allSynthetic,
            double practitioner,
            double gridBest,
            double predicted,
            double c2,
            double c2Low,
            double c2High,
            String recipe,
            double verified,
            double keptShare,
            double gridHonest) {
        double ratio() {
            return recommended / gridBest;
        }
    }

    /** Runs every scenario at seeds 1..splits. */
    public static List<Run> run(Path sklearn, int splits, java.io.PrintStream log) throws Exception {
        return run(sklearn, 1, splits, log);
    }

    /** Runs every scenario at seeds first..last. */
    public static List<Run> run(Path sklearn, long first, long last, java.io.PrintStream log) throws Exception {
        List<Run> out = new ArrayList<>();
        String only = System.getProperty("bench.only", "");
        for (Scenario s : Scenarios.all(sklearn)) {
            if (!only.isEmpty() && !s.name().matches(only)) {
                continue;
            }
            for (long seed = first; seed <= last; seed++) {
                Run r = one(s.name(), seed, s.split(seed));
                out.add(r);
                if (log != null) {
                    log.println(format(r));
                }
            }
        }
        return out;
    }

    /** Every scenario at one seed. */
    public static List<Run> runSeed(Path sklearn, long seed) throws Exception {
        List<Run> out = new ArrayList<>();
        for (Scenario s : Scenarios.all(sklearn)) {
            out.add(one(s.name(), seed, s.split(seed)));
        }
        return out;
    }

    static Run one(String name, long seed, Split s) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < s.realX().cols(); j++) {
            names.add("x" + j);
        }
        LabelledRows real = new LabelledRows("real", names, s.realX(), s.realY());
        LabelledRows syn = new LabelledRows("synthetic", names, s.synX(), s.synY());
        DiagnosisResult r = Diagnosis.of(
                real,
                syn,
                null,
                new DiagnoseOptions(Path.of("real"), Path.of("synthetic"), "y", null, 5, 16, seed),
                List.of());
        DiagnosisResult.Validation v = r.validation();
        TwoSourceData data = TwoSourceData.of(s.realX(), s.realY(), s.synX(), s.synY());
        RecipeValidation val = new RecipeValidation(data, 2, 1);
        Moments test = data.testMoments(s.testX(), s.testY());
        double scale2 = data.units().labelScale() * data.units().labelScale();
        double best = Double.POSITIVE_INFINITY;
        String bestRecipe = "";
        int nt = s.testY().length;
        Moments[] half = {halfMoments(data, s, 0, nt / 2), halfMoments(data, s, nt / 2, nt)};
        double[] halfBest = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] otherHalf = new double[2];
        for (int k : RecipeSearch.rowCounts(data.syntheticRows())) {
            for (double a : k == 0 ? new double[] {1} : GRID_A) {
                for (double l : GRID_LAMBDA) {
                    for (double pen : k == 0
                            ? new double[] {Double.POSITIVE_INFINITY}
                            : new double[] {0, Double.POSITIVE_INFINITY}) {
                        double[] coef = val.fitAll(new WeightedRidge(k, a, l, pen));
                        double e = scale2 * test.meanSquaredError(coef);
                        if (e < best) {
                            best = e;
                            bestRecipe = String.format(
                                    Locale.ROOT, "k=%d A=%.3g λ=%.3g %s", k, a, l, pen == 0 ? "sep" : "shared");
                        }
                        for (int h = 0; h < 2; h++) {
                            double eh = half[h].meanSquaredError(coef);
                            if (eh < halfBest[h]) {
                                halfBest[h] = eh;
                                otherHalf[h] = scale2 * half[1 - h].meanSquaredError(coef);
                            }
                        }
                    }
                }
            }
        }
        double honest = 0.5 * (otherHalf[0] + otherHalf[1]);
        WeightedRidge w = v.recommended().recipe();
        if (Boolean.getBoolean("bench.debug")) {
            var est = org.collapselab.estimation.SourceEstimator.estimate(data);
            var reg = org.collapselab.estimation.DiagnosedRegime.of(est);
            for (WeightedRidge q : List.of(
                    w,
                    new WeightedRidge(data.syntheticRows(), 3, 0),
                    new WeightedRidge(data.syntheticRows(), 1, 0.01),
                    new WeightedRidge(data.syntheticRows(), 0.1, 0.01),
                    new WeightedRidge(0, 1, 0.1))) {
                System.out.printf(
                        Locale.ROOT,
                        "   %s pred %.4g test %.4g%n",
                        q,
                        scale2 * reg.predict(q, s.realY().length),
                        scale2 * val.testError(q, test));
            }
            System.out.println("   spectra " + java.util.Arrays.toString(java.util.Arrays.copyOf(est.realSpectrum(), 5))
                    + " syn " + java.util.Arrays.toString(java.util.Arrays.copyOf(est.syntheticSpectrum(), 5))
                    + " signal "
                    + est.signal() + " s1 " + est.sigma2Real());
        }
        return new Run(
                name,
                seed,
                s.realY().length,
                s.realX().cols(),
                s.synY().length,
                mse(v.recommended().model(), s),
                mse(v.realOnly().model(), s),
                mse(v.allSynthetic().model(), s),
                mse(v.practitioner().model(), s),
                best,
                v.recommended().predicted(),
                r.estimates().c2(),
                r.estimates().c2Low(),
                r.estimates().c2High(),
                String.format(
                                Locale.ROOT,
                                "k=%d A=%.3g λ=%.3g %s",
                                w.syntheticRows(),
                                w.syntheticWeight(),
                                w.lambda(),
                                Double.isInfinite(w.offsetPenalty()) ? "shared" : "sep")
                        + " | grid " + bestRecipe
                        + String.format(
                                Locale.ROOT,
                                " | s1 %.3g s2 %.3g gap %.3g±%.2g off %.3g±%.2g %s",
                                r.estimates().sigma2Real(),
                                r.estimates().sigma2Synthetic(),
                                r.estimates().gap(),
                                r.estimates().gapStdError(),
                                r.estimates().labelOffset(),
                                r.estimates().labelOffsetStdError(),
                                r.decision().substring(0, 12)),
                r.verification().recipe() == null
                        ? Double.NaN
                        : mse(r.verification().recipe().model(), s),
                r.verification().keptShare(),
                honest);
    }

    private static Moments halfMoments(TwoSourceData data, Split s, int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return data.testMoments(Scenarios.select(s.testX(), rows), Scenarios.select(s.testY(), rows));
    }

    static double mse(RawModel m, Split s) {
        double[] p = m.predict(s.testX());
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double e = s.testY()[i] - p[i];
            sum += e * e;
        }
        return sum / p.length;
    }

    static String format(Run r) {
        return String.format(
                Locale.ROOT,
                "%-18s seed %d n1 %4d d %3d | rec/grid %.3f rec/realCV %.3f rec/pract %.3f "
                        + "rec/allSyn %.3f rec/gridHonest %.3f | verified/rec %.3f kept %.2f | pred %+.1f%% | c2 %.3g [%.3g, %.3g] | %s",
                r.scenario(),
                r.seed(),
                r.n1(),
                r.d(),
                r.ratio(),
                r.recommended() / r.realOnly(),
                r.recommended() / r.practitioner(),
                r.recommended() / r.allSynthetic(),
                r.recommended() / r.gridHonest(),
                r.verified() / r.recommended(),
                r.keptShare(),
                100 * (r.predicted() / r.recommended() - 1),
                r.c2(),
                r.c2Low(),
                r.c2High(),
                r.recipe());
    }

    /** {@code java ... RealBench [SKLEARN_DIR] [SPLITS] [FIRST_SEED]}: seeds FIRST_SEED .. FIRST_SEED + SPLITS − 1. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/sklearn");
        int splits = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long first = args.length > 2 ? Long.parseLong(args[2]) : 1;
        List<Run> runs = run(dir, first, first + splits - 1, System.out);
        System.out.println(Summary.table(runs));
    }
}
