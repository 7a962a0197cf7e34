package org.collapselab.nn.image.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.collapselab.stats.Summary;

/**
 * Aggregates cell results over seeds: a {@link Summary} (mean, sd, n) per x, and paired (same seed) differences between
 * two synthetic shares. Pure functions over a finished {@link ImageResults}.
 */
public final class Curves {
    private Curves() {}

    /** The summary of the finite values of a list (a NaN metric marks a failed cell). */
    public static Summary summary(List<Double> values) {
        return Summary.of(values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .toArray());
    }

    /** Per x (from {@code xOf}), the stats of {@code metric} over the matching cells' seeds. */
    public static TreeMap<Double, Summary> curve(
            Map<CellSpec, CellResult> results,
            Predicate<CellSpec> filter,
            ToDoubleFunction<CellSpec> xOf,
            Metric metric) {
        TreeMap<Double, List<Double>> values = new TreeMap<>();
        for (Map.Entry<CellSpec, CellResult> e : results.entrySet()) {
            if (filter.test(e.getKey())) {
                values.computeIfAbsent(xOf.applyAsDouble(e.getKey()), k -> new ArrayList<>())
                        .add(metric.of(e.getValue()));
            }
        }
        TreeMap<Double, Summary> out = new TreeMap<>();
        values.forEach((x, v) -> out.put(x, summary(v)));
        return out;
    }

    /**
     * Paired difference {@code metric(cell with share p2) − metric(same cell with share 0)} over seeds, per x.
     * {@code base} selects the clean cells, {@code other} the synthetic ones; cells are paired by x and seed.
     */
    public static TreeMap<Double, Summary> pairedDifference(
            Map<CellSpec, CellResult> results,
            Predicate<CellSpec> base,
            Predicate<CellSpec> other,
            ToDoubleFunction<CellSpec> xOf,
            Metric metric) {
        Map<String, Double> clean = new TreeMap<>();
        for (Map.Entry<CellSpec, CellResult> e : results.entrySet()) {
            if (base.test(e.getKey())) {
                clean.put(xOf.applyAsDouble(e.getKey()) + "/" + e.getKey().seed(), metric.of(e.getValue()));
            }
        }
        TreeMap<Double, List<Double>> diffs = new TreeMap<>();
        for (Map.Entry<CellSpec, CellResult> e : results.entrySet()) {
            if (other.test(e.getKey())) {
                double x = xOf.applyAsDouble(e.getKey());
                Double c = clean.get(x + "/" + e.getKey().seed());
                if (c != null) {
                    diffs.computeIfAbsent(x, k -> new ArrayList<>()).add(metric.of(e.getValue()) - c);
                }
            }
        }
        TreeMap<Double, Summary> out = new TreeMap<>();
        diffs.forEach((x, v) -> out.put(x, summary(v)));
        return out;
    }

    /**
     * Per seed, a value computed from the seed's cells at two sizes and two shares: {@code f(clean at n0, share at n0,
     * clean at n1, share at n1)}; seeds missing any of the four cells are skipped.
     */
    public static List<Double> perSeed(
            Map<CellSpec, CellResult> results,
            Predicate<CellSpec> sweep,
            double share,
            int n0,
            int n1,
            Metric metric,
            java.util.function.Function<double[], Double> f) {
        Map<Long, double[]> bySeed = new TreeMap<>();
        for (Map.Entry<CellSpec, CellResult> e : results.entrySet()) {
            CellSpec c = e.getKey();
            if (!sweep.test(c) || (c.n() != n0 && c.n() != n1) || (c.p2() != 0 && c.p2() != share)) {
                continue;
            }
            int slot = (c.n() == n0 ? 0 : 2) + (c.p2() == 0 ? 0 : 1);
            double[] v = bySeed.computeIfAbsent(
                    c.seed(), k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            v[slot] = metric.of(e.getValue());
        }
        List<Double> out = new ArrayList<>();
        for (double[] v : bySeed.values()) {
            if (Double.isFinite(v[0] + v[1] + v[2] + v[3])) {
                out.add(f.apply(v));
            }
        }
        return out;
    }

    /** Per x, the value of {@code metric} of each matching cell by seed. */
    public static TreeMap<Double, TreeMap<Long, Double>> bySeed(
            Map<CellSpec, CellResult> results,
            Predicate<CellSpec> filter,
            ToDoubleFunction<CellSpec> xOf,
            Metric metric) {
        TreeMap<Double, TreeMap<Long, Double>> out = new TreeMap<>();
        for (Map.Entry<CellSpec, CellResult> e : results.entrySet()) {
            if (filter.test(e.getKey())) {
                out.computeIfAbsent(xOf.applyAsDouble(e.getKey()), k -> new TreeMap<>())
                        .put(e.getKey().seed(), metric.of(e.getValue()));
            }
        }
        return out;
    }

    /** Per x, the paired difference other − base by seed (seeds present in both). */
    public static TreeMap<Double, TreeMap<Long, Double>> pairedBySeed(
            Map<CellSpec, CellResult> results,
            Predicate<CellSpec> base,
            Predicate<CellSpec> other,
            ToDoubleFunction<CellSpec> xOf,
            Metric metric) {
        TreeMap<Double, TreeMap<Long, Double>> a = bySeed(results, other, xOf, metric);
        TreeMap<Double, TreeMap<Long, Double>> b = bySeed(results, base, xOf, metric);
        TreeMap<Double, TreeMap<Long, Double>> out = new TreeMap<>();
        a.forEach((x, seeds) -> seeds.forEach((seed, v) -> {
            Double c = b.getOrDefault(x, new TreeMap<>()).get(seed);
            if (c != null && Double.isFinite(v) && Double.isFinite(c)) {
                out.computeIfAbsent(x, k -> new TreeMap<>()).put(seed, v - c);
            }
        }));
        return out;
    }

    /** The seeds present at every x. */
    public static List<Long> commonSeeds(TreeMap<Double, TreeMap<Long, Double>> byX) {
        List<Long> out = new ArrayList<>();
        if (byX.isEmpty()) {
            return out;
        }
        for (long s : byX.firstEntry().getValue().keySet()) {
            if (byX.values().stream().allMatch(m -> m.containsKey(s))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Kendall's tau-a between two equally long sequences (1 = same order, −1 = reversed). */
    public static double kendallTau(double[] a, double[] b) {
        int n = a.length;
        int conc = 0;
        int disc = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Math.signum(a[j] - a[i]) * Math.signum(b[j] - b[i]);
                if (s > 0) {
                    conc++;
                } else if (s < 0) {
                    disc++;
                }
            }
        }
        int pairs = n * (n - 1) / 2;
        return pairs == 0 ? Double.NaN : (double) (conc - disc) / pairs;
    }
}
