package org.collapselab.experiments.generations;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The generations study: its cells, figures and claims. Figures: error vs generation per schedule
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
    public record Outcome(List<Claim> claims, List<Path> figures, List<GenerationsCurve> curves) {}

    /** One loop of the study: an id (stable across runs: it names the stored cell), a legend label and the problem. */
    public record CurveSpec(String id, String label, Problem problem) implements java.io.Serializable {}

    /** Panels of the schedule figure: p2 of generation 0, fresh-real r, λ, spectrum. Panel 0 feeds the OLS claims. */
    private static final String[][] PANELS = {
        {"0.5", "0", "0", "iso"}, {"0.5", "0.5", "0", "iso"}, {"0.2", "0.2", "0.05", "power:1.0"}
    };

    private static final double SIGMA = 0.5;

    /**
     * Every loop of the study: {@code panelI-SCHEDULE} for each panel and schedule (panel 1's replace loop is the
     * iterative mixing of the paper's Fig. 10), and {@code below}/{@code above}: OLS loops at p2 = ½ with
     * d/n = 0.6 and 0.85, on both sides of the threshold 0.75.
     */
    public static List<CurveSpec> specs(Settings s) {
        List<CurveSpec> out = new ArrayList<>();
        for (int i = 0; i < PANELS.length; i++) {
            String[] panel = PANELS[i];
            Spectrum spectrum = panel[3].equals("iso") ? Spectrum.isotropic(s.d()) : Spectrum.powerLaw(s.d(), 1.0);
            Problem base = Problem.ridge(
                    spectrum, s.n(), Double.parseDouble(panel[0]), 1.0, SIGMA, Double.parseDouble(panel[2]));
            for (Schedule schedule : Schedule.values()) {
                out.add(new CurveSpec(
                        "panel" + i + "-" + schedule.key(),
                        schedule.key(),
                        base.withGenerations(
                                new Generations(s.generations(), schedule, Double.parseDouble(panel[1])))));
            }
        }
        for (String side : new String[] {"below", "above"}) {
            int d = (int) Math.round((side.equals("below") ? 0.6 : 0.85) * s.n());
            Problem p = Problem.ridge(Spectrum.isotropic(d), s.n(), 0.5, 0, SIGMA, 0)
                    .withGenerations(
                            new Generations(Math.max(s.generations(), THRESHOLD_GENERATIONS), Schedule.REPLACE, 0.5));
            out.add(new CurveSpec(side, "d/n = " + (double) d / s.n(), p));
        }
        return out;
    }

    /** The real half alone: one fit on n/2 real rows (the comparison of the paper's Fig. 10). */
    public static Problem realHalf(Settings s) {
        return Problem.ridge(Spectrum.isotropic(s.d()), s.n() / 2, 0, 0, SIGMA, 0);
    }

    /** Computes every loop and the real half, then {@link #report}. */
    public static Outcome run(Settings s, Path dir, int threads) throws IOException {
        Map<String, GenerationsCurve> curves = new LinkedHashMap<>();
        for (CurveSpec c : specs(s)) {
            curves.put(c.id(), GenerationsCurve.compute(c.label(), c.problem(), s.runs(), s.seed(), threads));
        }
        return report(s, curves, Simulator.simulate(realHalf(s), s.runs(), s.seed(), threads), dir, true);
    }

    /**
     * The claims, and (when {@code draw}) the figures under {@code dir}, from the loops of {@link #specs} (by id) and
     * the real half. Without figures the boundary's theory is not computed at all.
     */
    public static Outcome report(
            Settings s, Map<String, GenerationsCurve> curves, SimulationResult halfSim, Path dir, boolean draw)
            throws IOException {
        GenerationsCurve replace = curves.get("panel0-replace");
        GenerationsCurve mixing = curves.get("panel1-replace");
        double halfTheory = Theory.predict(realHalf(s)).testError();
        List<Path> figures = draw ? figures(s, curves, halfTheory, dir) : List.of();
        List<Claim> claims = List.of(
                GenerationsClaims.replaceGrowsLinearly(replace),
                GenerationsClaims.accumulateStaysBounded(curves.get("panel0-accumulate")),
                GenerationsClaims.fixedBudget(
                        replace, curves.get("panel0-accumulate"), curves.get("panel0-accumulate-subsample")),
                GenerationsClaims.mixingWorseThanRealHalf(mixing, halfSim, halfTheory),
                GenerationsClaims.divergenceThreshold(curves.get("below"), curves.get("above")));
        return new Outcome(claims, figures, List.copyOf(curves.values()));
    }

    private static List<Path> figures(Settings s, Map<String, GenerationsCurve> curves, double halfTheory, Path dir)
            throws IOException {
        List<Path> figures = new ArrayList<>();
        List<LinePlot> schedulePanels = new ArrayList<>();
        for (int i = 0; i < PANELS.length; i++) {
            List<GenerationsCurve> panel = new ArrayList<>();
            for (Schedule schedule : Schedule.values()) {
                panel.add(curves.get("panel" + i + "-" + schedule.key()));
            }
            schedulePanels.add(panel(
                    String.format("p2=%s r=%s λ=%s %s", PANELS[i][0], PANELS[i][1], PANELS[i][2], PANELS[i][3]),
                    panel,
                    null));
        }
        figures.addAll(FigureWriter.write(dir, "generations-schedules", schedulePanels));
        GenerationsCurve replace = curves.get("panel0-replace");
        GenerationsCurve mixing = curves.get("panel1-replace");
        figures.addAll(FigureWriter.write(
                dir,
                "generations-mixing",
                List.of(panel(
                        "iterative mixing (r = 0.5) vs real half",
                        List.of(mixing),
                        constant("real half alone (n/2 real rows)", halfTheory, mixing.count())))));
        // Vanishing real data: replace, r = 0, with the line E_0 + t·E (E = one clean fit's error).
        double cleanError = Theory.predict(Problem.ridge(Spectrum.isotropic(s.d()), s.n(), 0, 0, SIGMA, 0))
                .testError();
        double[] line = new double[replace.count() + 1];
        for (int t = 0; t < line.length; t++) {
            line[t] = replace.theory()[0] + t * cleanError;
        }
        figures.addAll(FigureWriter.write(
                dir,
                "generations-vanishing-real",
                List.of(panel(
                        "vanishing real data: E_t ≈ E_0 + t·E",
                        List.of(replace),
                        PlotSeries.line("E_0 + t·E", ks(replace.count()), line, Color.GRAY)))));
        figures.addAll(FigureWriter.write(dir, "generations-boundary", List.of(boundary(s.boundaryRows()))));
        return figures;
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
            closed[i] =
                    phi[i] >= 1 ? Double.NaN : phi[i] <= 2.0 / 3 ? 1 : (1 - phi[i]) / (2 * phi[i] - 1); // OLS: d < n
        }
        series.add(PlotSeries.line("OLS closed form (1−φ)/(2φ−1)", phi, closed, Color.BLACK));
        double[] lambdas = {0, 1e-4, 1e-3};
        for (int j = 0; j < lambdas.length; j++) {
            double[] crit = new double[phi.length];
            for (int i = 0; i < phi.length; i++) {
                int d = (int) Math.round(phi[i] * n);
                crit[i] = d == n
                        ? Double.NaN
                        : GenerationsTheory.criticalSyntheticShare(
                                Problem.ridge(Spectrum.isotropic(d), n, 0, 0, 1, lambdas[j]));
            }
            series.add(PlotSeries.markers("recursion, λ = " + lambdas[j], phi, crit, null, SCHEDULE_COLORS[j]));
        }
        return new LinePlot("fresh-real loop: smallest unstable synthetic share", "d/n", "p2*", false, false, series);
    }

    private static LinePlot panel(String title, List<GenerationsCurve> curves, PlotSeries extra) {
        List<PlotSeries> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            GenerationsCurve c = curves.get(i);
            Color color = SCHEDULE_COLORS[i % SCHEDULE_COLORS.length];
            double[] x = ks(c.count());
            boolean theory = java.util.Arrays.stream(c.theory()).anyMatch(Double::isFinite);
            if (theory) {
                series.add(PlotSeries.line(
                        c.label() + (c.approximateTheory() ? " theory (approximate)" : " theory"),
                        x,
                        c.theory(),
                        color));
            }
            if (c.simulation() != null) {
                series.add(PlotSeries.markers(
                        c.label() + (theory ? " simulation" : " simulation (no theory)") + " ± 1.96 se",
                        x,
                        c.simulated(false, 0),
                        c.simulated(true, GenerationsClaims.Z),
                        color));
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
