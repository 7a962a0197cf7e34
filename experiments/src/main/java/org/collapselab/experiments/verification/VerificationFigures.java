package org.collapselab.experiments.verification;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.TheoryException;

/** The figures of the verification study, by theory ({@link SyntheticPoolTheory}) with simulated points. */
final class VerificationFigures {
    private VerificationFigures() {}

    /** Predicted error of a point (NaN where undefined). */
    static double theory(PoolSpec s) {
        try {
            return SyntheticPoolTheory.predict(s.problem()).testError();
        } catch (TheoryException e) {
            return Double.NaN;
        }
    }

    /** Real rows alone (no pool). */
    static double realOnly(PoolSpec s) {
        return theory(s.withPool(0).withKeep(1, 1));
    }

    /** The strong-collapse plateau (p2,eff)²c², p2,eff = nbψ/(n1 + ngϕ + nbψ) at the point's expected counts. */
    static double plateau(PoolSpec s) {
        double nb = Math.round(s.badShare() * s.pool());
        double ng = s.pool() - nb;
        double kept = s.n1() + ng * s.keepGood() + nb * s.keepBad();
        double p = kept == 0 ? 0 : nb * s.keepBad() / kept;
        return p * p * s.c2();
    }

    /** Error vs ψ at one pool size: a theory line and the plateau per ϕ, real only, simulated points ± 1.96 se. */
    static LinePlot keepPanel(
            PoolSpec base, long pool, List<Double> keepGood, List<Double> keepBad, List<PoolCell.Point> points) {
        List<PlotSeries> series = new ArrayList<>();
        double[] x = keepBad.stream().mapToDouble(Double::doubleValue).toArray();
        PoolSpec at = base.withPool(pool);
        for (int i = 0; i < keepGood.size(); i++) {
            double phi = keepGood.get(i);
            Color c = ColorScales.categorical(i);
            double[] e = new double[x.length];
            double[] plateau = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                e[j] = theory(at.withKeep(phi, x[j]));
                plateau[j] = plateau(at.withKeep(phi, x[j]));
            }
            series.add(PlotSeries.line(fmt("theory ϕ=%.2f", phi), x, e, c));
            series.add(PlotSeries.line(fmt("plateau (p2,eff)²c², ϕ=%.2f", phi), x, plateau, pale(c)));
            List<PoolCell.Point> mine = points.stream()
                    .filter(p -> p.spec().pool() == pool && p.spec().keepGood() == phi)
                    .sorted(java.util.Comparator.comparingDouble(p -> p.spec().keepBad()))
                    .toList();
            if (!mine.isEmpty()) {
                series.add(PlotSeries.markers(
                        fmt("simulation ϕ=%.2f", phi),
                        mine.stream().mapToDouble(p -> p.spec().keepBad()).toArray(),
                        mine.stream().mapToDouble(PoolCell.Point::mean).toArray(),
                        mine.stream().mapToDouble(p -> 1.96 * p.stderr()).toArray(),
                        c));
            }
        }
        double real = realOnly(at);
        series.add(PlotSeries.line(
                "real rows only", new double[] {x[0], x[x.length - 1]}, new double[] {real, real}, Color.BLACK));
        return new LinePlot(
                fmt("pool N = %d, n1 = %d, π = %.2f", pool, base.n1(), base.badShare()),
                "ψ (probability a bad row is kept)",
                "test error E",
                false,
                true,
                series);
    }

    /** Error vs pool size N for no verifier, a weak and a strong one, with real only. */
    static LinePlot sizePanel(PoolSpec base, List<Long> pools, double[] weak, double[] strong) {
        double[] x = pools.stream().mapToDouble(Long::doubleValue).toArray();
        List<PlotSeries> series = new ArrayList<>();
        Object[][] curves = {
            {"no verifier (ϕ = ψ = 1)", new double[] {1, 1}, Color.GRAY},
            {fmt("weak verifier ϕ=%.2f ψ=%.2f", weak[0], weak[1]), weak, ColorScales.sequential(1, 3)},
            {fmt("strong verifier ϕ=%.2f ψ=%.2f", strong[0], strong[1]), strong, ColorScales.sequential(2, 3)}
        };
        for (Object[] c : curves) {
            double[] v = (double[]) c[1];
            double[] e = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                e[i] = theory(base.withPool(pools.get(i)).withKeep(v[0], v[1]));
            }
            series.add(PlotSeries.line((String) c[0], x, e, (Color) c[2]));
        }
        double real = realOnly(base);
        series.add(PlotSeries.line(
                "real rows only", new double[] {x[0], x[x.length - 1]}, new double[] {real, real}, Color.BLACK));
        return new LinePlot(
                fmt("error vs pool size, n1 = %d, π = %.2f, c² = %.2f", base.n1(), base.badShare(), base.c2()),
                "synthetic rows generated N",
                "test error E",
                true,
                true,
                series);
    }

    /** A colour mixed halfway with white (the plateau of the curve of that colour). */
    static Color pale(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
