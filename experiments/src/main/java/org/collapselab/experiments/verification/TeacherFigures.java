package org.collapselab.experiments.verification;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.figures.ColorScales;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.figures.PlotSeries;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.TheoryException;

/** The figures of the teacher study, by theory ({@link SyntheticPoolTheory}) with simulated points. */
final class TeacherFigures {
    private TeacherFigures() {}

    /** Student and teacher predicted errors {student, teacher} (NaN where undefined). */
    static double[] theory(PoolSpec s) {
        try {
            SyntheticPoolTheory.Prediction p = SyntheticPoolTheory.predictAll(s.problem());
            return new double[] {p.student().testError(), p.teacher().testError()};
        } catch (TheoryException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The student on its real rows alone. */
    static double realOnly(PoolSpec s) {
        return VerificationFigures.theory(s.withTeacher("none").withPool(0));
    }

    /** Student (solid) and teacher (pale) error vs NS per LAMS, simulated points ± 1.96 se, real only. */
    static LinePlot errorsPanel(
            PoolSpec base, long width, List<Long> rows, List<Double> lambdas, List<PoolCell.Point> points) {
        double[] x = rows.stream().mapToDouble(Long::doubleValue).toArray();
        List<PlotSeries> series = new ArrayList<>();
        for (int i = 0; i < lambdas.size(); i++) {
            double lams = lambdas.get(i);
            Color c = ColorScales.categorical(i);
            double[] student = new double[x.length];
            double[] teacher = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double[] t = theory(base.withTeacher(TeacherFamily.teacher(width, rows.get(j), lams)));
                student[j] = t[0];
                teacher[j] = t[1];
            }
            series.add(PlotSeries.line(VerificationFigures.fmt("student, LAMS=%s", lams), x, student, c));
            series.add(PlotSeries.line(
                    VerificationFigures.fmt("teacher, LAMS=%s", lams), x, teacher, VerificationFigures.pale(c)));
            List<PoolCell.Point> mine = mine(points, lams);
            if (!mine.isEmpty()) {
                series.add(PlotSeries.markers(
                        VerificationFigures.fmt("simulated student, LAMS=%s", lams),
                        rows(mine),
                        mine.stream().mapToDouble(PoolCell.Point::mean).toArray(),
                        mine.stream().mapToDouble(p -> 1.96 * p.stderr()).toArray(),
                        c));
                series.add(PlotSeries.markers(
                        VerificationFigures.fmt("simulated teacher, LAMS=%s", lams),
                        rows(mine),
                        mine.stream()
                                .mapToDouble(p -> p.result().get("teacherMean").asDouble())
                                .toArray(),
                        mine.stream()
                                .mapToDouble(p ->
                                        1.96 * p.result().get("teacherStderr").asDouble())
                                .toArray(),
                        VerificationFigures.pale(c)));
            }
        }
        double real = realOnly(base);
        series.add(PlotSeries.line(
                "student on its real rows only",
                new double[] {x[0], x[x.length - 1]},
                new double[] {real, real},
                Color.BLACK));
        return new LinePlot(
                VerificationFigures.fmt(
                        "n1 = %d real + %d teacher-labelled rows, λ = %s", base.n1(), base.pool(), base.lambda()),
                "teacher's rows NS",
                "test error E",
                true,
                true,
                series);
    }

    /** Student/teacher ratio vs NS per LAMS: below 1 the student beats its teacher. */
    static LinePlot ratioPanel(
            PoolSpec base, long width, List<Long> rows, List<Double> lambdas, List<PoolCell.Point> points) {
        double[] x = rows.stream().mapToDouble(Long::doubleValue).toArray();
        List<PlotSeries> series = new ArrayList<>();
        for (int i = 0; i < lambdas.size(); i++) {
            double lams = lambdas.get(i);
            Color c = ColorScales.categorical(i);
            double[] ratio = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double[] t = theory(base.withTeacher(TeacherFamily.teacher(width, rows.get(j), lams)));
                ratio[j] = t[0] / t[1];
            }
            series.add(PlotSeries.line(VerificationFigures.fmt("theory, LAMS=%s", lams), x, ratio, c));
            List<PoolCell.Point> mine = mine(points, lams);
            if (!mine.isEmpty()) {
                double[] y = new double[mine.size()];
                double[] err = new double[mine.size()];
                for (int k = 0; k < y.length; k++) {
                    PoolCell.Point p = mine.get(k);
                    double t = p.result().get("teacherMean").asDouble();
                    y[k] = p.mean() / t;
                    err[k] = 1.96
                            * Math.abs(p.result().get("diffStderr").asDouble() / t); // paired, relative to the teacher
                }
                series.add(PlotSeries.markers(
                        VerificationFigures.fmt("simulation, LAMS=%s", lams), rows(mine), y, err, c));
            }
        }
        series.add(PlotSeries.line(
                "student = teacher", new double[] {x[0], x[x.length - 1]}, new double[] {1, 1}, Color.BLACK));
        return new LinePlot(
                "weak-to-strong: student error / teacher error",
                "teacher's rows NS",
                "E_student / E_teacher",
                true,
                false,
                series);
    }

    /**
     * Exponents: teacher on n real rows and the student trained on n rows it labelled (no real rows), both at penalty
     * the base's λ, on its spectrum and dimension; least-squares slopes in log-log over the upper half of the grid.
     */
    static double[][] exponentCurves(PoolSpec base, long width, List<Long> ns) {
        double lambda = base.lambda();
        double[][] out = new double[2][ns.size()];
        for (int i = 0; i < ns.size(); i++) {
            long n = ns.get(i);
            PoolSpec s = new PoolSpec(
                    base.d(),
                    base.spectrum(),
                    0,
                    n,
                    0,
                    base.sigma(),
                    lambda,
                    1,
                    1,
                    1,
                    TeacherFamily.teacher(width, n, lambda));
            double[] t = theory(s);
            out[0][i] = t[0];
            out[1][i] = t[1];
        }
        return out;
    }

    /** The log-log slope of y over the upper half of x. */
    static double slope(List<Long> x, double[] y) {
        int from = x.size() / 2;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int k = 0;
        for (int i = from; i < x.size(); i++) {
            double a = Math.log(x.get(i));
            double b = Math.log(y[i]);
            sx += a;
            sy += b;
            sxx += a * a;
            sxy += a * b;
            k++;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    static LinePlot exponentPanel(PoolSpec base, long width, List<Long> ns) {
        double[][] e = exponentCurves(base, width, ns);
        double[] x = ns.stream().mapToDouble(Long::doubleValue).toArray();
        return new LinePlot(
                VerificationFigures.fmt(
                        "d = %d, Σ %s: teacher on n real rows, student on n teacher-labelled " + "rows, λ = %s",
                        base.d(), base.spectrum(), base.lambda()),
                "rows n",
                "test error E",
                true,
                true,
                List.of(
                        PlotSeries.line(
                                VerificationFigures.fmt("teacher (slope %.3f)", slope(ns, e[1])),
                                x,
                                e[1],
                                ColorScales.categorical(0)),
                        PlotSeries.line(
                                VerificationFigures.fmt("student (slope %.3f)", slope(ns, e[0])),
                                x,
                                e[0],
                                ColorScales.categorical(1))));
    }

    private static List<PoolCell.Point> mine(List<PoolCell.Point> points, double lams) {
        return points.stream()
                .filter(p -> teacherLambda(p.spec()) == lams)
                .sorted(java.util.Comparator.comparingLong(p -> teacherRows(p.spec())))
                .toList();
    }

    private static double[] rows(List<PoolCell.Point> points) {
        return points.stream().mapToDouble(p -> teacherRows(p.spec())).toArray();
    }

    static long teacherRows(PoolSpec s) {
        return org.collapselab.problem.SyntheticTeacher.parse(s.teacher()).rows();
    }

    static double teacherLambda(PoolSpec s) {
        return org.collapselab.problem.SyntheticTeacher.parse(s.teacher()).lambda();
    }
}
