package org.collapselab.experiments.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.problem.SyntheticTeacher;
import org.collapselab.validation.ParameterException;

/**
 * Synthetic labels from a trained teacher ({@code kind: teacher}; Ildiz, Gozeten, Taga, Mondelli, Oymak, ICLR 2025):
 * ridge students on n1 real rows plus {@code pool} rows labelled by a ridge (or width-MS random-projection) teacher
 * fitted on NS fresh real rows with penalty LAMS. Figures: student and teacher error vs NS for each LAMS (theory lines,
 * simulated points), the ratio student/teacher (below 1: the student beats its teacher, weak-to-strong), and error vs
 * n on a power-law spectrum with the teacher growing with the student (the exponents). Claims in
 * {@link TeacherClaims}. Cells: sim_teacher_rows × teacher_lambdas. Fields: {@link #SCHEMA}.
 */
public final class TeacherFamily implements StudyFamily {
    static final String KIND = "teacher";
    static final Schema SCHEMA = new Schema(
            KIND,
            "Synthetic labels from a trained teacher: ridge students on n1 real "
                    + "rows plus pool rows labelled by a ridge (or random-projection) teacher fitted on NS fresh real rows with "
                    + "penalty LAMS; student vs teacher error across NS and LAMS (weak-to-strong) and the error exponents, by theory "
                    + "with simulated points.",
            List.of(
                    Field.integer("d", 1, 5000, "100", "dimension"),
                    Field.text("spectrum", "iso", "covariance: iso or power:A"),
                    Field.integer("n1", 0, 1_000_000, "200", "the student's real rows"),
                    Field.integer("pool", 1, 1_000_000, "2000", "the student's teacher-labelled rows"),
                    Field.number(
                            "sigma", 0, 1e6, "0.5", "label noise (real rows, the teacher's rows, synthetic labels)"),
                    Field.number("lambda", 0, 1e6, "0.01", "the student's ridge penalty (> 0)"),
                    Field.integer(
                            "teacher_width",
                            0,
                            1_000_000,
                            "0",
                            "0: ridge teacher; MS > 0: random projections of width MS"),
                    Field.integers("teacher_rows", 1, 100_000_000, "", "the teacher's rows NS (theory grid)"),
                    Field.numbers("teacher_lambdas", 1e-9, 1e6, "", "the teacher's penalties LAMS (one curve each)"),
                    Field.integers("sim_teacher_rows", 1, 1_000_000, "[]", "NS simulated at every LAMS"),
                    Field.integer("exponent_d", 1, 1_000_000, "d", "dimension of the exponent figure"),
                    Field.text("exponent_spectrum", "spectrum", "covariance of the exponent figure"),
                    Field.integers(
                            "exponent_ns", 2, 100_000_000, "", "rows n of the exponent figure (teacher and student)"),
                    Field.number(
                            "exponent_lambda",
                            0,
                            1e6,
                            "0.001",
                            "penalty of teacher and student in the exponent figure"),
                    Field.integer("runs", 2, 100_000, "400", "simulation runs per point"),
                    Field.integer("seed", 0, Long.MAX_VALUE, "1", "base seed")));

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        int d = f.integer(r, "d", "d", 1, 5000, 100);
        String spectrum = VerificationFamily.spectrum(f, r, d);
        long n1 = f.longValue(r, "n1", "n1", 0, 1_000_000, 200);
        long pool = f.longValue(r, "pool", "pool", 1, 1_000_000, 2000);
        double sigma = f.real(r, "sigma", "sigma", 0, 1e6, 0.5, true);
        double lambda = f.real(r, "lambda", "lambda", 0, 1e6, 0.01, false);
        long width = f.longValue(r, "teacher_width", "teacher_width", 0, 1_000_000, 0);
        List<Long> rows = VerificationFamily.longs(f, r, "teacher_rows", 1, 100_000_000);
        List<Double> lambdas = f.realList(r.path("teacher_lambdas"), "teacher_lambdas", 1e-9, 1e6);
        List<Long> simRows = r.has("sim_teacher_rows")
                ? VerificationFamily.longs(f, r, "sim_teacher_rows", 1, 1_000_000)
                : List.of();
        List<Long> exponentNs = VerificationFamily.longs(f, r, "exponent_ns", 2, 100_000_000);
        double exponentLambda = f.real(r, "exponent_lambda", "exponent_lambda", 0, 1e6, 1e-3, false);
        int exponentD = f.integer(r, "exponent_d", "exponent_d", 1, 1_000_000, d);
        ObjectNode ex = r.deepCopy();
        ex.set(
                "spectrum",
                r.path("exponent_spectrum").isMissingNode() ? r.path("spectrum") : r.path("exponent_spectrum"));
        String exponentSpectrum = VerificationFamily.spectrum(f, ex, exponentD);
        int runs = f.integer(r, "runs", "runs", 2, 100_000, 400);
        long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE, 1);
        if (!f.ok()) {
            return null;
        }
        PoolSpec base = new PoolSpec(
                d, spectrum, n1, pool, 0, sigma, lambda, 1, 1, 1, teacher(width, rows.get(0), lambdas.get(0)));
        try {
            base.problem();
        } catch (ParameterException e) {
            f.error(e.field(), e.value(), e.allowed());
            return null;
        }
        List<CellJob> cells = new ArrayList<>();
        for (double lams : lambdas) {
            for (long ns : simRows) {
                cells.add(new PoolCell(name, KIND, base.withTeacher(teacher(width, ns, lams)), runs, seed));
            }
        }
        PoolSpec exponentBase =
                new PoolSpec(exponentD, exponentSpectrum, 0, 1, 0, sigma, exponentLambda, 1, 1, 1, "none");
        return new TeacherStudy(name, base, width, rows, lambdas, exponentBase, exponentNs, cells);
    }

    /** The teacher's flag form: ridge:NS:LAMS, or rp:NS:MS:LAMS for a width MS &gt; 0. */
    static String teacher(long width, long rows, double lambda) {
        return (width == 0
                        ? SyntheticTeacher.ridge(rows, lambda)
                        : SyntheticTeacher.randomProjection(rows, width, lambda))
                .key();
    }
}
