package org.collapselab.nn.image.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.Bootstrap;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.experiments.stats.EffectVerdicts;

/**
 * The paper's claims checked against a finished image study. Every rule is a test: a paired difference (same seed,
 * and with one generator replicate per seed the same generator, so the interval includes the variance between
 * generators) against the named minimal effect {@link #MIN_EFFECT} with the one-sided tests of
 * {@link EffectVerdicts}, Holm-corrected within a claim; rank and argmax statements use percentile bootstrap
 * intervals over seeds ({@link Bootstrap}), Bonferroni-corrected within a claim. The size-sweep claims are in
 * {@link PlateauClaims}, the width-sweep claims in {@link WidthClaims}.
 */
public final class ImageClaims {
    /**
     * The smallest test-MSE difference that matters: 0.001 is about 1% of the clean test MSE at the largest training
     * sets of the bundled study (0.077 at n = 32000), and the size of the penalty a 1% synthetic share would leave at
     * the collapse floor only when c² ≥ 10 (p2²c²), far worse than any generator here.
     */
    public static final Threshold MIN_EFFECT = new Threshold(
            "MIN_EFFECT", 0.001, "smallest test-MSE difference that matters (≈ 1% of the clean MSE at the largest n)");
    /** A penalty falling faster than this per doubling of n or width falls; "does not fall" tests slope > this. */
    public static final Threshold NO_FALL = new Threshold(
            "NO_FALL", -0.001, "slope of the penalty per doubling (of n or width) below which it falls, MSE");
    /** A penalty falling at least this fast per doubling of width is reduced by larger models. */
    public static final Threshold FALLS = new Threshold(
            "FALLS", -0.001, "slope of the penalty per doubling of width below which larger models reduce it, MSE");
    /** Share of the points of a sweep where the largest share must be worse by more than MIN_EFFECT. */
    public static final Threshold RISE_SHARE = new Threshold(
            "RISE_SHARE",
            0.8,
            "share of points where the largest p2 is worse by more than MIN_EFFECT, none contradicting");
    /** Lower bound of the bootstrap interval of Kendall τ(c², MSE) for "worse generators hurt more". */
    public static final Threshold QUALITY_TAU =
            new Threshold("QUALITY_TAU", 0, "bootstrap interval of τ(c², MSE) above this");

    static final Threshold ZERO = new Threshold("ZERO", 0, "sign reference");

    private ImageClaims() {}

    /** All claims the study's sweeps can speak to. */
    public static List<Claim> all(ImageResults r) {
        ImageStudy s = r.study();
        List<Claim> out = new ArrayList<>(risesWithShare(r));
        for (SizeSweep z : s.sizeSweeps()) {
            for (int gs : z.generators(s.generator().samples())) {
                out.addAll(PlateauClaims.plateau(r, z, gs));
            }
        }
        for (WidthSweep w : s.widthSweeps()) {
            for (int gs : w.generators(s.generator().samples())) {
                out.addAll(WidthClaims.claims(r, w, gs));
            }
        }
        if (s.qualitySweep() != null) {
            out.add(quality(r));
        }
        return out;
    }

    /** A labelled set of cells and the coordinate that varies along it. */
    record Sweep(
            String label,
            Predicate<CellSpec> filter,
            java.util.function.ToDoubleFunction<CellSpec> xOf,
            String xName) {}

    static List<Sweep> sweeps(ImageResults r) {
        ImageStudy s = r.study();
        List<Sweep> out = new ArrayList<>();
        int gen = s.generator().samples();
        for (WidthSweep w : s.widthSweeps()) {
            for (int gs : w.generators(gen)) {
                out.add(new Sweep(
                        ImageFigures.name(w.network()) + " vs width at n = " + w.n() + ImageFigures.widthNote(r, w, gs),
                        ImageStudy.member(s.cells(w, gs, s.seed())),
                        c -> c.width(),
                        "width"));
            }
        }
        for (SizeSweep z : s.sizeSweeps()) {
            for (int gs : z.generators(gen)) {
                out.add(new Sweep(
                        ImageFigures.name(z.network()) + " width " + z.width() + " vs n" + generatorNote(s, z, gs),
                        ImageStudy.member(s.cells(z, gs, s.seed())),
                        c -> c.n(),
                        "n"));
            }
        }
        return out;
    }

    /**
     * Test error on real data rises with p2 at fixed n and model size, one claim per sweep: at each point, the paired
     * penalty of the largest share against clean data is a part (larger than MIN_EFFECT?), Holm-corrected over the
     * sweep's points.
     */
    static List<Claim> risesWithShare(ImageResults r) {
        ImageStudy s = r.study();
        List<Claim> out = new ArrayList<>();
        List<Double> shares = s.p2().stream().sorted().toList();
        if (shares.size() < 2 || shares.get(0) != 0) {
            return out;
        }
        double pMax = shares.get(shares.size() - 1);
        for (Sweep sw : sweeps(r)) {
            String claim = "Test error on real data rises with the synthetic share: p2 = " + ImageFigures.fmt(pMax)
                    + " is worse than clean data by more than MIN_EFFECT at (nearly) every point (" + sw.label + ").";
            TreeMap<Double, TreeMap<Long, Double>> d = Curves.pairedBySeed(
                    r.results(),
                    c -> c.p2() == 0 && sw.filter.test(c),
                    c -> c.p2() == pMax && sw.filter.test(c),
                    sw.xOf,
                    Metric.MSE);
            List<Effect> parts = new ArrayList<>();
            List<Double> xs = new ArrayList<>();
            d.forEach((x, bySeed) -> {
                parts.add(effect(s, bySeed));
                xs.add(x);
            });
            if (parts.isEmpty()) {
                out.add(new Claim(claim, "no complete point", Verdict.INCONCLUSIVE, MIN_EFFECT, RISE_SHARE));
                continue;
            }
            List<Verdict> vs = EffectVerdicts.exceedsEach(parts, MIN_EFFECT);
            long sup = vs.stream().filter(v -> v == Verdict.SUPPORTED).count();
            long con = vs.stream().filter(v -> v == Verdict.CONTRADICTED).count();
            Verdict v = con == 0 && sup >= RISE_SHARE.value() * vs.size()
                    ? Verdict.SUPPORTED
                    : con > vs.size() / 2 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            out.add(new Claim(
                    claim,
                    String.format(
                            Locale.ROOT,
                            "paired MSE penalty of p2 = %s (%s, 95%% CI, Holm "
                                    + "over %d points): larger than MIN_EFFECT at %d, smaller at %d, unresolved at %d; %s. Rule: supported "
                                    + "when ≥ RISE_SHARE of the points are larger and none smaller, contradicted when more than half are "
                                    + "smaller.",
                            ImageFigures.fmt(pMax),
                            seeds(s, parts.get(0)),
                            parts.size(),
                            sup,
                            con,
                            vs.size() - sup - con,
                            parts(sw.xName, xs, parts, vs)),
                    v,
                    MIN_EFFECT,
                    RISE_SHARE,
                    EffectVerdicts.ALPHA));
        }
        return out;
    }

    /**
     * Worse synthetic data (larger c²) hurt more, per share: the Kendall τ between the generators' mean c² and the
     * mean test MSE, with a percentile bootstrap interval over seeds (each seed with its own generator replicates),
     * Bonferroni-corrected over the shares; supported when every interval lies above QUALITY_TAU.
     */
    static Claim quality(ImageResults r) {
        QualitySweep q = r.study().qualitySweep();
        ImageStudy s = r.study();
        String claim =
                "Worse synthetic data (larger c²) hurt more at the same share p2: the rank correlation of c² and the "
                        + "test MSE is positive (" + ImageFigures.name(q.network()) + ", width " + q.width() + ", n = "
                        + q.n() + ").";
        List<Integer> gens = q.generatorSamples();
        double[] c2 =
                gens.stream().mapToDouble(g -> ImageFigures.generatorC2(r, g)).toArray();
        Predicate<CellSpec> cells = ImageStudy.member(s.cells(q, s.seed()));
        List<Double> shares = s.p2().stream().filter(p -> p > 0).toList();
        List<String> parts = new ArrayList<>();
        List<Verdict> vs = new ArrayList<>();
        double level = 1 - EffectVerdicts.ALPHA.value() / Math.max(1, shares.size());
        for (double p : shares) {
            // per generator, the MSE by seed
            List<TreeMap<Long, Double>> byGen = new ArrayList<>();
            for (int g : gens) {
                byGen.add(Curves.bySeed(
                                r.results(),
                                c -> cells.test(c)
                                        && c.p2() == p
                                        && c.generator().samples() == g,
                                CellSpec::p2,
                                Metric.MSE)
                        .getOrDefault(p, new TreeMap<>()));
            }
            List<Long> seeds = byGen.get(0).keySet().stream()
                    .filter(sd -> byGen.stream().allMatch(m -> m.containsKey(sd)))
                    .toList();
            if (seeds.size() < 2) {
                continue;
            }
            Interval tau = Bootstrap.percentile(
                    seeds.size(),
                    idx -> {
                        double[] m = new double[gens.size()];
                        for (int g = 0; g < m.length; g++) {
                            for (int i : idx) {
                                m[g] += byGen.get(g).get(seeds.get(i)) / idx.length;
                            }
                        }
                        return Curves.kendallTau(c2, m);
                    },
                    level,
                    20_251_206L + Math.round(p * 1000));
            Verdict v = Verdicts.above(tau, QUALITY_TAU);
            vs.add(v);
            parts.add(String.format(
                    Locale.ROOT,
                    "p2 = %s: τ = %.2f, %.1f%% bootstrap interval [%.2f, %.2f] (%s)",
                    ImageFigures.fmt(p),
                    tau.estimate(),
                    100 * level,
                    tau.low(),
                    tau.high(),
                    v.name().toLowerCase(Locale.ROOT)));
        }
        List<String> gq = new ArrayList<>();
        for (int g : gens) {
            GeneratorQuality gquality = r.generator(g);
            gq.add(g + " images → " + (gquality == null ? "c² unknown" : gquality.describeC2()));
        }
        if (vs.isEmpty()) {
            return new Claim(claim, "incomplete sweep", Verdict.INCONCLUSIVE, QUALITY_TAU);
        }
        return new Claim(
                claim,
                "Generators: " + String.join("; ", gq) + ". " + String.join("; ", parts) + " (" + Bootstrap.RESAMPLES
                        + " resamples of the seeds, Bonferroni over " + vs.size() + " shares).",
                Verdicts.all(vs),
                QUALITY_TAU);
    }

    /** "x = a: m [lo, hi] (reading); ..." for the parts of a claim. */
    static String parts(String xName, List<Double> xs, List<Effect> parts, List<Verdict> vs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s = %s: %s (%s)",
                    xName,
                    ImageFigures.fmt(xs.get(i)),
                    parts.get(i).format("%+.4f", 0.95),
                    EffectVerdicts.reading(vs.get(i), MIN_EFFECT)));
        }
        return String.join("; ", out);
    }

    /**
     * ", generator on N images" when a size sweep of this network and width names its generators
     * ({@code generator_samples}, e.g. two qualities, or one quality per range of n); empty otherwise (so the claims of
     * a one-generator study read as before); ", fixed epochs" for a sweep without early stopping.
     */
    static String generatorNote(ImageStudy s, SizeSweep z, int gen) {
        boolean named = s.sizeSweeps().stream()
                .anyMatch(o -> o.network() == z.network()
                        && o.width() == z.width()
                        && !o.generatorSamples().isEmpty());
        return (named ? ", generator on " + gen + " images" : "")
                + (z.earlyStopping() ? "" : ", fixed epochs (no early " + "stopping)");
    }

    /**
     * The mean of per-seed values with its interval over generator replicates: seeds that share a replicate are
     * averaged first ({@link Effect#clustered}); with one replicate per seed this is the plain t interval over seeds.
     * A study without replicates ({@code generator_seeds: 1}) gets the interval over seeds, conditional on its one
     * generator, and its claims say so ({@link #seeds}).
     */
    static Effect effect(ImageStudy s, Map<Long, Double> bySeed) {
        double[] v = bySeed.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (s.generatorSeeds() == 1) {
            return Effect.of(v);
        }
        int[] cluster = bySeed.keySet().stream().mapToInt(s::replicateOf).toArray();
        return Effect.clustered(v, cluster);
    }

    /** "5 seeds, each with its own generator replicate", "6 seeds on 3 generator replicates", or one generator. */
    static String seeds(ImageStudy s, Effect e) {
        if (s.generatorSeeds() == 1) {
            return e.n() + " seeds, one generator (no replicates: the interval is conditional on it)";
        }
        return e.units() < e.n()
                ? e.n() + " seeds on " + e.units() + " generator replicates"
                : e.n() + " seeds, each with its own generator replicate";
    }

    /** Per seed, the slope of y against log₂ x (x ascending), clustered by generator replicate. */
    static Effect slopePerSeed(ImageStudy s, TreeMap<Double, TreeMap<Long, Double>> byX) {
        List<Long> seeds = Curves.commonSeeds(byX);
        if (seeds.isEmpty() || byX.size() < 2) {
            return null;
        }
        double[] x = byX.keySet().stream()
                .mapToDouble(v -> Math.log(v) / Math.log(2))
                .toArray();
        Map<Long, Double> slopes = new TreeMap<>();
        for (long seed : seeds) {
            double[] y = new double[x.length];
            int k = 0;
            for (Map<Long, Double> m : byX.values()) {
                y[k++] = m.get(seed);
            }
            slopes.put(seed, Effect.slope(x, y));
        }
        return effect(s, slopes);
    }
}
