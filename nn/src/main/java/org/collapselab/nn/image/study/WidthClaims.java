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
 * The width-sweep claims of an image study, each per synthetic share p2 ≥ {@link #MIN_SHARE}: larger models do not
 * escape (the penalty at the largest width exceeds MIN_EFFECT), the direction of the penalty beyond the interpolation
 * threshold (the paper's random-projection theory, Dohmatob et al., ICLR 2025, Theorem 3: beyond it, larger models
 * reduce the penalty), and for random features the position of the peak (a percentile bootstrap interval over seeds
 * of the width with the largest mean penalty). The best width per c² (bootstrap interval of the width with the
 * lowest mean error) is a table of the report ({@link #bestWidths}).
 */
final class WidthClaims {
    /** Smallest share judged by the width claims (smaller shares cost less than MIN_EFFECT at every width here). */
    static final Threshold MIN_SHARE = new Threshold("MIN_SHARE", 0.1, "smallest p2 judged by the width claims");
    /** The peak must lie within this factor of the interpolation threshold. */
    static final Threshold PEAK_FACTOR =
            new Threshold("PEAK_FACTOR", 2, "largest factor between the peak and width = n");
    /** Largest share judged by the peak claim (larger ones also replace the real labels' noise). */
    static final Threshold PEAK_MAX_SHARE = new Threshold("PEAK_MAX_SHARE", 0.3, "largest p2 judged by the peak claim");

    private WidthClaims() {}

    static List<Claim> claims(ImageResults r, WidthSweep w, int gs) {
        ImageStudy s = r.study();
        Predicate<CellSpec> f = ImageStudy.member(s.cells(w, gs, s.seed()));
        String where = ImageFigures.name(w.network()) + ", n = " + w.n() + ImageFigures.widthNote(r, w, gs);
        Map<Double, TreeMap<Double, TreeMap<Long, Double>>> pen = new TreeMap<>();
        for (double p : s.p2()) {
            if (p >= MIN_SHARE.value()) {
                pen.put(
                        p,
                        Curves.pairedBySeed(
                                r.results(),
                                c -> c.p2() == 0 && f.test(c),
                                c -> c.p2() == p && f.test(c),
                                c -> c.width(),
                                Metric.MSE));
            }
        }
        List<Claim> out = new ArrayList<>();
        out.add(escape(r, pen, where, w));
        out.add(beyondThreshold(r, pen, where, w, f));
        if (w.network() == NetworkKind.RANDOM_FEATURES) {
            out.add(peak(pen, where, w));
        }
        return out;
    }

    /** At the largest width the penalty exceeds MIN_EFFECT, every share ≥ MIN_SHARE (Holm). */
    private static Claim escape(
            ImageResults r, Map<Double, TreeMap<Double, TreeMap<Long, Double>>> pen, String where, WidthSweep w) {
        int max = w.widths().stream().mapToInt(Integer::intValue).max().orElse(0);
        String claim = "Larger models do not escape collapse (" + where + "): at the largest width (" + max + ") the "
                + "penalty of synthetic data exceeds MIN_EFFECT, for every p2 ≥ MIN_SHARE.";
        List<Double> xs = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        pen.forEach((p, byWidth) -> {
            TreeMap<Long, Double> last = byWidth.get((double) max);
            if (last != null) {
                xs.add(p);
                parts.add(ImageClaims.effect(r.study(), last));
            }
        });
        if (parts.isEmpty()) {
            return new Claim(claim, "no complete point", Verdict.INCONCLUSIVE, ImageClaims.MIN_EFFECT, MIN_SHARE);
        }
        List<Verdict> vs = EffectVerdicts.exceedsEach(parts, ImageClaims.MIN_EFFECT);
        return new Claim(
                claim,
                "paired MSE penalty at width " + max + " (" + ImageClaims.seeds(r.study(), parts.get(0))
                        + ", 95% CI, Holm over " + parts.size() + " shares): " + ImageClaims.parts("p2", xs, parts, vs),
                Verdicts.all(vs),
                ImageClaims.MIN_EFFECT,
                MIN_SHARE,
                EffectVerdicts.ALPHA);
    }

    /**
     * Beyond the interpolation threshold, larger models reduce the penalty: per seed, the slope of the penalty against
     * log₂ width over the widths at or past the threshold is below FALLS (every share ≥ MIN_SHARE, Holm).
     */
    private static Claim beyondThreshold(
            ImageResults r,
            Map<Double, TreeMap<Double, TreeMap<Long, Double>>> pen,
            String where,
            WidthSweep w,
            Predicate<CellSpec> f) {
        int t = thresholdWidth(r, w, f);
        String claim =
                "Beyond the interpolation threshold (" + where + ", widths ≥ " + t + "), larger models reduce the "
                        + "penalty of synthetic data: its slope per doubling of the width is below FALLS, for every p2 ≥ MIN_SHARE.";
        List<Double> xs = new ArrayList<>();
        List<Effect> parts = new ArrayList<>();
        pen.forEach((p, byWidth) -> {
            TreeMap<Double, TreeMap<Long, Double>> beyond = new TreeMap<>(byWidth.tailMap((double) t, true));
            Effect slope = beyond.size() >= 2 ? ImageClaims.slopePerSeed(r.study(), beyond) : null;
            if (slope != null) {
                xs.add(p);
                parts.add(slope.scaled(-1)); // "falls faster than FALLS" = "−slope exceeds −FALLS"
            }
        });
        Threshold negated = new Threshold("−FALLS", -ImageClaims.FALLS.value(), "fall per doubling of the width");
        if (parts.isEmpty()) {
            return new Claim(
                    claim,
                    "fewer than two widths at or beyond the threshold",
                    Verdict.INCONCLUSIVE,
                    ImageClaims.FALLS,
                    MIN_SHARE);
        }
        List<Verdict> vs = EffectVerdicts.exceedsEach(parts, negated);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            text.add(String.format(
                    Locale.ROOT,
                    "p2 = %s: slope %s (%s)",
                    ImageFigures.fmt(xs.get(i)),
                    parts.get(i).scaled(-1).format("%+.4f", 0.95),
                    switch (vs.get(i)) {
                        case SUPPORTED -> "falls faster than FALLS";
                        case CONTRADICTED -> "does not fall: grows or stays";
                        case INCONCLUSIVE -> "not resolved against FALLS";
                    }));
        }
        return new Claim(
                claim,
                "per-seed slope of the paired MSE penalty against log₂ width ("
                        + ImageClaims.seeds(r.study(), parts.get(0)) + ", 95% CI, Holm over " + parts.size()
                        + " shares): " + String.join("; ", text),
                Verdicts.all(vs),
                ImageClaims.FALLS,
                MIN_SHARE,
                EffectVerdicts.ALPHA);
    }

    /**
     * The interpolation threshold of a sweep: width = n for random features; for trained networks the smallest width
     * whose trainable parameters reach n·K (as many as the regression targets, K outputs per image).
     */
    static int thresholdWidth(ImageResults r, WidthSweep w, Predicate<CellSpec> f) {
        if (w.network() != NetworkKind.TWO_LAYER) {
            return w.n();
        }
        TreeMap<Integer, Long> params = new TreeMap<>();
        r.results().forEach((c, res) -> {
            if (f.test(c)) {
                params.put(c.width(), res.parameters());
            }
        });
        // parameters = (d + 1)·w + (w + 1)·K and K = outputs; from two widths: slope (d + 1 + K), intercept K
        if (params.size() < 2) {
            return w.n();
        }
        int w0 = params.firstKey();
        int w1 = params.higherKey(w0);
        double slope = (params.get(w1) - params.get(w0)) / (double) (w1 - w0);
        double k = params.get(w0) - slope * w0;
        for (int width : params.keySet()) {
            if (params.get(width) >= w.n() * k) {
                return width;
            }
        }
        return params.lastKey();
    }

    /** Random features: the width of the largest mean penalty lies within PEAK_FACTOR of n (bootstrap, Bonferroni). */
    private static Claim peak(Map<Double, TreeMap<Double, TreeMap<Long, Double>>> pen, String where, WidthSweep w) {
        String claim =
                "The penalty of synthetic data peaks near the interpolation threshold (" + where + "): the width "
                        + "of the largest mean penalty lies within a factor PEAK_FACTOR of width = n, for every MIN_SHARE ≤ p2 ≤ "
                        + "PEAK_MAX_SHARE.";
        List<Double> shares =
                pen.keySet().stream().filter(p -> p <= PEAK_MAX_SHARE.value()).toList();
        double level = 1 - EffectVerdicts.ALPHA.value() / Math.max(1, shares.size());
        Threshold lo = new Threshold("−log₂ PEAK_FACTOR", -Math.log(PEAK_FACTOR.value()) / Math.log(2), "");
        Threshold hi = new Threshold("log₂ PEAK_FACTOR", Math.log(PEAK_FACTOR.value()) / Math.log(2), "");
        List<String> parts = new ArrayList<>();
        List<Verdict> vs = new ArrayList<>();
        for (double p : shares) {
            TreeMap<Double, TreeMap<Long, Double>> d = pen.get(p);
            List<Long> seeds = Curves.commonSeeds(d);
            if (d.size() < 3 || seeds.size() < 2) {
                continue;
            }
            Interval at = Bootstrap.percentile(
                    seeds.size(),
                    idx -> Math.log(argExtreme(d, seeds, idx, true) / w.n()) / Math.log(2),
                    level,
                    7_000L + Math.round(p * 1000));
            Verdict v = Verdicts.between(at, lo, hi);
            vs.add(v);
            parts.add(String.format(
                    Locale.ROOT,
                    "p2 = %s: peak at width %s, %.1f%% bootstrap interval of the peak width " + "[%s, %s] (%s)",
                    ImageFigures.fmt(p),
                    ImageFigures.fmt(w.n() * Math.pow(2, at.estimate())),
                    100 * level,
                    ImageFigures.fmt(Math.round(w.n() * Math.pow(2, at.low()))),
                    ImageFigures.fmt(Math.round(w.n() * Math.pow(2, at.high()))),
                    v.name().toLowerCase(Locale.ROOT)));
        }
        if (vs.isEmpty()) {
            return new Claim(
                    claim,
                    "no share with three widths and two seeds",
                    Verdict.INCONCLUSIVE,
                    PEAK_FACTOR,
                    PEAK_MAX_SHARE);
        }
        return new Claim(
                claim,
                String.join("; ", parts) + " (" + Bootstrap.RESAMPLES + " resamples of the seeds, "
                        + "Bonferroni over " + vs.size()
                        + " shares). Larger shares are not judged: the generator's targets are "
                        + "noise-free, so replacing most real labels also removes label noise, which shrinks the peak itself.",
                Verdicts.all(vs),
                PEAK_FACTOR,
                PEAK_MAX_SHARE);
    }

    /** The x of the largest (or smallest) mean over the resampled seeds. */
    static double argExtreme(TreeMap<Double, TreeMap<Long, Double>> byX, List<Long> seeds, int[] idx, boolean max) {
        double best = Double.NaN;
        double bestV = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (Map.Entry<Double, TreeMap<Long, Double>> e : byX.entrySet()) {
            double m = 0;
            for (int i : idx) {
                m += e.getValue().get(seeds.get(i)) / idx.length;
            }
            if (max ? m > bestV : m < bestV) {
                bestV = m;
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The best width per generator quality and share: the width with the lowest mean test MSE, with its percentile
     * bootstrap interval over seeds; rows {sweep, generator, p2, best width, interval}.
     */
    static List<List<String>> bestWidths(ImageResults r) {
        ImageStudy s = r.study();
        List<List<String>> rows = new ArrayList<>();
        for (WidthSweep w : s.widthSweeps()) {
            for (int gs : w.generators(s.generator().samples())) {
                Predicate<CellSpec> f = ImageStudy.member(s.cells(w, gs, s.seed()));
                for (double p : s.p2()) {
                    TreeMap<Double, TreeMap<Long, Double>> m =
                            Curves.bySeed(r.results(), c -> c.p2() == p && f.test(c), c -> c.width(), Metric.MSE);
                    List<Long> seeds = Curves.commonSeeds(m);
                    if (m.size() < 2 || seeds.size() < 2) {
                        continue;
                    }
                    Interval at = Bootstrap.percentile(
                            seeds.size(),
                            idx -> Math.log(argExtreme(m, seeds, idx, false)) / Math.log(2),
                            0.95,
                            9_000L + Math.round(p * 1000));
                    rows.add(List.of(
                            ImageFigures.name(w.network()) + ", n = " + w.n(),
                            ImageFigures.widthNote(r, w, gs).replaceFirst("^, ", ""),
                            ImageFigures.fmt(p),
                            ImageFigures.fmt(Math.round(Math.pow(2, at.estimate()))),
                            "[" + Math.round(Math.pow(2, at.low())) + ", " + Math.round(Math.pow(2, at.high())) + "]"));
                }
            }
        }
        return rows;
    }
}
