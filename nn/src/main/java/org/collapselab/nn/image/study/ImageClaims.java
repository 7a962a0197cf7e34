package org.collapselab.nn.image.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Interval;
import org.collapselab.experiments.report.Threshold;
import org.collapselab.experiments.report.Verdicts;
import org.collapselab.experiments.stats.TInterval;
import org.collapselab.stats.Summary;

/**
 * The paper's claims checked against a finished image study, each with the numbers behind the verdict. Decision
 * rules (stated in every row): differences between synthetic shares are paired over seeds and called significant
 * when their 95% Student-t interval excludes zero (never with a single seed).
 */
public final class ImageClaims {
  static final Threshold ZERO = new Threshold("ZERO", 0, "sign reference");
  /** Confidence of the paired Student-t interval a difference must clear (above zero) to be significant. */
  public static final Threshold SIGNIFICANCE = new Threshold("SIGNIFICANCE", 0.95,
      "confidence of the paired t interval, over seeds");
  /** A change of the relative penalty from the smallest to the largest n above this: the penalty does not fade. */
  static final Threshold GROWING_PENALTY = new Threshold("GROWING_PENALTY", 0,
      "change of (E_p2 − E_0)/E_0 from the smallest to the largest n");
  /** Mean Kendall τ(p2, test MSE) for "error rises with p2". */
  public static final Threshold RISE_TAU = new Threshold("RISE_TAU", 0.5, "mean Kendall τ(p2, MSE) for supported");
  /** Share of points where the largest p2 is significantly worse than clean. */
  public static final Threshold RISE_SHARE = new Threshold("RISE_SHARE", 0.8, "share of points significantly worse");
  /** The penalty peak must lie within this factor of width = n. */
  public static final Threshold PEAK_FACTOR = new Threshold("PEAK_FACTOR", 2, "largest width/n of the peak");
  /** Largest p2 judged by the peak claim. */
  public static final Threshold PEAK_MAX_SHARE = new Threshold("PEAK_MAX_SHARE", 0.3, "largest p2 judged");
  /** Smallest p2 judged by the large-model claim. */
  public static final Threshold ESCAPE_MIN_SHARE = new Threshold("ESCAPE_MIN_SHARE", 0.1, "smallest p2 judged");
  /** Mean Kendall τ(c², MSE) for "worse generators hurt more". */
  public static final Threshold QUALITY_TAU = new Threshold("QUALITY_TAU", 0.6, "mean Kendall τ(c², MSE) for supported");

  private ImageClaims() {}

  /** All claims the study's sweeps can speak to. */
  public static List<Claim> all(ImageResults r) {
    List<Claim> out = new ArrayList<>();
    out.addAll(risesWithShare(r));
    for (SizeSweep z : r.study().sizeSweeps()) {
      for (int gs : z.generators(r.study().generator().samples())) {
        out.add(plateau(r, z, gs));
      }
    }
    for (WidthSweep w : r.study().widthSweeps()) {
      if (w.network() == NetworkKind.TWO_LAYER) {
        out.add(largeModelsDoNotEscape(r, w));
      } else {
        out.add(penaltyPeaksAtThreshold(r, w));
      }
    }
    if (r.study().qualitySweep() != null) {
      out.add(quality(r));
    }
    return out;
  }

  private record Sweep(String label, Predicate<CellSpec> filter, ToDoubleFunction<CellSpec> xOf, String xName) {}

  private static List<Sweep> sweeps(ImageStudy s) {
    List<Sweep> out = new ArrayList<>();
    int gen = s.generator().samples();
    for (WidthSweep w : s.widthSweeps()) {
      out.add(new Sweep(ImageFigures.name(w.network()) + " vs width at n = " + w.n(),
          c -> c.network() == w.network() && c.n() == w.n() && w.widths().contains(c.width())
        && c.generator().samples() == gen, c -> c.width(),
          "width"));
    }
    for (SizeSweep z : s.sizeSweeps()) {
      for (int gs : z.generators(gen)) {
        out.add(new Sweep(ImageFigures.name(z.network()) + " width " + z.width() + " vs n"
            + generatorNote(s, z, gs), z.cells(gs), c -> c.n(), "n"));
      }
    }
    return out;
  }

  /**
   * Test error on real data rises with p2 at fixed n (and fixed width), one claim per sweep: Kendall τ between p2
   * and the mean error at every point of the sweep, and whether the largest share is significantly worse than clean.
   */
  static List<Claim> risesWithShare(ImageResults r) {
    ImageStudy s = r.study();
    List<Claim> out = new ArrayList<>();
    List<Double> shares = s.p2().stream().sorted().toList();
    if (shares.size() < 2 || shares.get(0) != 0) {
      return out;
    }
    double pMax = shares.get(shares.size() - 1);
    double pMin = shares.get(1);
    for (Sweep sw : sweeps(s)) {
      String claim = "Test error on real data rises with the synthetic share p2 at fixed n and model size ("
          + sw.label + ").";
      double tauSum = 0;
      double tauErrSum = 0;
      int count = 0;
      int sig = 0;
      int points = 0;
      List<String> breaks = new ArrayList<>();
      TreeMap<Double, Summary> dMax = Curves.pairedDifference(r.results(), c -> c.p2() == 0 && sw.filter.test(c),
          c -> c.p2() == pMax && sw.filter.test(c), sw.xOf, Metric.MSE);
      TreeMap<Double, Summary> dMin = Curves.pairedDifference(r.results(), c -> c.p2() == 0 && sw.filter.test(c),
          c -> c.p2() == pMin && sw.filter.test(c), sw.xOf, Metric.MSE);
      Map<Double, TreeMap<Double, Summary>> mse = new TreeMap<>();
      Map<Double, TreeMap<Double, Summary>> err = new TreeMap<>();
      for (double p : shares) {
        mse.put(p, Curves.curve(r.results(), c -> c.p2() == p && sw.filter.test(c), sw.xOf, Metric.MSE));
        err.put(p, Curves.curve(r.results(), c -> c.p2() == p && sw.filter.test(c), sw.xOf, Metric.ERROR));
      }
      for (double x : mse.get(0.0).keySet()) {
        double[] ps = new double[shares.size()];
        double[] ms = new double[shares.size()];
        double[] es = new double[shares.size()];
        boolean complete = true;
        for (int i = 0; i < shares.size(); i++) {
          Summary a = mse.get(shares.get(i)).get(x);
          Summary b = err.get(shares.get(i)).get(x);
          if (a == null || b == null) {
            complete = false;
            break;
          }
          ps[i] = shares.get(i);
          ms[i] = a.mean();
          es[i] = b.mean();
        }
        if (!complete) {
          continue;
        }
        double tau = Curves.kendallTau(ps, ms);
        tauSum += tau;
        tauErrSum += Curves.kendallTau(ps, es);
        count++;
        Summary d = dMax.get(x);
        if (d != null) {
          points++;
          if (significantlyPositive(d)) {
            sig++;
          } else {
            breaks.add(String.format(Locale.ROOT, "%s = %s (τ = %.2f, p2 = %s vs clean %+.4f)", sw.xName,
                ImageFigures.fmt(x), tau, ImageFigures.fmt(pMax), d.mean()));
          }
        }
      }
      if (count == 0) {
        out.add(new Claim(claim, "no complete point", Verdict.INCONCLUSIVE, RISE_TAU, RISE_SHARE, SIGNIFICANCE));
        continue;
      }
      double tau = tauSum / count;
      Summary small = pool(dMin);
      String measured = String.format(Locale.ROOT, "Kendall τ(p2, test MSE) = %.2f and τ(p2, classification "
          + "error) = %.2f, averaged over %d %s values; p2 = %s is significantly worse than clean (paired 95%% t "
          + "interval above 0) "
          + "at %d of %d%s; the smallest share p2 = %s adds %+.4f MSE on average (significant at %d of %d). Rule: "
          + "supported if the mean τ(p2, MSE) ≥ 0.5 and the largest share is significantly worse at ≥ 80%% of the "
          + "points.", tau, tauErrSum / count, count, sw.xName, ImageFigures.fmt(pMax), sig, points,
          breaks.isEmpty() ? "" : " (not at " + String.join(", ", breaks) + ")", ImageFigures.fmt(pMin),
          small.mean(), countSignificant(dMin), dMin.size());
      Verdict v = Verdicts.every(List.of(Verdicts.reaches(Interval.point(tau), RISE_TAU, ZERO),
          Verdicts.share(sig, points, RISE_SHARE, ZERO)));
      out.add(new Claim(claim, measured, v, RISE_TAU, RISE_SHARE, SIGNIFICANCE));
    }
    return out;
  }

  /**
   * Adding data at fixed p2 &gt; 0 stops helping: judged on the paired penalty vs n. Per seed, the relative penalty
   * r(n) = (E_p2(n) − E_0(n)) / E_0(n) at the two largest-apart sizes; under strong collapse the penalty tends to the
   * floor p2²c² while the clean error keeps falling, so r grows with n; if synthetic data only acted like extra noise
   * that more data averages away, r would stay flat or shrink. Verdict per share from the 95% t interval of
   * r(n_max) − r(n_min) against 0.
   */
  static Claim plateau(ImageResults r, SizeSweep z, int gen) {
    ImageStudy s = r.study();
    double c2 = ImageFigures.generatorC2(r, gen);
    Predicate<CellSpec> f = z.cells(gen);
    List<Integer> ns = z.n().stream().sorted().toList();
    String claim = "Strong model collapse: at a fixed synthetic share p2 > 0, adding training data does not remove "
        + "the penalty — relative to the clean error it grows with n as the error runs into the floor p2²c² ("
        + ImageFigures.name(z.network()) + ", width " + z.width() + generatorNote(s, z, gen) + ").";
    if (ns.size() < 2) {
      return new Claim(claim, "needs at least two sizes", Verdict.INCONCLUSIVE);
    }
    int n0 = ns.get(0);
    int n1 = ns.get(ns.size() - 1);
    List<String> parts = new ArrayList<>();
    List<Verdict> perShare = new ArrayList<>();
    for (double p : s.p2()) {
      if (p == 0) {
        continue;
      }
      List<Double> change = Curves.perSeed(r.results(), f, p, n0, n1, Metric.MSE,
          v -> (v[3] - v[2]) / v[2] - (v[1] - v[0]) / v[0]);
      List<Double> endPenalty = Curves.perSeed(r.results(), f, p, n0, n1, Metric.MSE, v -> v[3] - v[2]);
      if (change.isEmpty()) {
        continue;
      }
      Interval ic = TInterval.of(change.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
      Interval ie = TInterval.of(endPenalty.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
      Verdict v = Verdicts.above(ic, GROWING_PENALTY);
      perShare.add(v);
      parts.add(String.format(Locale.ROOT, "p2 = %s: penalty at n = %d %s MSE (floor p2²c² = %.4f); change of the "
          + "relative penalty from n = %d to %d %s (%d seeds) → %s", ImageFigures.fmt(p), n1, ie.format("%+.4f"),
          p * p * c2, n0, n1, ic.format("%+.3f"), change.size(), v.name().toLowerCase(Locale.ROOT)));
    }
    Verdict v = Verdicts.consensus(perShare);
    return new Claim(claim, (parts.isEmpty() ? "no complete seed" : String.join("; ", parts)) + ". Rule (paired "
        + "95% t intervals): supported if the relative penalty grows from the smallest to the largest n for at "
        + "least one share and shrinks for none; contradicted if it shrinks for some and grows for none.", v,
        GROWING_PENALTY);
  }

  /**
   * ", generator on N images" when a size sweep of this network and width names its generators
   * ({@code generator_samples}, e.g. two qualities, or one quality per range of n); empty otherwise (so the claims of
   * a one-generator study read as before).
   */
  static String generatorNote(ImageStudy s, SizeSweep z, int gen) {
    boolean named = s.sizeSweeps().stream()
        .anyMatch(o -> o.network() == z.network() && o.width() == z.width() && !o.generatorSamples().isEmpty());
    return named ? ", generator on " + gen + " images" : "";
  }

  /** Random features: the synthetic penalty peaks near the interpolation threshold and shrinks beyond it. */
  static Claim penaltyPeaksAtThreshold(ImageResults r, WidthSweep w) {
    ImageStudy s = r.study();
    int gen = s.generator().samples();
    Predicate<CellSpec> f = c -> c.network() == w.network() && c.n() == w.n() && w.widths().contains(c.width())
        && c.generator().samples() == gen;
    String claim = "Model size (random-projection theory, " + ImageFigures.name(w.network()) + ", n = " + w.n()
        + "): the extra error due to synthetic data grows with width up to the interpolation threshold (width ≈ n) "
        + "and larger models beyond it reduce it without removing it.";
    List<String> parts = new ArrayList<>();
    List<Verdict> perShare = new ArrayList<>();
    int maxWidth = w.widths().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (double p : s.p2()) {
      if (p == 0) {
        continue;
      }
      TreeMap<Double, Summary> d = Curves.pairedDifference(r.results(), c -> c.p2() == 0 && f.test(c),
          c -> c.p2() == p && f.test(c), c -> c.width(), Metric.MSE);
      if (d.size() < 3) {
        continue;
      }
      double peakW = Double.NaN;
      double peak = Double.NEGATIVE_INFINITY;
      for (Map.Entry<Double, Summary> e : d.entrySet()) {
        if (e.getValue().mean() > peak) {
          peak = e.getValue().mean();
          peakW = e.getKey();
        }
      }
      Summary last = d.get((double) maxWidth);
      Verdict near = Verdicts.between(Interval.point(peakW / w.n()), new Threshold("1/PEAK_FACTOR",
          1 / PEAK_FACTOR.value(), "lowest width/n"), PEAK_FACTOR);
      boolean reduced = last != null && last.mean() < peak;
      boolean remains = last != null && significantlyPositive(last);
      parts.add(String.format(Locale.ROOT, "p2 = %s: penalty peaks at width %s (%+.4f MSE); at width %d: %s",
          ImageFigures.fmt(p), ImageFigures.fmt(peakW), peak, maxWidth,
          last == null ? "missing" : TInterval.of(last, 0.95).format("%+.4f")));
      if (p <= PEAK_MAX_SHARE.value()) {
        perShare.add(Verdicts.every(List.of(near, Verdicts.confirms(reduced && remains))));
      }
    }
    Verdict v = Verdicts.all(perShare);
    Threshold[] peakRule = {PEAK_FACTOR, PEAK_MAX_SHARE, SIGNIFICANCE};
    return new Claim(claim, String.join("; ", parts) + ". Rule: for every 0 < p2 ≤ 0.3, the paired MSE penalty "
        + "peaks within a factor 2 of width = n, is smaller at the largest width and its 95% t interval is still "
        + "above 0 there. Larger "
        + "shares are listed but not judged: the generator's targets are noise-free functions of the image, so "
        + "replacing most real labels by them also removes label noise, which shrinks the interpolation peak itself "
        + "(the paper's model keeps the noise equal, σ1 = σ2).", v, peakRule);
  }

  /** Trained two-layer networks: the widest model is still hurt by synthetic data. */
  static Claim largeModelsDoNotEscape(ImageResults r, WidthSweep w) {
    ImageStudy s = r.study();
    int gen = s.generator().samples();
    Predicate<CellSpec> f = c -> c.network() == w.network() && c.n() == w.n() && w.widths().contains(c.width())
        && c.generator().samples() == gen;
    int maxWidth = w.widths().stream().mapToInt(Integer::intValue).max().orElse(0);
    String claim = "Larger models do not escape collapse (" + ImageFigures.name(w.network()) + ", n = " + w.n()
        + "): at the largest width the error on real data is still higher with synthetic data.";
    List<String> parts = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (double p : s.p2()) {
      if (p < ESCAPE_MIN_SHARE.value()) {
        continue;
      }
      TreeMap<Double, Summary> d = Curves.pairedDifference(r.results(), c -> c.p2() == 0 && f.test(c),
          c -> c.p2() == p && f.test(c), c -> c.width(), Metric.MSE);
      Summary last = d.get((double) maxWidth);
      Summary first = d.isEmpty() ? null : d.firstEntry().getValue();
      if (last == null) {
        continue;
      }
      verdicts.add(Verdicts.above(TInterval.of(last, 0.95), ZERO));
      parts.add(String.format(Locale.ROOT, "p2 = %s: %s MSE at width %d (%+.4f at width %s)",
          ImageFigures.fmt(p), TInterval.of(last, 0.95).format("%+.4f"), maxWidth, first == null ? Double.NaN : first.mean(),
          ImageFigures.fmt(d.firstKey())));
    }
    Threshold[] escapeRule = {ESCAPE_MIN_SHARE, SIGNIFICANCE};
    return new Claim(claim, String.join("; ", parts) + ". Rule: supported if the paired penalty at the largest "
        + "width has a 95% t interval above 0 for every p2 ≥ 0.1, contradicted if below 0 for every one (synthetic "
        + "data help), inconclusive otherwise.", Verdicts.all(verdicts), escapeRule);
  }

  /** Worse synthetic data (larger c²) hurt more. */
  static Claim quality(ImageResults r) {
    QualitySweep q = r.study().qualitySweep();
    String claim = "Worse synthetic data (larger c²) hurt more at the same share p2 (" + ImageFigures.name(q.network())
        + ", width " + q.width() + ", n = " + q.n() + ").";
    List<Integer> gens = q.generatorSamples();
    double[] c2 = new double[gens.size()];
    for (int i = 0; i < gens.size(); i++) {
      c2[i] = ImageFigures.generatorC2(r, gens.get(i));
    }
    List<String> parts = new ArrayList<>();
    double tauSum = 0;
    int count = 0;
    for (double p : r.study().p2()) {
      if (p == 0) {
        continue;
      }
      double[] m = new double[gens.size()];
      boolean complete = true;
      for (int i = 0; i < gens.size(); i++) {
        int g = gens.get(i);
        Summary st = Curves.curve(r.results(), c -> c.p2() == p && c.network() == q.network() && c.width() == q.width()
            && c.n() == q.n() && c.generator().samples() == g, CellSpec::p2, Metric.MSE).get(p);
        if (st == null) {
          complete = false;
          break;
        }
        m[i] = st.mean();
      }
      if (!complete) {
        continue;
      }
      double tau = Curves.kendallTau(c2, m);
      tauSum += tau;
      count++;
      parts.add(String.format(Locale.ROOT, "p2 = %s: τ(c², MSE) = %.2f", ImageFigures.fmt(p), tau));
    }
    List<String> gq = new ArrayList<>();
    for (int i = 0; i < gens.size(); i++) {
      gq.add(String.format(Locale.ROOT, "%d images → c² = %.3f", gens.get(i), c2[i]));
    }
    if (count == 0) {
      return new Claim(claim, "incomplete sweep", Verdict.INCONCLUSIVE, QUALITY_TAU);
    }
    double tau = tauSum / count;
    return new Claim(claim, "Generators: " + String.join(", ", gq) + ". " + String.join("; ", parts)
        + String.format(Locale.ROOT, "; mean τ = %.2f. Rule: supported if the mean τ ≥ QUALITY_TAU.", tau),
        Verdicts.reaches(Interval.point(tau), QUALITY_TAU, ZERO),
        QUALITY_TAU);
  }

  /** A paired difference whose 95% Student-t interval over seeds lies above zero (never with one seed). */
  private static boolean significantlyPositive(Summary d) {
    return Verdicts.above(TInterval.of(d, 0.95), ZERO) == Verdict.SUPPORTED;
  }

  private static int countSignificant(TreeMap<Double, Summary> d) {
    int k = 0;
    for (Summary s : d.values()) {
      if (significantlyPositive(s)) {
        k++;
      }
    }
    return k;
  }

  private static Summary pool(TreeMap<Double, Summary> d) {
    List<Double> means = new ArrayList<>();
    for (Summary s : d.values()) {
      means.add(s.mean());
    }
    return Curves.summary(means);
  }
}
