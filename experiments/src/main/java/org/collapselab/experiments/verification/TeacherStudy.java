package org.collapselab.experiments.verification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/** A {@code kind: teacher} study: see {@link TeacherFamily}. */
record TeacherStudy(
        String name,
        PoolSpec base,
        long width,
        List<Long> rows,
        List<Double> lambdas,
        PoolSpec exponentBase,
        List<Long> exponentNs,
        List<CellJob> cells)
        implements Study {

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        List<PoolCell.Point> points = VerificationStudy.points(results);
        List<Claim> claims = new ArrayList<>();
        if (!points.isEmpty()) {
            claims.add(TeacherClaims.agreement(points));
            claims.add(TeacherClaims.randomShiftMisses(points, Collections.max(lambdas)));
            claims.add(TeacherClaims.weakToStrong(points));
        }
        double[][] e = TeacherFigures.exponentCurves(exponentBase, width, exponentNs);
        claims.add(TeacherClaims.exponent(
                TeacherFigures.slope(exponentNs, e[0]),
                TeacherFigures.slope(exponentNs, e[1]),
                String.format(
                        Locale.ROOT,
                        "d = %d, Σ %s, λ = %s, n from %d to %d",
                        exponentBase.d(),
                        exponentBase.spectrum(),
                        exponentBase.lambda(),
                        exponentNs.get(0),
                        exponentNs.get(exponentNs.size() - 1))));
        List<Path> files = new ArrayList<>();
        StringBuilder html = new StringBuilder(Html.paragraph(String.format(
                Locale.ROOT,
                "Ridge students, d = %d, Σ %s, "
                        + "σ = %s, λ = %s: n1 = %d real rows plus %d rows labelled by a %s teacher fitted on NS fresh real rows "
                        + "with penalty LAMS (one fresh teacher per run). Theory: the teacher's error Δ = ŵ_s − w1 split into "
                        + "its shrinkage bias along Σ's eigendirections and its fluctuation, fed to the ridge prediction with the "
                        + "teacher–shift cross term.",
                base.d(),
                base.spectrum(),
                base.sigma(),
                base.lambda(),
                base.n1(),
                base.pool(),
                width == 0 ? "ridge" : "width-" + width + " random-projection")));
        if (o.figures()) {
            List<Path> errors = FigureWriter.write(
                    o.outDir(),
                    name + "-errors",
                    List.of(
                            TeacherFigures.errorsPanel(base, width, rows, lambdas, points),
                            TeacherFigures.ratioPanel(base, width, rows, lambdas, points)));
            files.addAll(errors);
            html.append(Html.figure(
                    o.outDir(),
                    errors.get(0),
                    errors.get(1),
                    "Student and teacher error vs the teacher's "
                            + "rows NS for each LAMS, and their ratio (below 1: the student beats its teacher); theory lines, "
                            + "simulation mean ± 1.96 se"));
            List<Path> exp = FigureWriter.write(
                    o.outDir(),
                    name + "-exponent",
                    List.of(TeacherFigures.exponentPanel(exponentBase, width, exponentNs)));
            files.addAll(exp);
            html.append(Html.figure(
                    o.outDir(),
                    exp.get(0),
                    exp.get(1),
                    "Error vs n when the teacher grows with the student "
                            + "(theory; log-log slopes over the upper half)"));
        }
        List<List<String>> rowsOut = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (PoolCell.Point p : points) {
            var r = p.result();
            rowsOut.add(List.of(
                    Long.toString(TeacherFigures.teacherRows(p.spec())),
                    Double.toString(TeacherFigures.teacherLambda(p.spec())),
                    fmt("%.5f", p.theory()),
                    fmt("%.5f ± %.5f", p.mean(), p.stderr()),
                    fmt("%.2f", p.z()),
                    fmt("%.5f", r.get("teacherTheory").asDouble()),
                    fmt(
                            "%.5f ± %.5f",
                            r.get("teacherMean").asDouble(),
                            r.get("teacherStderr").asDouble()),
                    fmt("%.5f", r.get("randomShiftTheory").asDouble())));
            text.append(fmt(
                    "NS=%d LAMS=%s student theory %.5f sim %.5f ± %.5f z %.2f; teacher theory %.5f sim %.5f ± "
                            + "%.5f; random shift %.5f%n",
                    TeacherFigures.teacherRows(p.spec()),
                    TeacherFigures.teacherLambda(p.spec()),
                    p.theory(),
                    p.mean(),
                    p.stderr(),
                    p.z(),
                    r.get("teacherTheory").asDouble(),
                    r.get("teacherMean").asDouble(),
                    r.get("teacherStderr").asDouble(),
                    r.get("randomShiftTheory").asDouble()));
        }
        if (!rowsOut.isEmpty()) {
            html.append(Html.table(
                    List.of(
                            "NS",
                            "LAMS",
                            "student theory",
                            "student sim ± se",
                            "z",
                            "teacher theory",
                            "teacher sim ± se",
                            "random shift at the teacher's c²"),
                    rowsOut));
        }
        return new StudyReport(files, html.toString(), claims, text.toString());
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
