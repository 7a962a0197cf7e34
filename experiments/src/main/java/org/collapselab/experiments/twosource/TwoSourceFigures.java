package org.collapselab.experiments.twosource;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.advice.Mitigation;
import org.collapselab.advice.Strategies;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.Problem;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.simulation.Simulator;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.stats.Summary;
import org.collapselab.theory.ScalarMinimum;

/**
 * The two figures of the two-source study, drawn from {@link Mitigation} and {@link Strategies}: (1) the paper's weighted
 * mixing, error vs α for several n, theory lines with α* marked and simulation points (mean ± std over runs); (2) the
 * practitioner's strategies, predicted error vs n.
 */
public final class TwoSourceFigures {
    private TwoSourceFigures() {}

    /**
     * The setting of the figures: Σ1 (and Σ2, null = same), share p2, quality c², noises, penalty λ; the model is ridge
     * for width 0, else random projections of that width.
     */
    public record Setting(
            Spectrum real,
            Spectrum synthetic,
            double p2,
            double c2,
            double sigma1,
            double sigma2,
            double lambda,
            long width) {
        /** A ridge setting. */
        public Setting(
                Spectrum real, Spectrum synthetic, double p2, double c2, double sigma1, double sigma2, double lambda) {
            this(real, synthetic, p2, c2, sigma1, sigma2, lambda, 0);
        }

        /** True for random projections. */
        public boolean sketched() {
            return width > 0;
        }
    }

    /** The problem of the α-weighted mix at n (weights (1−α)/p1, α/p2 as A and a rescaled λ). */
    public static Problem weightedProblem(Setting s, long n, double alpha) {
        long n2 = Math.round(s.p2() * n);
        double q1 = (double) (n - n2) / n;
        double q2 = (double) n2 / n;
        double penalty = s.lambda() * q1 / (1 - alpha);
        Problem base = s.sketched()
                ? Problem.randomProjection(s.real(), n, s.width(), s.p2(), s.c2(), s.sigma1(), penalty)
                : Problem.ridge(s.real(), n, s.p2(), s.c2(), s.sigma1(), penalty);
        return base.withSources(s.synthetic(), s.sigma2(), Mitigation.relativeWeight(alpha, q1, q2), Estimator.MIX);
    }

    /**
     * A simulated point of the α figure: the test error over runs (mean, sd, runs) beside the theory.
     *
     * @param n rows
     * @param alpha weight share of the synthetic rows
     * @param sim the simulated test errors' summary
     * @param theory the exact two-source theory's test error
     */
    public record SimPoint(long n, double alpha, Summary sim, double theory) {
        /** (simulated mean − theory) / standard error. */
        public double z() {
            return (sim.mean() - theory) / sim.stderr();
        }
    }

    /** Simulates the α-weighted mix at (n, α). */
    public static SimPoint simulate(Setting s, long n, double alpha, int runs, long seed, int threads) {
        Problem p = weightedProblem(s, n, alpha);
        SimulationResult r = Simulator.simulate(p, runs, seed, threads);
        double theory = Mitigation.exact(
                        s.real(),
                        s.synthetic(),
                        n,
                        s.p2(),
                        s.c2(),
                        s.sigma1(),
                        s.sigma2(),
                        s.lambda(),
                        alpha,
                        s.width())
                .testError();
        return new SimPoint(n, alpha, r.summary(), theory);
    }

    /** Error vs α: a theory line per n over {@code alphas}, α* as a marker on each line, and the simulated points. */
    public static LinePlot alphaPanel(Setting s, long[] ns, double[] alphas, List<SimPoint> points) {
        List<PlotSeries> series = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            long n = ns[i];
            var colour = ColorScales.sequential(i, ns.length);
            double[] e = Mitigation.curve(
                    s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), s.lambda(), alphas, s.width());
            series.add(PlotSeries.line("n = " + n, alphas, e, colour));
            ScalarMinimum.Min star = Mitigation.optimalAlpha(
                    s.real(), s.synthetic(), n, s.p2(), s.c2(), s.sigma1(), s.sigma2(), s.lambda(), s.width());
            series.add(PlotSeries.markers(
                    String.format("α* = %.3f (n = %d)", star.x(), n),
                    new double[] {star.x()},
                    new double[] {star.value()},
                    null,
                    colour));
            List<SimPoint> mine = points.stream().filter(q -> q.n() == n).toList();
            if (!mine.isEmpty()) {
                series.add(PlotSeries.markers(
                        "simulation, n = " + n,
                        mine.stream().mapToDouble(SimPoint::alpha).toArray(),
                        mine.stream().mapToDouble(q -> q.sim().mean()).toArray(),
                        mine.stream().mapToDouble(q -> q.sim().sd()).toArray(),
                        colour));
            }
        }
        return new LinePlot(
                "Weighted mixing: error vs α (" + (s.sketched() ? "rp m = " + s.width() + ", " : "") + "c² = " + s.c2()
                        + ", p2 = " + s.p2() + ")",
                "α (weight share of synthetic rows)",
                "test error ‖ŵ − w1‖²_Σ1",
                false,
                true,
                series);
    }

    /** Predicted error vs n of the five strategies of {@link Strategies} (ridge). */
    public static LinePlot strategiesPanel(Setting s, long[] ns) {
        double[] x = new double[ns.length];
        double[][] y = new double[5][ns.length];
        for (int i = 0; i < ns.length; i++) {
            Strategies.Point p = Strategies.at(s.real(), s.synthetic(), ns[i], s.p2(), s.c2(), s.sigma1(), s.sigma2());
            x[i] = ns[i];
            y[0][i] = p.realOnly();
            y[1][i] = p.naiveMix();
            y[2][i] = p.weightedMix();
            y[3][i] = p.prior();
            y[4][i] = p.bestSubset();
        }
        String[] names = {
            "real only", "naive mix (A = 1)", "optimally weighted mix", "prior (toward w2)", "best subset (A = 1)"
        };
        List<PlotSeries> series = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            series.add(PlotSeries.line(names[k], x, y[k], ColorScales.categorical(k)));
        }
        return new LinePlot(
                "Strategies by theory (λ tuned; c² = " + s.c2() + ", p2 = " + s.p2() + ")",
                "n (total rows)",
                "predicted test error",
                true,
                true,
                series);
    }
}
