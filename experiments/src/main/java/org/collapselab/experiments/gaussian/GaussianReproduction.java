package org.collapselab.experiments.gaussian;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.collapselab.experiments.figures.ExperimentFigures;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Claim.Verdict;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.spec.GaussianResult;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.experiments.spec.Experiment;
import org.collapselab.experiments.spec.FigureSpec;
import org.collapselab.experiments.spec.GaussianCell;
import org.collapselab.experiments.spec.Param;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryException;

/**
 * The paper's Gaussian figures: the Pareto plot (Fig. 1), error vs width (Fig. 2) and error vs n (the scaling
 * plateau), run from the bundled {@code studies/*.yaml} files into the output folder's database, with the paper's
 * claims checked against the measured numbers.
 */
public final class GaussianReproduction implements Reproduction {
  /** The bundled studies of the paper's Gaussian figures, in report order. */
  public static final List<String> STUDIES = List.of("fig1-pareto", "fig2-width", "fig3-scaling");

  @Override
  public String name() {
    return "gaussian";
  }

  @Override
  public String description() {
    return "Gaussian figures: Pareto plot, error vs width m, error vs n with the plateau at ζ";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    Map<String, GaussianRun> runs = new LinkedHashMap<>();
    for (String name : STUDIES) {
      GaussianStudy study = (GaussianStudy) StudyRuns.bundled(name, o.quick());
      runs.put(name, GaussianRun.of(study, StudyRuns.run(study, o).summary()));
    }
    StringBuilder body = new StringBuilder();
    body.append(Html.paragraph("Synthetic Gaussian data as in Dohmatob et al. (ICLR 2025): x ~ N(0, Σ), real labels "
        + "y = xᵀw1 + ε, synthetic labels from w2 = w1 + Δ with ‖Δ‖²_Σ = c². Theory: deterministic equivalents of "
        + "module core; simulation: Monte Carlo with per-cell seeds derived from the base seed and the cell's "
        + "parameters. " + (o.quick() ? "Quick mode: reduced grids and runs." : "Full grids.")));
    for (Map.Entry<String, GaussianRun> en : runs.entrySet()) {
      body.append(studyHtml(o.outDir(), en.getValue()));
    }
    List<Claim> claims = new ArrayList<>();
    claims.addAll(scalingClaims(runs.get("fig3-scaling")));
    claims.addAll(widthClaims(runs.get("fig2-width")));
    claims.addAll(paretoClaims(runs.get("fig1-pareto")));
    return new ReportSection("gaussian", "Gaussian experiments (ridge and random projections)", body.toString(), claims);
  }

  private static String studyHtml(Path outDir, GaussianRun s) {
    Experiment e = s.experiment();
    StringBuilder b = new StringBuilder();
    b.append("<h3>").append(Html.escape(e.name())).append("</h3>\n").append(Html.paragraph(e.description()));
    for (FigureSpec f : e.figures()) {
      b.append(Html.figure(outDir, outDir.resolve(f.name() + ".png"), outDir.resolve(f.name() + ".svg"), f.title()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Param, List<Object>> v : e.values().entrySet()) {
      if (v.getKey() == Param.M && e.first(Param.MODEL).equals("ridge")) {
        continue;
      }
      rows.add(List.of(v.getKey().key(), e.swept().contains(v.getKey()) ? "swept" : "fixed", describe(v.getValue())));
    }
    rows.add(List.of("runs", "per cell", Integer.toString(e.runs())));
    rows.add(List.of("compute", "", e.compute().name().toLowerCase(Locale.ROOT)));
    if (!e.simulationLimits().isEmpty()) {
      rows.add(List.of("simulation limits", "", e.simulationLimits().toString()));
    }
    b.append(Html.table(List.of("parameter", "", "values"), rows));
    long theoryOk = s.results().stream().filter(r -> r.theory() != null).count();
    long simOk = s.results().stream().filter(r -> r.simulation() != null).count();
    String theoryNote = s.results().stream().filter(r -> r.theoryError() != null).map(GaussianResult::theoryError)
        .findFirst().map(m -> " Theory missing for " + s.theoryErrors() + " cells, e.g.: " + m + ".").orElse("");
    b.append(Html.paragraph(String.format(Locale.ROOT, "%d cells (%d with theory, %d simulated); %d computed now, %d "
        + "read back from the database; %.1f s.%s", s.summary().plan().total(), theoryOk, simOk,
        s.summary().computed(), s.summary().plan().ownedStored(), s.summary().seconds(), theoryNote)));
    return b.toString();
  }

  private static String describe(List<Object> values) {
    if (values.size() <= 8) {
      List<String> t = new ArrayList<>();
      for (Object v : values) {
        t.add(ExperimentFigures.format(v));
      }
      return String.join(", ", t);
    }
    return values.size() + " values from " + ExperimentFigures.format(values.get(0)) + " to "
        + ExperimentFigures.format(values.get(values.size() - 1));
  }

  // ---------------------------------------------------------------- scaling: plateau at p2²c²

  static List<Claim> scalingClaims(GaussianRun s) {
    List<Claim> out = new ArrayList<>();
    Map<Double, TreeMap<Integer, GaussianResult>> byP2 = new TreeMap<>();
    for (GaussianResult r : s.results()) {
      byP2.computeIfAbsent(r.cell().p2(), k -> new TreeMap<>()).put(r.cell().n(), r);
    }
    GaussianCell any = s.results().isEmpty() ? null : s.results().get(0).cell();
    if (any == null) {
      return out;
    }
    double c2 = ((Number) s.experiment().first(Param.C2)).doubleValue();
    List<String> plateau = new ArrayList<>();
    boolean plateauOk = true;
    for (double p2 : byP2.keySet()) {
      if (p2 == 0) {
        continue;
      }
      try {
        Spectrum sp = org.collapselab.experiments.spec.SpectrumSpecs.parse(any.spectrum(), any.d());
        Problem inf = Problem.ridge(sp, Problem.MAX_SIZE, p2, c2, any.sigma(), any.lambda());
        double eInf = Theory.predict(inf).testError();
        double target = p2 * p2 * c2;
        double ratio = eInf / target;
        plateauOk &= Math.abs(ratio - 1) < 0.1;
        plateau.add(String.format(Locale.ROOT, "p2 = %s: E(n = %.1e) = %.3g vs p2²c² = %.3g (ratio %.3f)",
            ExperimentFigures.format(p2), (double) Problem.MAX_SIZE, eInf, target, ratio));
      } catch (TheoryException e) {
        plateauOk = false;
        plateau.add("p2 = " + p2 + ": theory failed: " + e.getMessage());
      }
    }
    // Simulation at the largest simulated n, against theory there.
    List<String> sim = new ArrayList<>();
    for (Map.Entry<Double, TreeMap<Integer, GaussianResult>> en : byP2.entrySet()) {
      GaussianResult last = null;
      for (GaussianResult r : en.getValue().values()) {
        if (r.simulation() != null) {
          last = r;
        }
      }
      if (last != null) {
        sim.add(String.format(Locale.ROOT, "p2 = %s, n = %d: simulated %.3g ± %.2g (theory %.3g)",
            ExperimentFigures.format(en.getKey()), last.cell().n(), last.simulation().mean(),
            last.simulation().stderr(), last.theory() == null ? Double.NaN : last.theory().testError()));
      }
    }
    out.add(new Claim("Strong model collapse: for every p2 > 0 the test error plateaus as n → ∞ at ≈ p2²c² "
        + "(isotropic, ridgeless, d fixed), instead of decaying like the clean error σ²d/n.",
        String.join("; ", plateau) + ". Simulation at the largest simulated n: " + String.join("; ", sim) + ".",
        plateau.isEmpty() ? Verdict.INCONCLUSIVE : plateauOk ? Verdict.SUPPORTED : Verdict.CONTRADICTED));

    // Even p2 = 0.001 departs from the clean law: compare with p2 = 0 at the largest simulated n.
    double smallest = byP2.keySet().stream().filter(p -> p > 0).min(Double::compare).orElse(Double.NaN);
    TreeMap<Integer, GaussianResult> clean = byP2.get(0.0);
    TreeMap<Integer, GaussianResult> tiny = byP2.get(smallest);
    if (clean != null && tiny != null) {
      GaussianResult c = null;
      GaussianResult t = null;
      for (Integer n : tiny.keySet()) {
        GaussianResult a = clean.get(n);
        GaussianResult b = tiny.get(n);
        if (a != null && b != null && a.simulation() != null && b.simulation() != null) {
          c = a;
          t = b;
        }
      }
      double slopeClean = lastDecadeSlope(clean);
      double slopeTiny = lastDecadeSlope(tiny);
      if (c != null) {
        double diff = t.simulation().mean() - c.simulation().mean();
        double se = Math.hypot(t.simulation().stderr(), c.simulation().stderr());
        boolean sep = diff > 2 * se;
        boolean flat = slopeTiny > slopeClean + 0.3;
        out.add(new Claim("Even a tiny synthetic share (p2 = " + ExperimentFigures.format(smallest) + ") eventually "
            + "stops the error from following the clean scaling law.",
            String.format(Locale.ROOT, "At n = %d: simulated error %.3g (p2 = %s) vs %.3g (clean), difference %.2g "
                + "= %.1f standard errors; theory's log-log slope over the last decade of n: %.2f with p2 = %s vs "
                + "%.2f clean.", t.cell().n(), t.simulation().mean(), ExperimentFigures.format(smallest),
                c.simulation().mean(), diff, diff / se, slopeTiny, ExperimentFigures.format(smallest), slopeClean),
            sep && flat ? Verdict.SUPPORTED : (!sep && !flat ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE)));
      }
    }
    out.add(agreementClaim(s, "ridge"));
    return out;
  }

  private static double lastDecadeSlope(TreeMap<Integer, GaussianResult> byN) {
    if (byN.isEmpty()) {
      return Double.NaN;
    }
    int nMax = byN.lastKey();
    Map.Entry<Integer, GaussianResult> lo = byN.floorEntry(Math.max(1, nMax / 10));
    GaussianResult hi = byN.get(nMax);
    if (lo == null || lo.getValue().theory() == null || hi.theory() == null || lo.getKey() == nMax) {
      return Double.NaN;
    }
    return Math.log(hi.theory().testError() / lo.getValue().theory().testError()) / Math.log((double) nMax / lo.getKey());
  }

  static Claim agreementClaim(GaussianRun s, String model) {
    List<Double> rel = new ArrayList<>();
    int within = 0;
    for (GaussianResult r : s.results()) {
      if (r.theory() != null && r.simulation() != null && r.simulation().runs().length > 1) {
        double t = r.theory().testError();
        double m = r.simulation().mean();
        rel.add(Math.abs(m - t) / t);
        if (Math.abs(m - t) <= 3 * r.simulation().stderr() + 0.02 * t) {
          within++;
        }
      }
    }
    if (rel.isEmpty()) {
      return new Claim("The deterministic-equivalent theory matches simulation (" + model + ").",
          "No cell has both theory and simulation (theory unavailable for this model so far).", Verdict.INCONCLUSIVE);
    }
    rel.sort(Double::compare);
    double median = rel.get(rel.size() / 2);
    double frac = (double) within / rel.size();
    return new Claim("The deterministic-equivalent theory matches simulation (" + model + ").",
        String.format(Locale.ROOT, "%d cells: median relative deviation %.1f%%, %.0f%% of cells within 3 standard "
            + "errors (+2%%) of theory.", rel.size(), 100 * median, 100 * frac),
        frac >= 0.8 ? Verdict.SUPPORTED : frac >= 0.5 ? Verdict.INCONCLUSIVE : Verdict.CONTRADICTED);
  }

  // ---------------------------------------------------------------- width: peak near m = n

  /** E(p2) − E(0) per (c2, m), using theory when every cell has it, else simulation means. */
  static List<Claim> widthClaims(GaussianRun s) {
    List<Claim> out = new ArrayList<>();
    boolean theory = s.results().stream().allMatch(r -> r.theory() != null);
    String src = theory ? "theory" : "simulation means";
    Map<String, GaussianResult> byKey = new LinkedHashMap<>();
    for (GaussianResult r : s.results()) {
      byKey.put(r.cell().key(), r);
    }
    double pMax = s.results().stream().mapToDouble(r -> r.cell().p2()).max().orElse(0);
    Map<Double, TreeMap<Integer, double[]>> penalty = new TreeMap<>(); // c2 -> m -> [penalty, se]
    int increasing = 0;
    int comparisons = 0;
    Map<String, TreeMap<Double, double[]>> byCellP2 = new LinkedHashMap<>(); // value, stderr
    for (GaussianResult r : s.results()) {
      GaussianCell c = r.cell();
      if (c.p2() == 0) {
        continue;
      }
      byCellP2.computeIfAbsent(c.c2() + "|" + c.m(), k -> new TreeMap<>()).put(c.p2(), valueAndError(r, theory));
      GaussianResult base = byKey.get(c.withP2(0, 0).key());
      if (base != null) {
        byCellP2.get(c.c2() + "|" + c.m()).put(0.0, valueAndError(base, theory));
      }
      if (c.p2() != pMax || base == null) {
        continue;
      }
      double pen = r.value(FigureSpec.Metric.ERROR, theory) - base.value(FigureSpec.Metric.ERROR, theory);
      double se = theory ? 0 : Math.hypot(r.simulation() == null ? 0 : r.simulation().stderr(),
          base.simulation() == null ? 0 : base.simulation().stderr());
      penalty.computeIfAbsent(c.c2(), k -> new TreeMap<>()).put(c.m(), new double[] {pen, se});
    }
    for (TreeMap<Double, double[]> e : byCellP2.values()) {
      double[] prev = null;
      for (double[] v : e.values()) {
        if (prev != null) {
          comparisons++;
          // a decrease counts against the claim only when it exceeds two standard errors of the difference
          if (v[0] >= prev[0] - 2 * Math.hypot(v[1], prev[1])) {
            increasing++;
          }
        }
        prev = v;
      }
    }
    int n = s.results().isEmpty() ? 0 : s.results().get(0).cell().n();
    List<String> peaks = new ArrayList<>();
    List<String> beyond = new ArrayList<>();
    boolean peakOk = !penalty.isEmpty();
    boolean beyondOk = !penalty.isEmpty();
    for (Map.Entry<Double, TreeMap<Integer, double[]>> en : penalty.entrySet()) {
      int argmax = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (Map.Entry<Integer, double[]> pm : en.getValue().entrySet()) {
        if (pm.getValue()[0] > best) {
          best = pm.getValue()[0];
          argmax = pm.getKey();
        }
      }
      double ratio = (double) argmax / n;
      peakOk &= ratio >= 0.5 && ratio <= 2;
      peaks.add(String.format(Locale.ROOT, "c² = %s: largest penalty %.3g at m = %d (m/n = %.2f)",
          ExperimentFigures.format(en.getKey()), best, argmax, ratio));
      Map.Entry<Integer, double[]> last = en.getValue().lastEntry();
      boolean reduced = last.getValue()[0] < best;
      boolean notRemoved = last.getValue()[0] > 2 * last.getValue()[1] && last.getValue()[0] > 0;
      beyondOk &= reduced && notRemoved && last.getKey() > n;
      beyond.add(String.format(Locale.ROOT, "c² = %s: penalty %.3g at m = %d vs %.3g at the peak",
          ExperimentFigures.format(en.getKey()), last.getValue()[0], last.getKey(), best));
    }
    String share = "p2 = " + ExperimentFigures.format(pMax);
    out.add(new Claim("The synthetic-data penalty E(p2) − E(0) peaks near the interpolation threshold m ≈ n.",
        "n = " + n + ", " + share + ", " + src + ": " + String.join("; ", peaks) + ".",
        penalty.isEmpty() ? Verdict.INCONCLUSIVE : peakOk ? Verdict.SUPPORTED : Verdict.CONTRADICTED));
    out.add(new Claim("Beyond m = n, larger models reduce the penalty but do not remove it.",
        share + ", " + src + ": " + String.join("; ", beyond) + ".",
        penalty.isEmpty() ? Verdict.INCONCLUSIVE : beyondOk ? Verdict.SUPPORTED : Verdict.CONTRADICTED));
    out.add(new Claim("At fixed width the test error grows with the synthetic share p2.",
        String.format(Locale.ROOT, "%s: error non-decreasing in p2 (within 2 standard errors) for %d of %d consecutive pairs of p2 at equal m and c² (%.0f%%).", src,
            increasing, comparisons, comparisons == 0 ? 0 : 100.0 * increasing / comparisons),
        comparisons == 0 ? Verdict.INCONCLUSIVE : increasing >= 0.9 * comparisons ? Verdict.SUPPORTED
            : increasing >= 0.7 * comparisons ? Verdict.INCONCLUSIVE : Verdict.CONTRADICTED));
    out.add(agreementClaim(s, "random projections"));
    return out;
  }

  private static double[] valueAndError(GaussianResult r, boolean theory) {
    double se = !theory && r.simulation() != null ? r.simulation().stderr() : 0;
    return new double[] {r.value(FigureSpec.Metric.ERROR, theory), se};
  }

  // ---------------------------------------------------------------- Pareto: best model size vs quality

  static List<Claim> paretoClaims(GaussianRun s) {
    List<Claim> out = new ArrayList<>();
    boolean theory = s.results().stream().allMatch(r -> r.theory() != null);
    String src = theory ? "theory" : "simulation means";
    Map<Double, Map<Double, TreeMap<Integer, Double>>> err = new TreeMap<>(); // p2 -> c2 -> m -> E
    int mMax = 0;
    for (GaussianResult r : s.results()) {
      GaussianCell c = r.cell();
      mMax = Math.max(mMax, c.m());
      if (c.p2() > 0) {
        err.computeIfAbsent(c.p2(), k -> new TreeMap<>()).computeIfAbsent(c.c2(), k -> new TreeMap<>())
            .put(c.m(), r.value(FigureSpec.Metric.ERROR, theory));
      }
    }
    if (err.isEmpty()) {
      return out;
    }
    List<String> hi = new ArrayList<>();
    List<String> lo = new ArrayList<>();
    int hiOk = 0;
    int loOk = 0;
    int panels = 0;
    for (Map.Entry<Double, Map<Double, TreeMap<Integer, Double>>> p : err.entrySet()) {
      TreeMap<Double, TreeMap<Integer, Double>> byC2 = new TreeMap<>(p.getValue());
      panels++;
      int bestHi = argmin(byC2.firstEntry().getValue());
      int bestLo = argmin(byC2.lastEntry().getValue());
      List<Integer> ms = new ArrayList<>(byC2.firstEntry().getValue().keySet());
      boolean largest = ms.indexOf(bestHi) >= ms.size() - 2;
      boolean smaller = bestLo < bestHi && bestLo > ms.get(0);
      hiOk += largest ? 1 : 0;
      loOk += smaller ? 1 : 0;
      hi.add("p2 = " + ExperimentFigures.format(p.getKey()) + ": best m = " + bestHi + " at c² = "
          + ExperimentFigures.format(byC2.firstKey()));
      lo.add("p2 = " + ExperimentFigures.format(p.getKey()) + ": best m = " + bestLo + " at c² = "
          + ExperimentFigures.format(byC2.lastKey()) + (bestLo == ms.get(0) ? " (the smallest width tried)" : ""));
    }
    out.add(new Claim("With high-quality synthetic data (small c²) the best trade-off is the largest model; as the "
        + "quality drops the best model size moves to a smaller, intermediate width.",
        src + ", largest m = " + mMax + ". High quality: " + String.join("; ", hi) + ". Low quality: "
            + String.join("; ", lo) + ".",
        hiOk == panels && loOk == panels ? Verdict.SUPPORTED
            : hiOk + loOk == 0 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE));
    return out;
  }

  private static int argmin(TreeMap<Integer, Double> m) {
    int best = -1;
    double v = Double.POSITIVE_INFINITY;
    for (Map.Entry<Integer, Double> e : m.entrySet()) {
      if (e.getValue() < v) {
        v = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }
}
