package org.collapselab.nn.image.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.experiments.stats.EffectVerdicts;

/**
 * Strong model collapse in a size sweep, judged per share on the absolute penalty Δ(n) = E_p2(n) − E_0(n), paired
 * by seed. Under strong collapse (Dohmatob et al., ICLR 2025, Theorem 1 and Corollary 1) the penalty tends to a
 * floor of order p2²c² while the clean error keeps falling; if synthetic data only acted like noise that more data
 * averages away, the penalty would fall towards 0. Each share's claim has two parts, both required (an
 * intersection-union test, no correction needed): the penalty at the largest n exceeds MIN_EFFECT, and over the upper
 * half of the sizes its per-seed slope against log₂ n stays above NO_FALL. The mean penalty over the upper half (the
 * fitted floor) is printed beside p2²c² with c² ± its s.d. over generator replicates.
 */
final class PlateauClaims {
    private PlateauClaims() {}

    /** One claim per synthetic share p2 &gt; 0 of the size sweep {@code z} with the generator on {@code gen} images. */
    static List<Claim> plateau(ImageResults r, SizeSweep z, int gen) {
        ImageStudy s = r.study();
        GeneratorQuality q = r.generator(gen);
        Predicate<CellSpec> f = ImageStudy.member(s.cells(z, gen, s.seed()));
        List<Integer> ns = z.n().stream().sorted().toList();
        List<Integer> upper = ns.subList(ns.size() / 2, ns.size());
        String where = ImageFigures.name(z.network()) + ", width " + z.width() + ImageClaims.generatorNote(s, z, gen);
        List<Claim> out = new ArrayList<>();
        for (double p : s.p2()) {
            if (p == 0) {
                continue;
            }
            String claim = String.format(
                    Locale.ROOT,
                    "Strong model collapse at p2 = %s (%s): adding data does not remove "
                            + "the penalty — at the largest n it exceeds MIN_EFFECT, and over the upper half of the sizes (n = %d to "
                            + "%d) it does not fall faster than NO_FALL per doubling of n.",
                    ImageFigures.fmt(p),
                    where,
                    upper.get(0),
                    ns.get(ns.size() - 1));
            if (ns.size() < 3) {
                out.add(new Claim(
                        claim,
                        "needs at least three sizes",
                        Verdict.INCONCLUSIVE,
                        ImageClaims.MIN_EFFECT,
                        ImageClaims.NO_FALL));
                continue;
            }
            TreeMap<Double, TreeMap<Long, Double>> d = Curves.pairedBySeed(
                    r.results(), c -> c.p2() == 0 && f.test(c), c -> c.p2() == p && f.test(c), c -> c.n(), Metric.MSE);
            TreeMap<Double, TreeMap<Long, Double>> top = new TreeMap<>();
            for (int n : upper) {
                if (d.containsKey((double) n)) {
                    top.put((double) n, d.get((double) n));
                }
            }
            TreeMap<Long, Double> last = d.get((double) ns.get(ns.size() - 1));
            Effect slope = top.size() == upper.size() ? ImageClaims.slopePerSeed(s, top) : null;
            if (last == null || slope == null) {
                out.add(new Claim(
                        claim, "no complete seed", Verdict.INCONCLUSIVE, ImageClaims.MIN_EFFECT, ImageClaims.NO_FALL));
                continue;
            }
            Effect end = ImageClaims.effect(s, last);
            java.util.Map<Long, Double> meanTop = new TreeMap<>();
            for (long seed : Curves.commonSeeds(top)) {
                meanTop.put(
                        seed,
                        top.values().stream()
                                .mapToDouble(m -> m.get(seed))
                                .average()
                                .orElse(Double.NaN));
            }
            Effect floor = ImageClaims.effect(s, meanTop);
            Verdict vEnd = EffectVerdicts.exceeds(end, ImageClaims.MIN_EFFECT);
            Verdict vSlope = EffectVerdicts.exceeds(slope, ImageClaims.NO_FALL);
            String theory = q == null
                    ? "c² unknown"
                    : String.format(Locale.ROOT, "p2²c² = %.4f (%s)", p * p * q.c2(), q.describeC2());
            String measured = String.format(
                    Locale.ROOT,
                    "paired MSE penalty, %s, 95%% CI: at n = %d %s (%s); slope "
                            + "per doubling of n over n = %s %s (%s); fitted floor (mean penalty over the upper half) %s against %s; "
                            + "penalty by n: %s",
                    ImageClaims.seeds(s, end),
                    ns.get(ns.size() - 1),
                    end.format("%+.4f", 0.95),
                    EffectVerdicts.reading(vEnd, ImageClaims.MIN_EFFECT),
                    upper,
                    slope.format("%+.4f", 0.95),
                    slopeReading(vSlope),
                    floor.format("%+.4f", 0.95),
                    theory,
                    byN(d));
            out.add(new Claim(
                    claim,
                    measured,
                    Verdicts.every(List.of(vEnd, vSlope)),
                    ImageClaims.MIN_EFFECT,
                    ImageClaims.NO_FALL,
                    EffectVerdicts.ALPHA));
        }
        return out;
    }

    private static String slopeReading(Verdict v) {
        return switch (v) {
            case SUPPORTED -> "does not fall faster than NO_FALL";
            case CONTRADICTED -> "falls faster than NO_FALL";
            case INCONCLUSIVE -> "not resolved against NO_FALL";
        };
    }

    private static String byN(TreeMap<Double, TreeMap<Long, Double>> d) {
        List<String> out = new ArrayList<>();
        d.forEach((n, m) -> out.add(String.format(
                Locale.ROOT,
                "%s: %+.4f",
                ImageFigures.fmt(n),
                m.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        return String.join(", ", out);
    }
}
