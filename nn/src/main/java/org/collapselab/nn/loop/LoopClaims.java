package org.collapselab.nn.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.TInterval;
import org.collapselab.problem.Schedule;
import org.collapselab.stats.Summary;

/**
 * The neural loops' claims, each from a 95% Student-t interval of differences paired by seed (generation 0 is the
 * same model in every arm of a seed), judged by the shared claim helper against named thresholds: supported or
 * contradicted only when the whole interval lies on one side, inconclusive when it straddles (always with one seed).
 * The measured text is generated from the numbers.
 */
public final class LoopClaims {
  /** A paired loss difference above this is a degradation (loss units: nats/token or MSE). */
  public static final Threshold NO_CHANGE = new Threshold("NO_CHANGE", 0, "paired real-test loss difference");
  /** A paired diversity difference (generation 0 minus K) above this is a loss of diversity. */
  public static final Threshold NO_DIVERSITY_LOSS = new Threshold("NO_DIVERSITY_LOSS", 0,
      "paired distinct-2 difference, generation 0 minus K");

  private LoopClaims() {}

  /**
   * The claims for results grouped by arm key (each list ordered by seed; arms missing from the study are
   * skipped). {@code unit} names the loss's unit in the text.
   */
  public static List<Claim> claims(List<LoopArm> arms, Map<String, List<LoopResult>> byArm, int generations,
      String unit) {
    List<Claim> out = new ArrayList<>();
    LoopArm replace = find(arms, Schedule.REPLACE, false);
    LoopArm accumulate = find(arms, Schedule.ACCUMULATE, false);
    LoopArm fresh = find(arms, Schedule.REPLACE, true);
    String k = "K = " + generations;
    if (replace != null && present(byArm, replace)) {
      List<LoopResult> r = byArm.get(replace.key());
      Summary i = TInterval.differences(at(r, generations, GenerationResult::loss), at(r, 0, GenerationResult::loss));
      out.add(new Claim("Replace degrades: retrained on its own output alone, the model's real-test loss at "
          + "generation " + k + " is above generation 0's.", String.format(Locale.ROOT,
          "L(K) − L(0) = %s %s (replace, paired over %d seeds, 95%% CI); mean L(0) = %.4f, L(K) = %.4f", ci(i).format(
          "%+.4f"), unit, i.n(), mean(r, 0), mean(r, generations)), Verdicts.above(ci(i), NO_CHANGE),
          NO_CHANGE));
    }
    if (replace != null && accumulate != null && present(byArm, replace) && present(byArm, accumulate)) {
      out.add(compare("Accumulate degrades less than replace: keeping all earlier data, generation " + k
          + " has a lower real-test loss than under replace.", byArm, replace, accumulate, generations, unit));
    }
    if (replace != null && fresh != null && present(byArm, replace) && present(byArm, fresh)) {
      out.add(compare("A fresh real share bounds the loss: with r = " + LoopArm.fmt(fresh.freshReal()) + " of every "
          + "generation real, generation " + k + " has a lower real-test loss than pure replace.", byArm, replace,
          fresh, generations, unit));
    }
    if (replace != null && present(byArm, replace) && byArm.get(replace.key()).get(0).generations().get(0)
        .diversity() != null) {
      List<LoopResult> r = byArm.get(replace.key());
      ToDoubleFunction<GenerationResult> d2 = g -> g.diversity().distinct2();
      ToDoubleFunction<GenerationResult> h = g -> g.diversity().unigramEntropyBits();
      Summary i = TInterval.differences(at(r, 0, d2), at(r, generations, d2));
      Summary e = TInterval.differences(at(r, 0, h), at(r, generations, h));
      out.add(new Claim("Diversity falls under replace: the text generation " + k + " writes has fewer distinct "
          + "bigrams than generation 0's.", String.format(Locale.ROOT, "distinct-2(0) − distinct-2(K) = %s; "
          + "unigram entropy(0) − entropy(K) = %s bits (replace, paired over %d seeds, 95%% CI)", ci(i).format("%+.4f"),
          ci(e).format("%+.3f"), i.n()), Verdicts.above(ci(i), NO_DIVERSITY_LOSS), NO_DIVERSITY_LOSS));
    }
    return out;
  }

  private static Claim compare(String claim, Map<String, List<LoopResult>> byArm, LoopArm worse, LoopArm better,
      int generations, String unit) {
    List<LoopResult> a = byArm.get(worse.key());
    List<LoopResult> b = byArm.get(better.key());
    Summary i = TInterval.differences(at(a, generations, GenerationResult::loss), at(b, generations,
        GenerationResult::loss));
    return new Claim(claim, String.format(Locale.ROOT, "L_%s(K) − L_%s(K) = %s %s (paired over %d seeds, 95%% CI); "
        + "mean L(K) %.4f vs %.4f", worse.key(), better.key(), ci(i).format("%+.4f"), unit, i.n(), mean(a, generations),
        mean(b, generations)), Verdicts.above(ci(i), NO_CHANGE), NO_CHANGE);
  }

  /** The first arm of a schedule without (or with) a fresh real share. */
  static LoopArm find(List<LoopArm> arms, Schedule s, boolean withFresh) {
    return arms.stream().filter(a -> a.schedule() == s && (a.freshReal() > 0) == withFresh).findFirst()
        .orElse(null);
  }

  private static boolean present(Map<String, List<LoopResult>> byArm, LoopArm a) {
    return byArm.containsKey(a.key()) && !byArm.get(a.key()).isEmpty();
  }

  /** A quantity of generation k in every loop of an arm (ordered by seed). */
  static double[] at(List<LoopResult> loops, int k, ToDoubleFunction<GenerationResult> f) {
    return loops.stream().mapToDouble(l -> f.applyAsDouble(l.generations().get(k))).toArray();
  }

  private static double mean(List<LoopResult> loops, int k) {
    return java.util.Arrays.stream(at(loops, k, GenerationResult::loss)).average().orElse(Double.NaN);
  }

  /** The 95% t interval of a summary of paired differences. */
  private static Interval ci(Summary s) {
    return TInterval.of(s, 0.95);
  }
}
