package org.collapselab.nn.text.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.nn.text.model.TrainingCurve;
import org.collapselab.nn.text.synthetic.GeneratorResult;

/**
 * Seed-paired views of the language-model runs: final losses per (arm, budget), penalties against a reference arm
 * paired by seed, their slope against log₂ T, and the generators' own losses. A difference that involves a
 * generated arm is clustered by generator replicate ({@link Effect#clustered}), so its interval includes the
 * variance between generators; with one replicate per seed this is the plain paired interval.
 */
final class LmAnalysis {
    /** Mean and sample standard deviation over seeds. */
    record Stat(double mean, double std, int n) {
        static Stat of(double[] v) {
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double s = 0;
            for (double x : v) {
                s += (x - m) * (x - m);
            }
            return new Stat(m, v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0, v.length);
        }
    }

    final LmExperimentConfig config;
    /** Runs by arm key, budget and seed. */
    private final Map<String, TreeMap<Long, TreeMap<Integer, LmRunResult>>> runs = new HashMap<>();
    /** Generator replicates by name and replicate index. */
    final Map<String, TreeMap<Integer, GeneratorResult>> generators = new TreeMap<>();

    LmAnalysis(LmExperimentConfig config, List<LmRunResult> results, List<GeneratorResult> gens) {
        this.config = config;
        for (LmRunResult r : results) {
            runs.computeIfAbsent(r.arm().key(), k -> new TreeMap<>())
                    .computeIfAbsent(r.budget(), k -> new TreeMap<>())
                    .put(r.seed(), r);
        }
        for (GeneratorResult g : gens) {
            generators.computeIfAbsent(g.name(), k -> new TreeMap<>()).put(g.replicate(), g);
        }
    }

    /** Whether an arm has runs at a budget. */
    boolean has(LmArm arm, long budget) {
        return runs.containsKey(arm.key()) && runs.get(arm.key()).containsKey(budget);
    }

    /** The runs of an arm at a budget, by seed. */
    TreeMap<Integer, LmRunResult> at(LmArm arm, long budget) {
        return runs.getOrDefault(arm.key(), new TreeMap<>()).getOrDefault(budget, new TreeMap<>());
    }

    /** A quantity of an arm's runs at a budget, over seeds. */
    Stat stat(LmArm arm, long budget, ToDoubleFunction<LmRunResult> f) {
        return Stat.of(at(arm, budget).values().stream().mapToDouble(f).toArray());
    }

    /** The final real-test loss of an arm at a budget, over seeds. */
    Stat finalLoss(LmArm arm, long budget) {
        return stat(arm, budget, LmRunResult::finalTestLoss);
    }

    /** The paired difference f(arm) − f(ref) at a budget, per seed present in both, clustered by generator. */
    Effect difference(LmArm arm, LmArm ref, long budget, ToDoubleFunction<LmRunResult> f) {
        TreeMap<Integer, LmRunResult> a = at(arm, budget);
        TreeMap<Integer, LmRunResult> b = at(ref, budget);
        List<Integer> seeds = a.keySet().stream().filter(b::containsKey).toList();
        if (seeds.isEmpty()) {
            return null;
        }
        double[] d = seeds.stream()
                .mapToDouble(s -> f.applyAsDouble(a.get(s)) - f.applyAsDouble(b.get(s)))
                .toArray();
        return Effect.clustered(d, clusters(seeds, arm, ref));
    }

    /** The penalty L(arm) − L(ref) of the final real-test loss at a budget. */
    Effect penalty(LmArm arm, LmArm ref, long budget) {
        return difference(arm, ref, budget, LmRunResult::finalTestLoss);
    }

    /** The penalty against real text only. */
    Effect penalty(LmArm arm, long budget) {
        return penalty(arm, LmArm.REAL_ONLY, budget);
    }

    /**
     * Per seed, the least-squares slope of the penalty L(arm) − L(0) against log₂ T over every budget (change per
     * doubling of the budget), clustered by generator; null with fewer than two budgets.
     */
    Effect slope(LmArm arm) {
        List<Long> budgets = config.budgets().stream()
                .filter(t -> has(arm, t) && has(LmArm.REAL_ONLY, t))
                .toList();
        if (budgets.size() < 2) {
            return null;
        }
        double[] x =
                budgets.stream().mapToDouble(t -> Math.log(t) / Math.log(2)).toArray();
        List<Integer> seeds = seedsAtEvery(arm, budgets);
        if (seeds.isEmpty()) {
            return null;
        }
        double[] s = new double[seeds.size()];
        for (int i = 0; i < s.length; i++) {
            int seed = seeds.get(i);
            double[] y = budgets.stream()
                    .mapToDouble(t -> at(arm, t).get(seed).finalTestLoss()
                            - at(LmArm.REAL_ONLY, t).get(seed).finalTestLoss())
                    .toArray();
            s[i] = Effect.slope(x, y);
        }
        return Effect.clustered(s, clusters(seeds, arm, LmArm.REAL_ONLY));
    }

    /** Per seed, penalty(after) − penalty(before), clustered by generator. */
    Effect penaltyChange(LmArm arm, long before, long after) {
        List<Integer> seeds = seedsAtEvery(arm, List.of(before, after));
        if (seeds.isEmpty()) {
            return null;
        }
        double[] d = seeds.stream()
                .mapToDouble(s -> pen(arm, after, s) - pen(arm, before, s))
                .toArray();
        return Effect.clustered(d, clusters(seeds, arm, LmArm.REAL_ONLY));
    }

    /**
     * Per seed, the penalty over the first {@code early} positions of the context window minus the penalty over the
     * last {@code late}: positive when the model pays most where it has the least context to tell the source.
     */
    Effect positionGap(LmArm arm, long budget, int early, int late) {
        return difference(
                arm,
                LmArm.REAL_ONLY,
                budget,
                r -> mean(r.positionLoss(), 0, early)
                        - mean(r.positionLoss(), r.positionLoss().length - late, r.positionLoss().length));
    }

    /**
     * Per seed, the clean student's final loss at a budget minus the real-test loss of the generator replicate that
     * seed is paired with: negative when the students have passed the generator. Clustered by replicate.
     */
    Effect cleanMinusGenerator(String generator, long budget) {
        TreeMap<Integer, LmRunResult> clean = at(LmArm.REAL_ONLY, budget);
        Map<Integer, GeneratorResult> reps = generators.getOrDefault(generator, new TreeMap<>());
        List<Integer> seeds = clean.keySet().stream()
                .filter(s -> reps.containsKey(config.replicateOf(s)))
                .toList();
        if (seeds.isEmpty()) {
            return null;
        }
        double[] d = seeds.stream()
                .mapToDouble(s -> clean.get(s).finalTestLoss()
                        - reps.get(config.replicateOf(s)).realTestLoss())
                .toArray();
        return Effect.clustered(d, seeds.stream().mapToInt(config::replicateOf).toArray());
    }

    /** A generator's real-test loss over its replicates. */
    Stat generatorLoss(String generator) {
        return Stat.of(generators.getOrDefault(generator, new TreeMap<>()).values().stream()
                .mapToDouble(GeneratorResult::realTestLoss)
                .toArray());
    }

    /** Mean curve over seeds: [tokens, realTokens, testLoss mean, testLoss std] per point. */
    double[][] curve(LmArm arm, long budget) {
        List<LmRunResult> rs = new ArrayList<>(at(arm, budget).values());
        int n = rs.stream().mapToInt(r -> r.curve().points().size()).min().orElse(0);
        double[][] out = new double[4][n];
        for (int i = 0; i < n; i++) {
            double[] loss = new double[rs.size()];
            for (int k = 0; k < rs.size(); k++) {
                TrainingCurve.Point p = rs.get(k).curve().points().get(i);
                loss[k] = p.testLoss();
                out[0][i] += p.tokens() / (double) rs.size();
                out[1][i] += p.realTokens() / (double) rs.size();
            }
            Stat s = Stat.of(loss);
            out[2][i] = s.mean();
            out[3][i] = s.std();
        }
        return out;
    }

    /** Every stored run, in no particular order. */
    List<LmRunResult> all() {
        List<LmRunResult> out = new ArrayList<>();
        runs.values().forEach(b -> b.values().forEach(s -> out.addAll(s.values())));
        return out;
    }

    private double pen(LmArm arm, long budget, int seed) {
        return at(arm, budget).get(seed).finalTestLoss()
                - at(LmArm.REAL_ONLY, budget).get(seed).finalTestLoss();
    }

    private List<Integer> seedsAtEvery(LmArm arm, List<Long> budgets) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < config.seeds(); s++) {
            final int seed = s;
            if (budgets.stream()
                    .allMatch(t -> at(arm, t).containsKey(seed)
                            && at(LmArm.REAL_ONLY, t).containsKey(seed))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Cluster of each seed: its generator replicate when a generated arm is involved, else the seed itself. */
    private int[] clusters(List<Integer> seeds, LmArm a, LmArm b) {
        boolean generated = a.source() == LmArm.Source.GENERATED || b.source() == LmArm.Source.GENERATED;
        return seeds.stream()
                .mapToInt(s -> generated ? config.replicateOf(s) : s)
                .toArray();
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
