package org.collapselab.experiments.generations;

import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.GenerationsClosedForms;

/**
 * The claims of the generations study, each judged by {@link Verdicts} on simulated intervals (mean ± {@link #Z}
 * standard errors over runs, per-run paired where a claim is about a change across generations) against named
 * thresholds, with the theory beside them: SUPPORTED when the whole interval lies on the claimed side, CONTRADICTED
 * when it lies on the other, INCONCLUSIVE otherwise; a claim made of parts fails when one part does
 * ({@link Verdicts#every}).
 */
public final class GenerationsClaims {
    /** Interval half-width in standard errors (95%). */
    public static final double Z = 1.96;
    /**
     * Relative change (E_K − E_{K−TAIL})/E_K below which a loop counts as settled and above which as growing: a loop
     * with contraction factor ρ grows by 1 − ρ^−TAIL, e.g. 0.93 at ρ = 1.7, 0.22 at ρ = 1.05.
     */
    public static final double SETTLED_TOLERANCE = 0.25;
    /** Generations at the end of a curve used to judge whether it still grows. */
    public static final int TAIL = 5;
    /** The report's line for {@link #Z}: every interval below is mean ± Z standard errors over runs. */
    static final Threshold INTERVAL = new Threshold("Z", Z, "half-width of the 95% intervals, in standard errors");
    /** No growth: a slope or an added error compared with zero. */
    static final Threshold NO_GROWTH = new Threshold("NO_GROWTH", 0, "a loop whose error does not grow");
    /** The report's line for {@link #SETTLED_TOLERANCE}. */
    static final Threshold SETTLED = new Threshold(
            "SETTLED_TOLERANCE",
            SETTLED_TOLERANCE,
            "relative growth over the last " + TAIL + " generations that separates a settled loop from a growing one");

    private GenerationsClaims() {}

    /** Replace with no real data (vanishing real data): E_t = E_0 + t·E grows linearly, slope E = σ²d/(n−d−1). */
    public static Claim replaceGrowsLinearly(GenerationsCurve replace) {
        Problem p = replace.problem();
        int k = replace.count();
        Interval slope = RunStatistics.of(RunStatistics.slopes(replace, 0, k), Z);
        double theory = (replace.theory()[k] - replace.theory()[0]) / k;
        // grows (slope > 0), confirmed by the theory slope inside the interval
        var v = Verdicts.every(List.of(Verdicts.above(slope, NO_GROWTH), Verdicts.covers(slope, theory)));
        return new Claim(
                "replace (no fresh real data) grows linearly: E_t = E_0 + t·E",
                f(
                        "per-run slope %s per generation (theory E = σ²d/(n−d−1) = %.4g), E_0 = %.4g → E_%d = %.4g (d=%d, n=%d, "
                                + "%d runs)",
                        slope.plusMinus(),
                        theory,
                        replace.generation(0).mean(),
                        k,
                        replace.generation(k).mean(),
                        p.d(),
                        p.n(),
                        replace.runs(0).length),
                v,
                INTERVAL);
    }

    /**
     * Accumulate with no real data stays bounded (the added error stays below (π²/6 − 1)·σ²d/(n−d−1)) but keeps
     * generation 0's strong-collapse error (E_K ≥ E_0 &gt; p2²c²).
     */
    public static Claim accumulateStaysBounded(GenerationsCurve accumulate) {
        Problem p = accumulate.problem();
        int k = accumulate.count();
        Interval added = RunStatistics.of(RunStatistics.differences(accumulate, 0, k), Z);
        double bound = GenerationsClosedForms.accumulateBound(p.d(), p.n(), p.sigma());
        double floor = p.p2() * p.p2() * p.c2();
        Interval last = RunStatistics.of(accumulate.runs(k), Z);
        var v = Verdicts.every(List.of(
                Verdicts.below(added, new Threshold("ACCUMULATE_BOUND", bound, "(π²/6 − 1)·σ²d/(n−d−1)")),
                Verdicts.above(
                        last,
                        new Threshold("STRONG_COLLAPSE_FLOOR", floor, "p2²c², the error of generation 0's limit"))));
        return new Claim(
                "accumulate stays bounded (added error < (π²/6 − 1)·σ²d/(n−d−1)) but keeps the strong-collapse "
                        + "error of generation 0",
                f(
                        "E_%d − E_0 = %s (bound %.4g; theory %.4g, limit %.4g); E_%d = %s > p2²c² = %.4g",
                        k,
                        added.plusMinus(),
                        bound,
                        accumulate.theory()[k] - accumulate.theory()[0],
                        accumulate.stability() == null
                                ? Double.NaN
                                : accumulate.stability().stationaryError()
                                        - accumulate.theory()[0],
                        k,
                        last.plusMinus(),
                        floor),
                v,
                INTERVAL);
    }

    /** Accumulating with a fixed training budget (subsample n rows) lands between accumulate and replace. */
    public static Claim fixedBudget(GenerationsCurve replace, GenerationsCurve accumulate, GenerationsCurve subsample) {
        int k = subsample.count();
        Interval rep = RunStatistics.of(replace.runs(k), Z);
        Interval acc = RunStatistics.of(accumulate.runs(k), Z);
        Interval sub = RunStatistics.of(subsample.runs(k), Z);
        var v = Verdicts.every(List.of(Verdicts.above(sub, acc), Verdicts.below(sub, rep)));
        return new Claim(
                "accumulating with a fixed budget (n rows subsampled from all so far) lies between accumulate and "
                        + "replace (simulation only: no theory)",
                f(
                        "at generation %d: accumulate %s < subsample %s < replace %s",
                        k, acc.plusMinus(), sub.plusMinus(), rep.plusMinus()),
                v,
                INTERVAL);
    }

    /**
     * The paper's Fig. 10: iterative mixing (each generation half fresh real, half labelled by the previous model) is
     * worse than training on the real half alone.
     */
    public static Claim mixingWorseThanRealHalf(
            GenerationsCurve mixing, SimulationResult realHalf, double realHalfTheory) {
        int k = mixing.count();
        Interval mix = RunStatistics.of(mixing.runs(k), Z);
        Interval half = RunStatistics.of(realHalf.runs(), Z);
        int crossing = -1;
        for (int g = 0; g <= k && crossing < 0; g++) {
            crossing = mixing.theory()[g] < realHalfTheory ? g : -1;
        }
        var v = Verdicts.above(mix, half);
        double einf =
                mixing.stability() == null ? Double.NaN : mixing.stability().stationaryError();
        return new Claim(
                "iterative mixing is worse than training on the real half alone (paper Fig. 10)",
                f(
                        "generation %d: mixing %s (theory %.4g, limit %.4g) vs real half alone %s (theory %.4g); theory: mixing is "
                                + "below the real half from generation %s on (fresh real rows every generation)",
                        k,
                        mix.plusMinus(),
                        mixing.theory()[k],
                        einf,
                        half.plusMinus(),
                        realHalfTheory,
                        crossing < 0 ? "never" : Integer.toString(crossing)),
                v,
                INTERVAL);
    }

    /**
     * The fresh-real loop settles below the threshold φ* = (1 + p2)/(1 + 2p2) and diverges above it: judged on the
     * relative change over the last {@link #TAIL} generations, per run.
     */
    public static Claim divergenceThreshold(GenerationsCurve below, GenerationsCurve above) {
        Interval settled = tailGrowth(below);
        Interval grows = tailGrowth(above);
        double p2 = 1 - below.problem().generations().freshReal();
        var v = Verdicts.every(List.of(Verdicts.below(settled, SETTLED), Verdicts.above(grows, SETTLED)));
        return new Claim(
                "a fresh-real loop diverges beyond d/n = (1 + p2)/(1 + 2p2) (OLS)",
                f(
                        "p2 = %.2f: φ* = %.4g; at φ = %.3g (rho = %.4g) relative growth over the last %d generations %s; at "
                                + "φ = %.3g (rho = %.4g, %s) %s",
                        p2,
                        GenerationsClosedForms.criticalRatio(p2),
                        phi(below),
                        below.stability().contractionFactor(),
                        TAIL,
                        settled.plusMinus(),
                        phi(above),
                        above.stability().contractionFactor(),
                        above.stability().status().key(),
                        grows.plusMinus()),
                v,
                INTERVAL,
                SETTLED);
    }

    /** (E_K − E_{K−TAIL})/mean E_K: the paired per-run difference over the last generation's mean (no ratio bias). */
    private static Interval tailGrowth(GenerationsCurve c) {
        int k = c.count();
        Interval diff = RunStatistics.of(RunStatistics.differences(c, k - TAIL, k), Z);
        return diff.scaled(1 / c.generation(k).mean());
    }

    private static double phi(GenerationsCurve c) {
        return (double) c.problem().d() / c.problem().n();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
