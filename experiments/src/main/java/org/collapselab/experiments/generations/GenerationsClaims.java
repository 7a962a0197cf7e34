package org.collapselab.experiments.generations;

import java.util.Locale;
import org.collapselab.experiments.generations.RunStatistics.Estimate;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.theory.GenerationsClosedForms;

/**
 * The claims of the generations study, each judged on simulated intervals (mean ± {@link #Z} standard
 * errors over runs, per-run paired where a claim is about a change across generations) with the theory beside them.
 * SUPPORTED when the whole interval lies on the claimed side, CONTRADICTED when it lies on the other, INCONCLUSIVE
 * otherwise.
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
  /** The report's line for {@link #SETTLED_TOLERANCE}. */
  static final Threshold SETTLED = new Threshold("SETTLED_TOLERANCE", SETTLED_TOLERANCE,
      "relative growth over the last " + TAIL + " generations that separates a settled loop from a growing one");

  private GenerationsClaims() {}

  /** Replace with no real data (vanishing real data): E_t = E_0 + t·E grows linearly, slope E = σ²d/(n−d−1). */
  public static Claim replaceGrowsLinearly(GenerationsCurve replace) {
    Problem p = replace.problem();
    int k = replace.count();
    Estimate slope = RunStatistics.of(RunStatistics.slopes(replace, 0, k), Z);
    double theory = (replace.theory()[k] - replace.theory()[0]) / k;
    boolean near = Math.abs(slope.mean() - theory) <= slope.half();
    Verdict v = slope.low() > 0 && near ? Verdict.SUPPORTED : slope.high() <= 0 ? Verdict.CONTRADICTED
        : Verdict.INCONCLUSIVE;
    return new Claim("replace (no fresh real data) grows linearly: E_t = E_0 + t·E",
        f("per-run slope %s per generation (theory E = σ²d/(n−d−1) = %.4g), E_0 = %.4g → E_%d = %.4g (d=%d, n=%d, "
            + "%d runs)", slope.format(), theory, replace.generation(0).mean(), k, replace.generation(k).mean(),
            p.d(), p.n(), replace.runs(0).length), v, INTERVAL);
  }

  /**
   * Accumulate with no real data stays bounded (the added error stays below (π²/6 − 1)·σ²d/(n−d−1)) but keeps
   * generation 0's strong-collapse error (E_K ≥ E_0 &gt; p2²c²).
   */
  public static Claim accumulateStaysBounded(GenerationsCurve accumulate) {
    Problem p = accumulate.problem();
    int k = accumulate.count();
    Estimate added = RunStatistics.of(RunStatistics.differences(accumulate, 0, k), Z);
    double bound = GenerationsClosedForms.accumulateBound(p.d(), p.n(), p.sigma());
    double floor = p.p2() * p.p2() * p.c2();
    Estimate last = RunStatistics.of(accumulate.runs(k), Z);
    boolean bounded = added.high() < bound;
    boolean keeps = last.low() > floor;
    Verdict v = bounded && keeps ? Verdict.SUPPORTED : added.low() >= bound || last.high() <= floor
        ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    return new Claim("accumulate stays bounded (added error < (π²/6 − 1)·σ²d/(n−d−1)) but keeps the strong-collapse "
        + "error of generation 0",
        f("E_%d − E_0 = %s (bound %.4g; theory %.4g, limit %.4g); E_%d = %s > p2²c² = %.4g", k, added.format(), bound,
            accumulate.theory()[k] - accumulate.theory()[0],
            accumulate.stability() == null ? Double.NaN : accumulate.stability().stationaryError()
                - accumulate.theory()[0], k, last.format(), floor), v, INTERVAL);
  }

  /** Accumulating with a fixed training budget (subsample n rows) lands between accumulate and replace. */
  public static Claim fixedBudget(GenerationsCurve replace, GenerationsCurve accumulate, GenerationsCurve subsample) {
    int k = subsample.count();
    Estimate rep = RunStatistics.of(replace.runs(k), Z);
    Estimate acc = RunStatistics.of(accumulate.runs(k), Z);
    Estimate sub = RunStatistics.of(subsample.runs(k), Z);
    Verdict v = acc.high() < sub.low() && sub.high() < rep.low() ? Verdict.SUPPORTED
        : sub.high() < acc.low() || sub.low() > rep.high() ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
    return new Claim("accumulating with a fixed budget (n rows subsampled from all so far) lies between accumulate and "
        + "replace (simulation only: no theory)",
        f("at generation %d: accumulate %s < subsample %s < replace %s", k, acc.format(), sub.format(), rep.format()),
        v, INTERVAL);
  }

  /**
   * The paper's Fig. 10: iterative mixing (each generation half fresh real, half labelled by the previous model) is
   * worse than training on the real half alone.
   */
  public static Claim mixingWorseThanRealHalf(GenerationsCurve mixing, SimulationResult realHalf, double realHalfTheory) {
    int k = mixing.count();
    Estimate mix = RunStatistics.of(mixing.runs(k), Z);
    Estimate half = RunStatistics.of(realHalf.runs(), Z);
    int crossing = -1;
    for (int g = 0; g <= k && crossing < 0; g++) {
      crossing = mixing.theory()[g] < realHalfTheory ? g : -1;
    }
    Verdict v = mix.low() > half.high() ? Verdict.SUPPORTED : mix.high() < half.low() ? Verdict.CONTRADICTED
        : Verdict.INCONCLUSIVE;
    double einf = mixing.stability() == null ? Double.NaN : mixing.stability().stationaryError();
    return new Claim("iterative mixing is worse than training on the real half alone (paper Fig. 10)",
        f("generation %d: mixing %s (theory %.4g, limit %.4g) vs real half alone %s (theory %.4g); theory: mixing is "
            + "below the real half from generation %s on (fresh real rows every generation)", k, mix.format(),
            mixing.theory()[k], einf, half.format(), realHalfTheory, crossing < 0 ? "never" : Integer.toString(crossing)),
        v, INTERVAL);
  }

  /**
   * The fresh-real loop settles below the threshold φ* = (1 + p2)/(1 + 2p2) and diverges above it: judged on the
   * relative change over the last {@link #TAIL} generations, per run.
   */
  public static Claim divergenceThreshold(GenerationsCurve below, GenerationsCurve above) {
    Estimate settled = tailGrowth(below);
    Estimate grows = tailGrowth(above);
    double p2 = 1 - below.problem().generations().freshReal();
    Verdict v = settled.high() < SETTLED_TOLERANCE && grows.low() > SETTLED_TOLERANCE ? Verdict.SUPPORTED
        : settled.low() > SETTLED_TOLERANCE || grows.high() < SETTLED_TOLERANCE ? Verdict.CONTRADICTED
        : Verdict.INCONCLUSIVE;
    return new Claim("a fresh-real loop diverges beyond d/n = (1 + p2)/(1 + 2p2) (OLS)",
        f("p2 = %.2f: φ* = %.4g; at φ = %.3g (rho = %.4g) relative growth over the last %d generations %s; at "
            + "φ = %.3g (rho = %.4g, %s) %s", p2, GenerationsClosedForms.criticalRatio(p2), phi(below),
            below.stability().contractionFactor(), TAIL, settled.format(), phi(above),
            above.stability().contractionFactor(), above.stability().status().key(), grows.format()), v, INTERVAL, SETTLED);
  }

  /** (E_K − E_{K−TAIL})/mean E_K: the paired per-run difference over the last generation's mean (no ratio bias). */
  private static Estimate tailGrowth(GenerationsCurve c) {
    int k = c.count();
    Estimate diff = RunStatistics.of(RunStatistics.differences(c, k - TAIL, k), Z);
    double scale = c.generation(k).mean();
    return new Estimate(diff.mean() / scale, diff.half() / scale);
  }

  private static double phi(GenerationsCurve c) {
    return (double) c.problem().d() / c.problem().n();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
