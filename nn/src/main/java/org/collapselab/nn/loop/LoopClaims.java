package org.collapselab.nn.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.stats.Effect;
import org.collapselab.experiments.stats.EffectVerdicts;
import org.collapselab.problem.Schedule;

/**
 * The neural loops' claims, each a test of a difference paired by seed (generation 0 is the same model in every arm
 * of a seed) against the loop family's minimal effect δ ({@link LoopConfig#minEffect}): "A exceeds B by more than δ"
 * is {@link EffectVerdicts#exceeds}; "settled" is the two one-sided tests (TOST) of the last increment L(K) −
 * L(K − 1) against ±δ ({@link EffectVerdicts#negligible}). Claims whose arms are missing from the study are left
 * out. The controls make the comparisons fair: the real share alone (is the synthetic half harmful or useless?), all
 * new rows real (how much of accumulate's gain is more real data?), every synthetic row from generation 0 (does the
 * recursion compound?), and accumulate with a budget that grows with the data (Gerstgrasser et al. 2024, "Is Model
 * Collapse Inevitable?").
 */
public final class LoopClaims {
    /** Smallest change of length-matched distinct-2 that counts as a loss of diversity. */
    public static final Threshold MIN_DIVERSITY = new Threshold(
            "MIN_DIVERSITY", 0.01, "smallest fall of distinct-2 over the first 2000 dictionary words that counts");

    private LoopClaims() {}

    /** The claims for results grouped by arm key (each list ordered by seed). */
    public static List<Claim> claims(
            List<LoopArm> arms, Map<String, List<LoopResult>> byArm, int generations, String unit, Threshold delta) {
        List<Claim> out = new ArrayList<>();
        LoopArm replace = find(arms, byArm, Schedule.REPLACE, 0, LoopArm.Variant.STANDARD);
        LoopArm accumulate = find(arms, byArm, Schedule.ACCUMULATE, 0, LoopArm.Variant.STANDARD);
        LoopArm fresh = arms.stream()
                .filter(a -> a.schedule() == Schedule.REPLACE
                        && a.freshReal() > 0
                        && a.freshReal() < 1
                        && a.variant() == LoopArm.Variant.STANDARD
                        && present(byArm, a))
                .findFirst()
                .orElse(null);
        int k = generations;
        String at = "generation K = " + k;
        if (replace != null) {
            Effect e = change(byArm.get(replace.key()), k, 0, GenerationResult::loss);
            out.add(exceeds(
                    "Replace degrades: retrained on its own output alone, the model's real-test loss at " + at
                            + " exceeds generation 0's by more than MIN_EFFECT.",
                    "L(K) − L(0)",
                    e,
                    unit,
                    delta));
        }
        if (replace != null && accumulate != null) {
            out.add(exceeds(
                    "Accumulate degrades less than replace: keeping all earlier data, " + at + " has a real-test "
                            + "loss lower than under replace by more than MIN_EFFECT.",
                    "L_replace(K) − L_accumulate(K)",
                    between(byArm, replace, accumulate, k),
                    unit,
                    delta));
            out.add(settled(
                    "Accumulate settles: its last increment L(K) − L(K − 1) lies within ±MIN_EFFECT.",
                    byArm.get(accumulate.key()),
                    k,
                    unit,
                    delta));
        }
        LoopArm allReal = find(arms, byArm, Schedule.ACCUMULATE, 1, LoopArm.Variant.STANDARD);
        if (accumulate != null && allReal != null) {
            out.add(exceeds(
                    "Accumulated synthetic rows cost more than MIN_EFFECT against the same loop with every new "
                            + "row real (true labels, real text): accumulate's gain is not only more data.",
                    "L_accumulate(K) − L_accumulate, all real(K)",
                    between(byArm, accumulate, allReal, k),
                    unit,
                    delta));
        }
        if (fresh != null) {
            out.add(settled(
                    "A fresh real share r = " + LoopArm.fmt(fresh.freshReal()) + " bounds the loss: the loop settles, "
                            + "its last increment L(K) − L(K − 1) within ±MIN_EFFECT.",
                    byArm.get(fresh.key()),
                    k,
                    unit,
                    delta));
            LoopArm alone = find(arms, byArm, Schedule.REPLACE, fresh.freshReal(), LoopArm.Variant.REAL_ONLY);
            if (alone != null) {
                out.add(exceeds(
                        "The synthetic part of a fresh-real loop hurts: with r = " + LoopArm.fmt(fresh.freshReal())
                                + ", " + at
                                + " is worse than training on the real share alone by more than MIN_EFFECT.",
                        "L_mixed(K) − L_real share alone(K)",
                        between(byArm, fresh, alone, k),
                        unit,
                        delta));
            }
        }
        LoopArm firstTeacher = find(arms, byArm, Schedule.REPLACE, 0, LoopArm.Variant.FIRST_TEACHER);
        if (replace != null && firstTeacher != null) {
            out.add(exceeds(
                    "The recursion compounds: replace (each generation taught by the one before) ends worse than "
                            + "the same loop taught by generation 0 throughout, by more than MIN_EFFECT.",
                    "L_replace(K) − L_teacher = generation 0(K)",
                    between(byArm, replace, firstTeacher, k),
                    unit,
                    delta));
        }
        LoopArm growing = find(arms, byArm, Schedule.ACCUMULATE, 0, LoopArm.Variant.GROWING_BUDGET);
        if (growing != null) {
            Effect e = change(byArm.get(growing.key()), k, 0, GenerationResult::loss);
            Verdict v = EffectVerdicts.exceeds(e, delta);
            Verdict inverted = v == Verdict.SUPPORTED
                    ? Verdict.CONTRADICTED
                    : v == Verdict.CONTRADICTED ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
            out.add(new Claim(
                    "Accumulate with a training budget that grows with the data (Gerstgrasser et al.) does not "
                            + "degrade: L(K) − L(0) stays below MIN_EFFECT.",
                    measured("L(K) − L(0)", e, unit) + " ("
                            + (inverted == Verdict.SUPPORTED
                                    ? "below"
                                    : inverted == Verdict.CONTRADICTED ? "above" : "not resolved " + "against")
                            + " " + delta.name() + ")",
                    inverted,
                    delta,
                    EffectVerdicts.ALPHA));
        }
        if (replace != null
                && byArm.get(replace.key()).get(0).generations().get(0).metrics() != null) {
            out.addAll(tails(byArm.get(replace.key()), k, unit, delta));
        }
        return out;
    }

    /** Language model: diversity and tails under replace, on length-matched and non-word-blind measures. */
    private static List<Claim> tails(List<LoopResult> r, int k, String unit, Threshold delta) {
        List<Claim> out = new ArrayList<>();
        Effect d2 = change(r, 0, k, g -> g.metrics().matchedDistinct2());
        out.add(exceeds(
                "Diversity falls under replace: distinct-2 over the first 2000 dictionary words of each "
                        + "generation's text (length-matched, blind to non-words) falls from generation 0 to K by more than "
                        + "MIN_DIVERSITY.",
                "distinct-2(0) − distinct-2(K)",
                d2,
                "",
                MIN_DIVERSITY));
        Effect rare = change(r, k, 0, g -> g.metrics().rareLoss() - g.loss());
        out.add(exceeds(
                "Tails vanish first under replace: the real-test loss on rare tokens rises more than the loss "
                        + "on all tokens, by more than MIN_EFFECT.",
                "[rare − all](K) − [rare − all](0)",
                rare,
                unit,
                delta));
        return out;
    }

    private static Claim exceeds(String claim, String quantity, Effect e, String unit, Threshold delta) {
        Verdict v = EffectVerdicts.exceeds(e, delta);
        return new Claim(
                claim,
                measured(quantity, e, unit) + " (" + EffectVerdicts.reading(v, delta) + ")",
                v,
                delta,
                EffectVerdicts.ALPHA);
    }

    private static Claim settled(String claim, List<LoopResult> r, int k, String unit, Threshold delta) {
        if (k < 1) {
            return new Claim(claim, "needs two generations", Verdict.INCONCLUSIVE, delta);
        }
        Effect e = change(r, k, k - 1, GenerationResult::loss);
        Verdict v = EffectVerdicts.negligible(e, delta);
        var i90 = e.interval(0.90);
        return new Claim(
                claim,
                measured("L(K) − L(K − 1)", e, unit)
                        + String.format(
                                Locale.ROOT,
                                "; 90%% CI [%+.4f, " + "%+.4f] (%s)",
                                i90.low(),
                                i90.high(),
                                EffectVerdicts.equivalenceReading(v, delta)),
                v,
                delta,
                EffectVerdicts.TOST_ALPHA);
    }

    private static String measured(String quantity, Effect e, String unit) {
        return String.format(
                Locale.ROOT,
                "%s = %s%s (paired over %d seeds, 95%% CI)",
                quantity,
                e.format("%+.4f", 0.95),
                unit.isEmpty() ? "" : " " + unit,
                e.n());
    }

    /** f(generation a) − f(generation b) per seed of one arm. */
    static Effect change(List<LoopResult> loops, int a, int b, ToDoubleFunction<GenerationResult> f) {
        return Effect.paired(at(loops, a, f), at(loops, b, f));
    }

    /** L_a(K) − L_b(K) paired by seed. */
    private static Effect between(Map<String, List<LoopResult>> byArm, LoopArm a, LoopArm b, int k) {
        return Effect.paired(
                at(byArm.get(a.key()), k, GenerationResult::loss), at(byArm.get(b.key()), k, GenerationResult::loss));
    }

    /** The arm of a schedule, fresh share and variant that has results, or null. */
    static LoopArm find(
            List<LoopArm> arms, Map<String, List<LoopResult>> byArm, Schedule s, double r, LoopArm.Variant v) {
        return arms.stream()
                .filter(a -> a.schedule() == s && a.freshReal() == r && a.variant() == v && present(byArm, a))
                .findFirst()
                .orElse(null);
    }

    private static boolean present(Map<String, List<LoopResult>> byArm, LoopArm a) {
        return byArm.containsKey(a.key()) && !byArm.get(a.key()).isEmpty();
    }

    /** A quantity of generation k in every loop of an arm (ordered by seed). */
    static double[] at(List<LoopResult> loops, int k, ToDoubleFunction<GenerationResult> f) {
        return loops.stream()
                .mapToDouble(l -> f.applyAsDouble(l.generations().get(k)))
                .toArray();
    }
}
