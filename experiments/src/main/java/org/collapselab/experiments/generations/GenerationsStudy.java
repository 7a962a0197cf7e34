package org.collapselab.experiments.generations;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.experiments.report.Claim;
import org.collapselab.problem.Generations;
import org.collapselab.problem.Problem;
import org.collapselab.problem.Schedule;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.theory.GenerationsTheory;
import org.collapselab.theory.Theory;

/**
 * The generations study (issue 10): its cells, figures and claims. Figures: error vs generation per schedule
 * (theory lines, simulation markers ± {@link GenerationsClaims#Z} standard errors) for several (p2, r, λ); iterative
 * mixing vs the real half alone (the paper's Fig. 10); vanishing real data E_0 + t·E; the stable/unstable boundary
 * in (d/n, p2). Claims: {@link GenerationsClaims}. Schedules and fresh-real share have the semantics of
 * {@link Generations}, so a neural family can reuse {@link Settings} for its own loops.
 *
 * @see GenerationsClaims
 */
public final class GenerationsStudy {
  private static final Color[] SCHEDULE_COLORS = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x229954)};

  /** Generations of the two threshold loops: enough for the stable one (rho ≈ 0.63) to settle. */
  static final int THRESHOLD_GENERATIONS = 20;

  private GenerationsStudy() {}

  /**
   * Sizes of one run of the study.
   *
   * @param d dimension of the schedule panels (OLS needs n &gt; d + 1)
   * @param n rows per generation
   * @param generations K
   * @param runs simulated loops per curve
   * @param seed base seed (run r of a curve: seeded from (seed, r))
   * @param boundaryRows n of the (d/n, p2) boundary figure (theory only)
   */
  public record Settings(int d, long n, int generations, int runs, long seed, long boundaryRows) {
    /** {@code quick}: K = 8, 60 runs; full: K = 20, 200 runs; both d = 50, n = 200, seed 2026, boundary n = 1000. */
    public static Settings of(boolean quick) {
      return quick ? new Settings(50, 200, 8, 60, 2026, 1000) : new Settings(50, 200, 20, 200, 2026, 1000);
    }
  }

  /** What one run produced. */
  public record Outcome(List<Claim> claims, List<Path> figures, List<GenerationsCurve> curves) {
  }

  /** Runs every curve, writes the figures under {@code dir} and judges the claims. */
  public static Outcome run(Settings s, Path dir, int threads) throws IOException {
    List<Path> figures = new ArrayList<>();
    List<GenerationsCurve> all = new ArrayList<>();
    double sigma = 0.5;
    // 1. Error vs generation per schedule, three panels (p2 of generation 0, fresh-real r, λ, spectrum).
    String[][] panels = {{"0.5", "0", "0", "iso"}, {"0.5", "0.5", "0", "iso"}, {"0.2", "0.2", "0.05", "power:1.0"}};
    List<LinePlot> schedulePanels = new ArrayList<>();
    List<List<GenerationsCurve>> byPanel = new ArrayList<>();
    for (String[] panel : panels) {
      Spectrum spectrum = panel[3].equals("iso") ? Spectrum.isotropic(s.d()) : Spectrum.powerLaw(s.d(), 1.0);
      Problem base = Problem.ridge(spectrum, s.n(), Double.parseDouble(panel[0]), 1.0, sigma,
          Double.parseDouble(panel[2]));
      List<GenerationsCurve> curves = new ArrayList<>();
      for (Schedule schedule : Schedule.values()) {
        Problem p = base.withGenerations(new Generations(s.generations(), schedule, Double.parseDouble(panel[1])));
        curves.add(GenerationsCurve.compute(schedule.key(), p, s.runs(), s.seed(), threads));
      }
      byPanel.add(curves);
      all.addAll(curves);
      schedulePanels.add(panel(String.format("p2=%s r=%s λ=%s %s", panel[0], panel[1], panel[2], panel[3]), curves,
          null));
    }
    figures.addAll(FigureWriter.write(dir, "generations-schedules", schedulePanels));
    List<GenerationsCurve> ols = byPanel.get(0);

    // 2. Iterative mixing (r = ½, generation 0 half synthetic) vs the real half alone.
    Problem half = Problem.ridge(Spectrum.isotropic(s.d()), s.n() / 2, 0, 0, sigma, 0);
    double halfTheory = Theory.predict(half).testError();
    SimulationResult halfSim = Simulator.simulate(half, s.runs(), s.seed(), threads);
    GenerationsCurve mixing = byPanel.get(1).get(0);
    figures.addAll(FigureWriter.write(dir, "generations-mixing", List.of(panel("iterative mixing (r = 0.5) vs real half",
        List.of(mixing), constant("real half alone (n/2 real rows)", halfTheory, s.generations())))));

    // 3. Vanishing real data: replace, r = 0, with the line E_0 + t·E (E = one clean fit's error).
    GenerationsCurve replace = ols.get(0);
    double cleanError = Theory.predict(Problem.ridge(Spectrum.isotropic(s.d()), s.n(), 0, 0, sigma, 0)).testError();
    double[] line = new double[s.generations() + 1];
    for (int t = 0; t <= s.generations(); t++) {
      line[t] = replace.theory()[0] + t * cleanError;
    }
    figures.addAll(FigureWriter.write(dir, "generations-vanishing-real", List.of(panel(
        "vanishing real data: E_t ≈ E_0 + t·E", List.of(replace), PlotSeries.line("E_0 + t·E", ks(s.generations()),
            line, Color.GRAY)))));

    // 4. Stable/unstable boundary in (d/n, p2), and simulated loops on both sides of it at p2 = ½.
    figures.addAll(FigureWriter.write(dir, "generations-boundary", List.of(boundary(s.boundaryRows()))));
    Problem edge = Problem.ridge(Spectrum.isotropic(1), s.n(), 0.5, 0, sigma, 0);
    GenerationsCurve below = thresholdCurve(edge, (int) Math.round(0.6 * s.n()), s, threads);
    GenerationsCurve above = thresholdCurve(edge, (int) Math.round(0.85 * s.n()), s, threads);
    all.add(mixing);
    all.add(below);
    all.add(above);

    List<Claim> claims = List.of(
        GenerationsClaims.replaceGrowsLinearly(replace),
        GenerationsClaims.accumulateStaysBounded(ols.get(1)),
        GenerationsClaims.fixedBudget(ols.get(0), ols.get(1), ols.get(2)),
        GenerationsClaims.mixingWorseThanRealHalf(mixing, halfSim, halfTheory),
        GenerationsClaims.divergenceThreshold(below, above));
    return new Outcome(claims, figures, all);
  }

  private static GenerationsCurve thresholdCurve(Problem edge, int d, Settings s, int threads) {
    Problem p = new Problem(edge.model(), Spectrum.isotropic(d), null, edge.n(), 0, 0.5, 0, edge.sigma(), 0)
        .withGenerations(new Generations(Math.max(s.generations(), THRESHOLD_GENERATIONS), Schedule.REPLACE, 0.5));
    return GenerationsCurve.compute("d/n = " + (double) d / edge.n(), p, s.runs(), s.seed(), threads);
  }

  /** Critical synthetic share p2* against d/n for OLS (closed form) and ridge penalties (recursion), iso, n rows. */
  static LinePlot boundary(long n) {
    double[] phi = new double[28];
    for (int i = 0; i < phi.length; i++) {
      phi[i] = 0.52 + 0.035 * i;
    }
    List<PlotSeries> series = new ArrayList<>();
    double[] closed = new double[phi.length];
    for (int i = 0; i < phi.length; i++) {
      closed[i] = phi[i] <= 2.0 / 3 ? 1 : Math.min(1, (1 - phi[i]) / (2 * phi[i] - 1));
    }
    series.add(PlotSeries.line("OLS closed form (1−φ)/(2φ−1)", phi, closed, Color.BLACK));
    double[] lambdas = {0, 0.01, 0.1};
    for (int j = 0; j < lambdas.length; j++) {
      double[] crit = new double[phi.length];
      for (int i = 0; i < phi.length; i++) {
        int d = (int) Math.round(phi[i] * n);
        crit[i] = d == n ? Double.NaN : GenerationsTheory.criticalSyntheticShare(
            Problem.ridge(Spectrum.isotropic(d), n, 0, 0, 1, lambdas[j]));
      }
      series.add(PlotSeries.markers("recursion, λ = " + lambdas[j], phi, crit, null, SCHEDULE_COLORS[j]));
    }
    return new LinePlot("stable below each curve: critical synthetic share", "d/n", "p2*", false, false, series);
  }

  private static LinePlot panel(String title, List<GenerationsCurve> curves, PlotSeries extra) {
    List<PlotSeries> series = new ArrayList<>();
    for (int i = 0; i < curves.size(); i++) {
      GenerationsCurve c = curves.get(i);
      Color color = SCHEDULE_COLORS[i % SCHEDULE_COLORS.length];
      double[] x = ks(c.count());
      boolean theory = java.util.Arrays.stream(c.theory()).anyMatch(Double::isFinite);
      if (theory) {
        series.add(PlotSeries.line(c.label() + " theory", x, c.theory(), color));
      }
      if (c.simulation() != null) {
        series.add(PlotSeries.markers(c.label() + (theory ? " simulation" : " simulation (no theory)")
            + " ± 1.96 se", x, c.simulated(false, 0), c.simulated(true, GenerationsClaims.Z), color));
      }
    }
    if (extra != null) {
      series.add(extra);
    }
    return new LinePlot(title, "generation", "test error ‖ŵ_k − w1‖²_Σ", false, false, series);
  }

  private static PlotSeries constant(String name, double value, int k) {
    double[] y = new double[k + 1];
    java.util.Arrays.fill(y, value);
    return PlotSeries.line(name, ks(k), y, Color.GRAY);
  }

  private static double[] ks(int k) {
    double[] x = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      x[i] = i;
    }
    return x;
  }
}
