package org.collapselab.nn.image.diagnose.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.collapselab.estimation.DiagnosedRegime;
import org.collapselab.estimation.Moments;
import org.collapselab.estimation.RecipeSearch;
import org.collapselab.estimation.RecipeValidation;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.estimation.SourceEstimator;
import org.collapselab.estimation.TwoSourceData;
import org.collapselab.estimation.WeightedRidge;
import org.collapselab.nn.image.diagnose.bench.Scenarios.Scenario;
import org.collapselab.nn.image.diagnose.bench.Scenarios.Split;

/**
 * How other selection rules would have done on the bench (the evidence behind the recipe rule of {@code diagnose}):
 * for every split, one JSON line with candidate recipes (the theory's, the theory's at c2Low, ĉ², c2High, real-only,
 * all synthetic, the practitioner, the theory's k with A ×/÷ 3 and 10, all rows at fixed A), each with its test
 * error, predicted error (averaged and at the interval's ends), 4 × 5-fold and leave-one-out per-fold errors; a few
 * averaged models; the grid best and the grid's optimism when chosen on half the test rows.
 * {@code scripts/diagnose-rules.py} summarises them. Usage: {@code SelectionRules DATA FIRST_SEED LAST_SEED [REGEX]}.
 */
public final class SelectionRules {
    private SelectionRules() {}

    static SourceEstimates at(SourceEstimates e, double c2) {
        double fitVar = e.gap() - e.c2Raw();
        return new SourceEstimates(
                e.dimension(),
                e.realRows(),
                e.syntheticRows(),
                e.realSpectrum(),
                e.syntheticSpectrum(),
                e.covarianceDistance(),
                e.offDiagonalShare(),
                e.meanShift(),
                e.sigma2Real(),
                e.sigma2Synthetic(),
                e.sigma2RealStdError(),
                e.sigma2SyntheticStdError(),
                e.signal(),
                c2,
                c2,
                0,
                c2,
                c2,
                e.confidence(),
                e.splits(),
                e.estimator(),
                c2 + fitVar,
                0,
                0,
                e.labelOffset(),
                e.labelOffsetStdError(),
                e.featureShift());
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long from = Long.parseLong(args[1]);
        long to = Long.parseLong(args[2]);
        String only = args.length > 3 ? args[3] : ".*";
        for (Scenario s : Scenarios.all(dir)) {
            if (!s.name().matches(only)) {
                continue;
            }
            for (long seed = from; seed <= to; seed++) {
                Split sp = s.split(seed);
                TwoSourceData data = TwoSourceData.of(sp.realX(), sp.realY(), sp.synX(), sp.synY());
                int n1 = data.realRows();
                int n2 = data.syntheticRows();
                double s2 = data.units().labelScale() * data.units().labelScale();
                SourceEstimates est = SourceEstimator.estimate(data);
                DiagnosedRegime reg = DiagnosedRegime.of(est);
                double pen = reg.offsetPenalty();
                Map<String, WeightedRidge> c = new LinkedHashMap<>();
                var t = RecipeSearch.byTheory(reg, n1, pen, false);
                c.put("T", t.recipe());
                String[] names = {"TL", "TP", "TH"};
                double[] c2s = {est.c2Low(), est.c2(), est.c2High()};
                for (int i = 0; i < 3; i++) {
                    var r = RecipeSearch.byTheory(DiagnosedRegime.of(at(est, c2s[i])), n1, pen, false);
                    if (r != null) {
                        c.put(names[i], r.recipe());
                    }
                }
                RecipeValidation v = new RecipeValidation(data, Math.min(5, n1), seed);
                c.put(
                        "R",
                        RecipeSearch.lambdaByCv(v, 0, 1, Double.POSITIVE_INFINITY)
                                .recipe());
                c.put(
                        "S",
                        RecipeSearch.lambdaByCv(v, n2, 1, Double.POSITIVE_INFINITY)
                                .recipe());
                c.put(
                        "S3",
                        RecipeSearch.lambdaByCv(v, n2, 3, Double.POSITIVE_INFINITY)
                                .recipe());
                c.put("P", RecipeSearch.practitioner(v).recipe());
                for (double f : new double[] {0.1, 0.316, 3.16, 10}) {
                    if (t.recipe().syntheticRows() > 0) {
                        var r = RecipeSearch.lambdaByTheory(
                                reg, n1, t.recipe().syntheticRows(), t.recipe().syntheticWeight() * f, pen);
                        if (r != null) {
                            c.put("Tx" + f, r.recipe());
                        }
                    }
                }
                for (double a : new double[] {0.1, 0.3, 1, 3}) {
                    var r = RecipeSearch.lambdaByTheory(reg, n1, n2, a, pen);
                    if (r != null) {
                        c.put("N" + a, r.recipe());
                    }
                }
                RecipeValidation[] reps = new RecipeValidation[4];
                for (int i = 0; i < reps.length; i++) {
                    reps[i] = new RecipeValidation(data, Math.min(5, n1), 1000 * seed + i);
                }
                RecipeValidation loo = new RecipeValidation(data, n1, 1);
                Moments test = data.testMoments(sp.testX(), sp.testY());
                RecipeValidation all = new RecipeValidation(data, 2, 1);
                StringBuilder b = new StringBuilder();
                b.append(String.format(
                        Locale.ROOT,
                        "{\"s\":\"%s\",\"seed\":%d,\"n1\":%d,\"d\":%d,\"n2\":%d,\"s2\":%.6g,"
                                + "\"c2\":%.4g,\"c2lo\":%.4g,\"c2hi\":%.4g,\"sig1\":%.4g,\"sig1se\":%.4g,\"est\":\"%s\",\"c\":{",
                        s.name(),
                        seed,
                        n1,
                        data.dimension(),
                        n2,
                        s2,
                        est.c2(),
                        est.c2Low(),
                        est.c2High(),
                        est.sigma2Real(),
                        est.sigma2RealStdError(),
                        est.estimator()));
                boolean first = true;
                DiagnosedRegime lo = DiagnosedRegime.of(at(est, est.c2Low()));
                DiagnosedRegime hi = DiagnosedRegime.of(at(est, est.c2High()));
                for (var e : c.entrySet()) {
                    WeightedRidge w = e.getValue();
                    StringBuilder folds = new StringBuilder();
                    for (RecipeValidation r : reps) {
                        for (double x : r.crossValidate(w).perFold()) {
                            folds.append(folds.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5g", x));
                        }
                    }
                    StringBuilder lf = new StringBuilder();
                    for (double x : loo.crossValidate(w).perFold()) {
                        lf.append(lf.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5g", x));
                    }
                    b.append(first ? "" : ",")
                            .append(String.format(
                                    Locale.ROOT,
                                    "\"%s\":{\"predLo\":%.6g,\"predHi\":%.6g,\"k\":%d,\"A\":%.4g,\"l\":%.4g,\"sep\":%b,\"test\":%.6g,\"pred\":%.6g,\"predv\":%.6g,"
                                            + "\"cv\":[%s],\"loo\":[%s]}",
                                    e.getKey(),
                                    lo.predict(w, n1),
                                    hi.predict(w, n1),
                                    w.syntheticRows(),
                                    w.syntheticWeight(),
                                    w.lambda(),
                                    !Double.isInfinite(w.offsetPenalty()),
                                    all.testError(w, test),
                                    reg.predict(w, n1),
                                    reg.predict(w, Math.round(n1 * 0.8)),
                                    folds,
                                    lf));
                    first = false;
                }
                double best = Double.POSITIVE_INFINITY;
                for (int k : RecipeSearch.rowCounts(n2)) {
                    for (double a : k == 0 ? new double[] {1} : RealBench.GRID_A) {
                        for (double l : RealBench.GRID_LAMBDA) {
                            for (double p : k == 0
                                    ? new double[] {Double.POSITIVE_INFINITY}
                                    : new double[] {0, Double.POSITIVE_INFINITY}) {
                                best = Math.min(best, all.testError(new WeightedRidge(k, a, l, p), test));
                            }
                        }
                    }
                }
                String[][] ens = {
                    {"T", "TL"},
                    {"TL", "TP", "TH"},
                    {"T", "Tx3.16"},
                    {"T", "S"},
                    {"R", "T", "S"},
                    {"T", "TL", "TH"},
                    {"TL", "TH"},
                    {"T", "TL", "Tx3.16"},
                    {"T", "P"},
                    {"TL", "P"}
                };
                b.append("},\"ens\":{");
                for (int q = 0; q < ens.length; q++) {
                    double[] avg = null;
                    if (!java.util.Arrays.stream(ens[q]).allMatch(c::containsKey)) {
                        continue;
                    }
                    for (String nm : ens[q]) {
                        double[] co = all.fitAll(c.get(nm));
                        if (avg == null) {
                            avg = new double[co.length];
                        }
                        for (int j = 0; j < co.length; j++) {
                            avg[j] += co[j] / ens[q].length;
                        }
                    }
                    b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                            .append(String.format(
                                    Locale.ROOT, "\"%s\":%.6g", String.join("+", ens[q]), test.meanSquaredError(avg)));
                }
                int nt = sp.testY().length;
                int[] h1 = new int[nt / 2];
                int[] h2 = new int[nt - nt / 2];
                for (int i = 0; i < nt; i++) {
                    if (i < nt / 2) {
                        h1[i] = i;
                    } else {
                        h2[i - nt / 2] = i;
                    }
                }
                Moments t1 = data.testMoments(Scenarios.select(sp.testX(), h1), Scenarios.select(sp.testY(), h1));
                Moments t2 = data.testMoments(Scenarios.select(sp.testX(), h2), Scenarios.select(sp.testY(), h2));
                double b1 = Double.POSITIVE_INFINITY;
                double b2 = Double.POSITIVE_INFINITY;
                double at2 = 0;
                for (int k : RecipeSearch.rowCounts(n2)) {
                    for (double a : k == 0 ? new double[] {1} : RealBench.GRID_A) {
                        for (double l : RealBench.GRID_LAMBDA) {
                            for (double p : k == 0
                                    ? new double[] {Double.POSITIVE_INFINITY}
                                    : new double[] {0, Double.POSITIVE_INFINITY}) {
                                double[] co = all.fitAll(new WeightedRidge(k, a, l, p));
                                double e1 = t1.meanSquaredError(co);
                                double e2 = t2.meanSquaredError(co);
                                if (e1 < b1) {
                                    b1 = e1;
                                    at2 = e2;
                                }
                                b2 = Math.min(b2, e2);
                            }
                        }
                    }
                }
                b.append(String.format(Locale.ROOT, "},\"optimism\":%.6g,\"grid\":%.6g}", at2 / b2, best));
                System.out.println(b);
                System.out.flush();
            }
        }
    }
}
