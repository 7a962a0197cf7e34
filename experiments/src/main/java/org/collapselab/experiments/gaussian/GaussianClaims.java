package org.collapselab.experiments.gaussian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;

/**
 * The paper's Gaussian claims judged on a run's results: the collapse plateau (scaling), theory vs simulation, the
 * penalty peak near m = n and its reduction beyond (width), and the best model size vs quality (Pareto). Every
 * verdict rests on the named thresholds below (printed in the report) through {@link Verdicts}.
 */
public final class GaussianClaims {
    /** Zero, the reference of sign claims. */
    static final Threshold ZERO = new Threshold("ZERO", 0, "sign reference");
    /** Largest relative deviation of E(n → ∞) from p2²c² for the plateau claim. */
    public static final Threshold PLATEAU_TOLERANCE =
            new Threshold("PLATEAU_TOLERANCE", 0.1, "largest |E(n→∞)/(p2²c²) − 1|");
    /** Standard errors a difference must clear to count as a separation. */
    public static final Threshold SEPARATION_Z = new Threshold("SEPARATION_Z", 2, "standard errors for a separation");
    /** How much flatter (log-log slope) the tiny-share curve must be than the clean one over the last decade of n. */
    public static final Threshold SLOPE_GAP = new Threshold("SLOPE_GAP", 0.3, "slope difference, last decade of n");
    /** Standard errors of the simulated mean allowed between theory and simulation. */
    public static final Threshold AGREEMENT_Z = new Threshold("AGREEMENT_Z", 3, "standard errors sim vs theory");
    /** Relative slack added to the agreement band (finite-size effects). */
    public static final Threshold AGREEMENT_RELATIVE =
            new Threshold("AGREEMENT_RELATIVE", 0.02, "relative slack sim vs theory");
    /** Share of cells that must agree for SUPPORTED. */
    public static final Threshold AGREEMENT_SUPPORTED =
            new Threshold("AGREEMENT_SUPPORTED", 0.8, "share of cells agreeing for supported");
    /** Share of agreeing cells below which the claim is CONTRADICTED. */
    public static final Threshold AGREEMENT_CONTRADICTED =
            new Threshold("AGREEMENT_CONTRADICTED", 0.5, "share below which contradicted");
    /** Lowest m/n of the penalty peak counted as "near the threshold". */
    public static final Threshold PEAK_LOW = new Threshold("PEAK_LOW", 0.5, "lowest m/n of the peak");
    /** Highest m/n of the penalty peak counted as "near the threshold". */
    public static final Threshold PEAK_HIGH = new Threshold("PEAK_HIGH", 2, "highest m/n of the peak");
    /** Standard errors a decrease in p2 must exceed to count against monotonicity. */
    public static final Threshold MONOTONE_Z = new Threshold("MONOTONE_Z", 2, "standard errors of a decrease");
    /** Share of non-decreasing pairs for SUPPORTED. */
    public static final Threshold MONOTONE_SUPPORTED =
            new Threshold("MONOTONE_SUPPORTED", 0.9, "share of non-decreasing pairs for supported");
    /** Share of non-decreasing pairs below which CONTRADICTED. */
    public static final Threshold MONOTONE_CONTRADICTED =
            new Threshold("MONOTONE_CONTRADICTED", 0.7, "share below which contradicted");
    /** The best width at high quality must be among this many largest widths tried. */
    public static final Threshold PARETO_TOP_WIDTHS =
            new Threshold("PARETO_TOP_WIDTHS", 2, "best width among the largest tried");

    private GaussianClaims() {}

    // ---------------------------------------------------------------- scaling: plateau at p2²c²

    public static List<Claim> scaling(GaussianRun s) {
        List<Claim> out = new ArrayList<>();
        Map<Double, TreeMap<Integer, GaussianResult>> byP2 = new TreeMap<>();
        for (GaussianResult r : s.results()) {
            byP2.computeIfAbsent(r.cell().p2(), k -> new TreeMap<>())
                    .put(r.cell().n(), r);
        }
        GaussianCell any = s.results().isEmpty() ? null : s.results().get(0).cell();
        if (any == null) {
            return out;
        }
        double c2 = ((Number) s.experiment().first(Param.C2)).doubleValue();
        List<String> plateau = new ArrayList<>();
        List<Verdict> plateauParts = new ArrayList<>();
        for (double p2 : byP2.keySet()) {
            if (p2 == 0) {
                continue;
            }
            try {
                Spectrum sp = org.collapselab.experiments.params.SpectrumSpecs.parse(any.spectrum(), any.d());
                Problem inf = Problem.ridge(sp, Problem.MAX_SIZE, p2, c2, any.sigma(), any.lambda());
                double eInf = Theory.predict(inf).testError();
                double target = p2 * p2 * c2;
                double ratio = eInf / target;
                plateauParts.add(Verdicts.near(Interval.point(ratio), 1, PLATEAU_TOLERANCE));
                plateau.add(String.format(
                        Locale.ROOT,
                        "p2 = %s: E(n = %.1e) = %.3g vs p2²c² = %.3g (ratio %.3f)",
                        GaussianFigures.format(p2),
                        (double) Problem.MAX_SIZE,
                        eInf,
                        target,
                        ratio));
            } catch (TheoryException e) {
                plateauParts.add(Verdict.CONTRADICTED);
                plateau.add("p2 = " + p2 + ": theory failed: " + e.getMessage());
            }
        }
        // Simulation at the largest simulated n, against theory there.
        List<String> sim = new ArrayList<>();
        for (Map.Entry<Double, TreeMap<Integer, GaussianResult>> en : byP2.entrySet()) {
            GaussianResult last = null;
            for (GaussianResult r : en.getValue().values()) {
                if (r.simulation() != null) {
                    last = r;
                }
            }
            if (last != null) {
                sim.add(String.format(
                        Locale.ROOT,
                        "p2 = %s, n = %d: simulated %.3g ± %.2g (theory %.3g)",
                        GaussianFigures.format(en.getKey()),
                        last.cell().n(),
                        last.simulation().mean(),
                        last.simulation().stderr(),
                        last.theory() == null ? Double.NaN : last.theory().testError()));
            }
        }
        out.add(new Claim(
                "Strong model collapse: for every p2 > 0 the test error plateaus as n → ∞ at ≈ p2²c² "
                        + "(isotropic, ridgeless, d fixed), instead of decaying like the clean error σ²d/n.",
                String.join("; ", plateau) + ". Simulation at the largest simulated n: " + String.join("; ", sim) + ".",
                Verdicts.every(plateauParts),
                PLATEAU_TOLERANCE));

        // Even p2 = 0.001 departs from the clean law: compare with p2 = 0 at the largest simulated n.
        double smallest =
                byP2.keySet().stream().filter(p -> p > 0).min(Double::compare).orElse(Double.NaN);
        TreeMap<Integer, GaussianResult> clean = byP2.get(0.0);
        TreeMap<Integer, GaussianResult> tiny = byP2.get(smallest);
        if (clean != null && tiny != null) {
            GaussianResult c = null;
            GaussianResult t = null;
            for (Integer n : tiny.keySet()) {
                GaussianResult a = clean.get(n);
                GaussianResult b = tiny.get(n);
                if (a != null && b != null && a.simulation() != null && b.simulation() != null) {
                    c = a;
                    t = b;
                }
            }
            double slopeClean = lastDecadeSlope(clean);
            double slopeTiny = lastDecadeSlope(tiny);
            if (c != null) {
                double diff = t.simulation().mean() - c.simulation().mean();
                double se = Math.hypot(t.simulation().stderr(), c.simulation().stderr());
                Verdict separated = Verdicts.above(Interval.around(diff, se, SEPARATION_Z.value()), ZERO);
                Verdict flatter = Verdicts.above(Interval.point(slopeTiny - slopeClean), SLOPE_GAP);
                out.add(new Claim(
                        "Even a tiny synthetic share (p2 = " + GaussianFigures.format(smallest) + ") eventually "
                                + "stops the error from following the clean scaling law.",
                        String.format(
                                Locale.ROOT,
                                "At n = %d: simulated error %.3g (p2 = %s) vs %.3g (clean), difference %.2g "
                                        + "= %.1f standard errors; theory's log-log slope over the last decade of n: %.2f with p2 = %s vs "
                                        + "%.2f clean.",
                                t.cell().n(),
                                t.simulation().mean(),
                                GaussianFigures.format(smallest),
                                c.simulation().mean(),
                                diff,
                                diff / se,
                                slopeTiny,
                                GaussianFigures.format(smallest),
                                slopeClean),
                        // contradicted only when both fail: neither separated at the largest n nor flatter in theory
                        Verdicts.all(List.of(
                                Verdicts.holds(separated == Verdict.SUPPORTED),
                                Verdicts.holds(flatter == Verdict.SUPPORTED))),
                        SEPARATION_Z,
                        SLOPE_GAP));
            }
        }
        out.add(agreement(s, "ridge"));
        return out;
    }

    private static double lastDecadeSlope(TreeMap<Integer, GaussianResult> byN) {
        if (byN.isEmpty()) {
            return Double.NaN;
        }
        int nMax = byN.lastKey();
        Map.Entry<Integer, GaussianResult> lo = byN.floorEntry(Math.max(1, nMax / 10));
        GaussianResult hi = byN.get(nMax);
        if (lo == null || lo.getValue().theory() == null || hi.theory() == null || lo.getKey() == nMax) {
            return Double.NaN;
        }
        return Math.log(hi.theory().testError() / lo.getValue().theory().testError())
                / Math.log((double) nMax / lo.getKey());
    }

    public static Claim agreement(GaussianRun s, String model) {
        List<Double> rel = new ArrayList<>();
        int within = 0;
        for (GaussianResult r : s.results()) {
            if (r.theory() != null && r.simulation() != null && r.simulation().runs().length > 1) {
                double t = r.theory().testError();
                double m = r.simulation().mean();
                rel.add(Math.abs(m - t) / t);
                if (Math.abs(m - t) <= AGREEMENT_Z.value() * r.simulation().stderr() + AGREEMENT_RELATIVE.value() * t) {
                    within++;
                }
            }
        }
        if (rel.isEmpty()) {
            return new Claim(
                    "The deterministic-equivalent theory matches simulation (" + model + ").",
                    "No cell has both theory and simulation.",
                    Verdict.INCONCLUSIVE,
                    AGREEMENT_Z,
                    AGREEMENT_RELATIVE);
        }
        rel.sort(Double::compare);
        double median = rel.get(rel.size() / 2);
        double frac = (double) within / rel.size();
        return new Claim(
                "The deterministic-equivalent theory matches simulation (" + model + ").",
                String.format(
                        Locale.ROOT,
                        "%d cells: median relative deviation %.1f%%, %.0f%% of cells within 3 standard "
                                + "errors (+2%%) of theory.",
                        rel.size(),
                        100 * median,
                        100 * frac),
                Verdicts.share(within, rel.size(), AGREEMENT_SUPPORTED, AGREEMENT_CONTRADICTED),
                AGREEMENT_Z,
                AGREEMENT_RELATIVE,
                AGREEMENT_SUPPORTED,
                AGREEMENT_CONTRADICTED);
    }

    // ---------------------------------------------------------------- width: peak near m = n

    /** E(p2) − E(0) per (c2, m), using theory when every cell has it, else simulation means. */
    public static List<Claim> width(GaussianRun s) {
        List<Claim> out = new ArrayList<>();
        boolean theory = s.results().stream().allMatch(r -> r.theory() != null);
        String src = theory ? "theory" : "simulation means";
        Map<String, GaussianResult> byKey = new LinkedHashMap<>();
        for (GaussianResult r : s.results()) {
            byKey.put(r.cell().key(), r);
        }
        double pMax = s.results().stream().mapToDouble(r -> r.cell().p2()).max().orElse(0);
        Map<Double, TreeMap<Integer, double[]>> penalty = new TreeMap<>(); // c2 -> m -> [penalty, se]
        int increasing = 0;
        int comparisons = 0;
        Map<String, TreeMap<Double, double[]>> byCellP2 = new LinkedHashMap<>(); // value, stderr
        for (GaussianResult r : s.results()) {
            GaussianCell c = r.cell();
            if (c.p2() == 0) {
                continue;
            }
            byCellP2.computeIfAbsent(c.c2() + "|" + c.m(), k -> new TreeMap<>()).put(c.p2(), valueAndError(r, theory));
            GaussianResult base = byKey.get(c.withP2(0, 0).key());
            if (base != null) {
                byCellP2.get(c.c2() + "|" + c.m()).put(0.0, valueAndError(base, theory));
            }
            if (c.p2() != pMax || base == null) {
                continue;
            }
            double pen = r.value(FigureSpec.Metric.ERROR, theory) - base.value(FigureSpec.Metric.ERROR, theory);
            double se = theory
                    ? 0
                    : Math.hypot(
                            r.simulation() == null ? 0 : r.simulation().stderr(),
                            base.simulation() == null ? 0 : base.simulation().stderr());
            penalty.computeIfAbsent(c.c2(), k -> new TreeMap<>()).put(c.m(), new double[] {pen, se});
        }
        for (TreeMap<Double, double[]> e : byCellP2.values()) {
            double[] prev = null;
            for (double[] v : e.values()) {
                if (prev != null) {
                    comparisons++;
                    // a decrease counts against the claim only when it exceeds two standard errors of the difference
                    if (Verdicts.below(
                                    Interval.around(v[0] - prev[0], Math.hypot(v[1], prev[1]), MONOTONE_Z.value()),
                                    ZERO)
                            != Verdict.SUPPORTED) {
                        increasing++;
                    }
                }
                prev = v;
            }
        }
        int n = s.results().isEmpty() ? 0 : s.results().get(0).cell().n();
        List<String> peaks = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        List<Verdict> peakParts = new ArrayList<>();
        List<Verdict> beyondParts = new ArrayList<>();
        for (Map.Entry<Double, TreeMap<Integer, double[]>> en : penalty.entrySet()) {
            int argmax = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<Integer, double[]> pm : en.getValue().entrySet()) {
                if (pm.getValue()[0] > best) {
                    best = pm.getValue()[0];
                    argmax = pm.getKey();
                }
            }
            double ratio = (double) argmax / n;
            peakParts.add(Verdicts.between(Interval.point(ratio), PEAK_LOW, PEAK_HIGH));
            peaks.add(String.format(
                    Locale.ROOT,
                    "c² = %s: largest penalty %.3g at m = %d (m/n = %.2f)",
                    GaussianFigures.format(en.getKey()),
                    best,
                    argmax,
                    ratio));
            Map.Entry<Integer, double[]> last = en.getValue().lastEntry();
            // reduced beyond the peak, at a width beyond n, and not removed (the last penalty's interval above zero)
            beyondParts.add(Verdicts.every(List.of(
                    Verdicts.holds(last.getValue()[0] < best && last.getKey() > n),
                    Verdicts.above(
                            Interval.around(last.getValue()[0], last.getValue()[1], SEPARATION_Z.value()), ZERO))));
            beyond.add(String.format(
                    Locale.ROOT,
                    "c² = %s: penalty %.3g at m = %d vs %.3g at the peak",
                    GaussianFigures.format(en.getKey()),
                    last.getValue()[0],
                    last.getKey(),
                    best));
        }
        String share = "p2 = " + GaussianFigures.format(pMax);
        out.add(new Claim(
                "The synthetic-data penalty E(p2) − E(0) peaks near the interpolation threshold m ≈ n.",
                "n = " + n + ", " + share + ", " + src + ": " + String.join("; ", peaks) + ".",
                Verdicts.every(peakParts),
                PEAK_LOW,
                PEAK_HIGH));
        out.add(new Claim(
                "Beyond m = n, larger models reduce the penalty but do not remove it.",
                share + ", " + src + ": " + String.join("; ", beyond) + ".",
                Verdicts.every(beyondParts),
                SEPARATION_Z));
        out.add(new Claim(
                "At fixed width the test error grows with the synthetic share p2.",
                String.format(
                        Locale.ROOT,
                        "%s: error non-decreasing in p2 (within 2 standard errors) for %d of %d consecutive pairs of p2 at equal m and c² (%.0f%%).",
                        src,
                        increasing,
                        comparisons,
                        comparisons == 0 ? 0 : 100.0 * increasing / comparisons),
                Verdicts.share(increasing, comparisons, MONOTONE_SUPPORTED, MONOTONE_CONTRADICTED),
                MONOTONE_Z,
                MONOTONE_SUPPORTED,
                MONOTONE_CONTRADICTED));
        out.add(agreement(s, "random projections"));
        return out;
    }

    private static double[] valueAndError(GaussianResult r, boolean theory) {
        double se = !theory && r.simulation() != null ? r.simulation().stderr() : 0;
        return new double[] {r.value(FigureSpec.Metric.ERROR, theory), se};
    }

    // ---------------------------------------------------------------- Pareto: best model size vs quality

    public static List<Claim> pareto(GaussianRun s) {
        List<Claim> out = new ArrayList<>();
        boolean theory = s.results().stream().allMatch(r -> r.theory() != null);
        String src = theory ? "theory" : "simulation means";
        Map<Double, Map<Double, TreeMap<Integer, Double>>> err = new TreeMap<>(); // p2 -> c2 -> m -> E
        int mMax = 0;
        for (GaussianResult r : s.results()) {
            GaussianCell c = r.cell();
            mMax = Math.max(mMax, c.m());
            if (c.p2() > 0) {
                err.computeIfAbsent(c.p2(), k -> new TreeMap<>())
                        .computeIfAbsent(c.c2(), k -> new TreeMap<>())
                        .put(c.m(), r.value(FigureSpec.Metric.ERROR, theory));
            }
        }
        if (err.isEmpty()) {
            return out;
        }
        List<String> hi = new ArrayList<>();
        List<String> lo = new ArrayList<>();
        List<Verdict> parts = new ArrayList<>();
        for (Map.Entry<Double, Map<Double, TreeMap<Integer, Double>>> p : err.entrySet()) {
            TreeMap<Double, TreeMap<Integer, Double>> byC2 = new TreeMap<>(p.getValue());
            int bestHi = argmin(byC2.firstEntry().getValue());
            int bestLo = argmin(byC2.lastEntry().getValue());
            List<Integer> ms = new ArrayList<>(byC2.firstEntry().getValue().keySet());
            boolean largest = ms.indexOf(bestHi) >= ms.size() - (int) PARETO_TOP_WIDTHS.value();
            boolean smaller = bestLo < bestHi && bestLo > ms.get(0);
            parts.add(Verdicts.holds(largest));
            parts.add(Verdicts.holds(smaller));
            hi.add("p2 = " + GaussianFigures.format(p.getKey()) + ": best m = " + bestHi + " at c² = "
                    + GaussianFigures.format(byC2.firstKey()));
            lo.add("p2 = " + GaussianFigures.format(p.getKey()) + ": best m = " + bestLo + " at c² = "
                    + GaussianFigures.format(byC2.lastKey())
                    + (bestLo == ms.get(0) ? " (the smallest width tried)" : ""));
        }
        out.add(new Claim(
                "With high-quality synthetic data (small c²) the best trade-off is the largest model; as the "
                        + "quality drops the best model size moves to a smaller, intermediate width.",
                src + ", largest m = " + mMax + ". High quality: " + String.join("; ", hi) + ". Low quality: "
                        + String.join("; ", lo) + ".",
                Verdicts.all(parts),
                PARETO_TOP_WIDTHS));
        return out;
    }

    private static int argmin(TreeMap<Integer, Double> m) {
        int best = -1;
        double v = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : m.entrySet()) {
            if (e.getValue() < v) {
                v = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
