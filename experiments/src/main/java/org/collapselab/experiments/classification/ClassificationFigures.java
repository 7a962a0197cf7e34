package org.collapselab.experiments.classification;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.ClassificationTheory;
import org.collapselab.classification.Loss;
import org.collapselab.classification.VerificationBreakdown;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.theory.TheoryException;

/** The panels of a classification study: theory lines, simulated means ± one standard error, reference lines. */
final class ClassificationFigures {
    private ClassificationFigures() {}

    static String nSeries(double q, double share) {
        return ClassificationStudy.fmt("Q = %s, p2 = %s", num(q), num(share));
    }

    static String flipSeries(double q) {
        return "Q = " + num(q);
    }

    static String verifierSeries(double[] v) {
        return ClassificationStudy.fmt("ϕ = %s, ψ = %s", num(v[0]), num(v[1]));
    }

    static String weightSeries(double a) {
        return "A = " + num(a);
    }

    static String caption(String figure) {
        return switch (figure) {
            case "n" ->
                "Real-test 0–1 error vs n for several flip rates Q and synthetic shares p2 (lines: theory; points: "
                        + "simulation mean ± standard error; grey: the Bayes error)";
            case "lambda" -> "Real-test 0–1 error vs λ for several flip rates (lines: theory; points: simulation)";
            default ->
                "Breakdown of verification: error vs the pool's flip rate p, synthetic rows only, for several "
                        + "verifiers (ϕ, ψ) (left), and with real rows beside the synthetic ones for several weights A (right); "
                        + "dashed-style thin lines: the n → ∞ limit (Bayes error below the transition, 1 − Bayes above)";
        };
    }

    /** One panel per loss (two for breakdown). */
    static List<LinePlot> panels(
            String figure,
            ClassificationStudy.Setting s,
            ClassificationStudy.Plan plan,
            List<ClassificationStudy.Point> points) {
        List<LinePlot> out = new ArrayList<>();
        for (String lossKey : plan.losses()) {
            Loss loss = Loss.parse(lossKey);
            List<ClassificationStudy.Point> mine = points.stream()
                    .filter(p -> p.cell().lossKey().equals(lossKey))
                    .toList();
            switch (figure) {
                case "n" -> out.add(nPanel(s, plan, loss, mine));
                case "lambda" -> out.add(lambdaPanel(s, plan, loss, mine));
                default -> {
                    out.add(verifierPanel(s, plan, loss, mine));
                    if (!plan.anchorWeights().isEmpty()) {
                        out.add(anchorPanel(s, plan, loss, mine));
                    }
                }
            }
        }
        return out;
    }

    private static LinePlot nPanel(
            ClassificationStudy.Setting s,
            ClassificationStudy.Plan plan,
            Loss loss,
            List<ClassificationStudy.Point> points) {
        List<PlotSeries> series = new ArrayList<>();
        double[] x = plan.ns().stream().mapToDouble(Long::doubleValue).toArray();
        int k = 0;
        int count = plan.flipRates().size() * plan.shares().size();
        for (double q : plan.flipRates()) {
            for (double share : plan.shares()) {
                Color c = ColorScales.sequential(k++, count);
                String name = nSeries(q, share);
                series.add(PlotSeries.line(
                        name,
                        x,
                        curve(
                                x,
                                v -> s.problem(
                                        loss,
                                        Math.round(v),
                                        share,
                                        q,
                                        s.lambda(),
                                        s.weight(),
                                        s.keepGood(),
                                        s.keepBad())),
                        c));
                simulated(series, points, "n", name, c);
            }
        }
        series.add(bayes(s, x));
        return new LinePlot(
                loss.key() + " loss: error vs n (d = " + s.d() + ", M = " + num(s.mu2()) + ", λ = " + num(s.lambda())
                        + ")",
                "n (rows before verification)",
                "real-test 0-1 error",
                true,
                false,
                series);
    }

    private static LinePlot lambdaPanel(
            ClassificationStudy.Setting s,
            ClassificationStudy.Plan plan,
            Loss loss,
            List<ClassificationStudy.Point> points) {
        List<PlotSeries> series = new ArrayList<>();
        double[] x = plan.lambdas().stream().mapToDouble(Double::doubleValue).toArray();
        int k = 0;
        for (double q : plan.flipRates()) {
            Color c = ColorScales.sequential(k++, plan.flipRates().size());
            String name = flipSeries(q);
            series.add(PlotSeries.line(
                    name,
                    x,
                    curve(
                            x,
                            v -> s.problem(
                                    loss,
                                    plan.lambdaN(),
                                    plan.lambdaShare(),
                                    q,
                                    v,
                                    s.weight(),
                                    s.keepGood(),
                                    s.keepBad())),
                    c));
            simulated(series, points, "lambda", name, c);
        }
        series.add(bayes(s, x));
        return new LinePlot(
                loss.key() + " loss: error vs λ (n = " + plan.lambdaN() + ", p2 = " + num(plan.lambdaShare()) + ")",
                "λ",
                "real-test 0-1 error",
                true,
                false,
                series);
    }

    private static LinePlot verifierPanel(
            ClassificationStudy.Setting s,
            ClassificationStudy.Plan plan,
            Loss loss,
            List<ClassificationStudy.Point> points) {
        List<PlotSeries> series = new ArrayList<>();
        double[] x = plan.poolRates().stream().mapToDouble(Double::doubleValue).toArray();
        int k = 0;
        for (double[] v : plan.verifiers()) {
            Color c = ColorScales.categorical(k++);
            String name = verifierSeries(v);
            DoubleFunction<ClassificationProblem> at =
                    p -> s.problem(loss, plan.breakdownN(), 1, p, s.lambda(), 1, v[0], v[1]);
            series.add(PlotSeries.line(name, x, curve(x, at), c));
            series.add(PlotSeries.line(name + ", n → ∞", x, limit(x, at), c.brighter()));
            double star = VerificationBreakdown.criticalFlipRate(v[0], v[1]);
            series.add(PlotSeries.markers(
                    "p* = " + ClassificationStudy.fmt("%.3f", star), new double[] {star}, new double[] {0.5}, null, c));
            simulated(series, points, "breakdown", name, c);
        }
        return new LinePlot(
                loss.key() + " loss: synthetic rows only (n = " + plan.breakdownN() + ")",
                "flip rate p of the synthetic pool",
                "real-test 0-1 error",
                false,
                false,
                series);
    }

    private static LinePlot anchorPanel(
            ClassificationStudy.Setting s,
            ClassificationStudy.Plan plan,
            Loss loss,
            List<ClassificationStudy.Point> points) {
        List<PlotSeries> series = new ArrayList<>();
        double[] x = plan.poolRates().stream().mapToDouble(Double::doubleValue).toArray();
        double share = 1 - plan.anchorShare();
        int k = 0;
        for (double a : plan.anchorWeights()) {
            Color c = ColorScales.categorical(k++);
            String name = weightSeries(a);
            DoubleFunction<ClassificationProblem> at =
                    p -> s.problem(loss, plan.breakdownN(), share, p, s.lambda(), a, 1, 1);
            series.add(PlotSeries.line(name, x, curve(x, at), c));
            series.add(PlotSeries.line(name + ", n → ∞", x, limit(x, at), c.brighter()));
            double t = VerificationBreakdown.threshold(plan.anchorShare(), a, share);
            series.add(PlotSeries.markers(
                    "transition " + ClassificationStudy.fmt("%.3f", t), new double[] {t}, new double[] {0.5}, null, c));
            simulated(series, points, "anchor", name, c);
        }
        return new LinePlot(
                loss.key() + " loss: " + num(plan.anchorShare()) + " real rows beside the pool (n = "
                        + plan.breakdownN() + ")",
                "flip rate p of the synthetic pool",
                "real-test 0-1 error",
                false,
                false,
                series);
    }

    private static double[] curve(double[] x, DoubleFunction<ClassificationProblem> at) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            try {
                y[i] = ClassificationTheory.predict(at.apply(x[i])).testError();
            } catch (TheoryException e) {
                y[i] = Double.NaN;
            }
        }
        return y;
    }

    private static double[] limit(double[] x, DoubleFunction<ClassificationProblem> at) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = VerificationBreakdown.limitError(at.apply(x[i]));
        }
        return y;
    }

    private static void simulated(
            List<PlotSeries> series, List<ClassificationStudy.Point> points, String figure, String name, Color c) {
        List<ClassificationStudy.Point> mine = points.stream()
                .filter(p ->
                        p.cell().figure().equals(figure) && p.cell().series().equals(name))
                .toList();
        if (!mine.isEmpty()) {
            series.add(PlotSeries.markers(
                    "simulation, " + name,
                    mine.stream().mapToDouble(p -> p.cell().x()).toArray(),
                    mine.stream().mapToDouble(ClassificationStudy.Point::mean).toArray(),
                    mine.stream().mapToDouble(ClassificationStudy.Point::stderr).toArray(),
                    c));
        }
    }

    private static PlotSeries bayes(ClassificationStudy.Setting s, double[] x) {
        double b = org.collapselab.classification.Gaussian.cdf(-Math.sqrt(s.mu2()));
        double lo = java.util.Arrays.stream(x).min().orElse(0);
        double hi = java.util.Arrays.stream(x).max().orElse(1);
        return PlotSeries.line("Bayes error Φ(−√M)", new double[] {lo, hi}, new double[] {b, b}, Color.GRAY);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
