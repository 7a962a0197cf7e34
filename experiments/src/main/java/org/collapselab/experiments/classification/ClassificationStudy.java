package org.collapselab.experiments.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.classification.ClassificationProblem;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.problem.Generations;

/** A {@code kind: classification} study: see {@link ClassificationFamily}. */
public record ClassificationStudy(String name, Setting setting, Plan plan, List<CellJob> cells) implements Study {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shared setting (text spectrum, rebuilt where needed). */
    public record Setting(
            int d, String spectrum, double mu2, double lambda, double weight, double keepGood, double keepBad)
            implements java.io.Serializable {
        /** The problem at these values. */
        public ClassificationProblem problem(
                Loss loss,
                long n,
                double p2,
                double flipRate,
                double lam,
                double a,
                double keepGoodRate,
                double keepBadRate) {
            return new ClassificationProblem(
                    SpectrumSpecs.parse(spectrum, d),
                    n,
                    p2,
                    mu2,
                    flipRate,
                    loss,
                    lam,
                    a,
                    keepGoodRate,
                    keepBadRate,
                    Generations.NONE);
        }
    }

    /** What to draw and simulate (see {@link ClassificationFamily} for the keys). */
    public record Plan(
            List<String> figures,
            List<String> losses,
            List<Double> flipRates,
            List<Double> shares,
            List<Long> ns,
            List<Long> simNs,
            long lambdaN,
            double lambdaShare,
            List<Double> lambdas,
            List<Double> simLambdas,
            long breakdownN,
            List<Double> poolRates,
            List<Double> simRates,
            List<double[]> verifiers,
            double anchorShare,
            List<Double> anchorWeights,
            int runs,
            long seed)
            implements java.io.Serializable {

        /** Every simulated point, figure by figure. */
        List<CellJob> cells(String study, Setting s) {
            List<CellJob> out = new ArrayList<>();
            for (String loss : losses) {
                if (figures.contains("n")) {
                    for (double q : flipRates) {
                        for (double share : shares) {
                            for (long n : simNs) {
                                out.add(cell(
                                        study,
                                        s,
                                        "n",
                                        ClassificationFigures.nSeries(q, share),
                                        n,
                                        loss,
                                        n,
                                        share,
                                        q,
                                        s.lambda(),
                                        s.weight(),
                                        s.keepGood(),
                                        s.keepBad()));
                            }
                        }
                    }
                }
                if (figures.contains("lambda")) {
                    for (double q : flipRates) {
                        for (double lam : simLambdas) {
                            out.add(cell(
                                    study,
                                    s,
                                    "lambda",
                                    ClassificationFigures.flipSeries(q),
                                    lam,
                                    loss,
                                    lambdaN,
                                    lambdaShare,
                                    q,
                                    lam,
                                    s.weight(),
                                    s.keepGood(),
                                    s.keepBad()));
                        }
                    }
                }
                if (figures.contains("breakdown")) {
                    for (double[] v : verifiers) {
                        for (double p : simRates) {
                            out.add(cell(
                                    study,
                                    s,
                                    "breakdown",
                                    ClassificationFigures.verifierSeries(v),
                                    p,
                                    loss,
                                    breakdownN,
                                    1,
                                    p,
                                    s.lambda(),
                                    1,
                                    v[0],
                                    v[1]));
                        }
                    }
                    for (double a : anchorWeights) {
                        for (double p : simRates) {
                            out.add(cell(
                                    study,
                                    s,
                                    "anchor",
                                    ClassificationFigures.weightSeries(a),
                                    p,
                                    loss,
                                    breakdownN,
                                    1 - anchorShare,
                                    p,
                                    s.lambda(),
                                    a,
                                    1,
                                    1));
                        }
                    }
                }
            }
            return out;
        }

        private ClassificationCell cell(
                String study,
                Setting s,
                String figure,
                String series,
                double x,
                String loss,
                long n,
                double p2,
                double q,
                double lam,
                double a,
                double good,
                double bad) {
            return new ClassificationCell(
                    study,
                    figure,
                    series,
                    x,
                    loss,
                    s.d(),
                    s.spectrum(),
                    n,
                    p2,
                    s.mu2(),
                    q,
                    lam,
                    a,
                    good,
                    bad,
                    runs,
                    seed,
                    1);
        }
    }

    /** One stored simulated point with its cell. */
    record Point(ClassificationCell cell, double mean, double std, double stderr, double theory) {
        double z() {
            return (mean - theory) / stderr;
        }
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        List<Point> points = new ArrayList<>();
        for (ClassificationCell c : results.present(ClassificationCell.class)) {
            JsonNode j = JSON.readTree(results.resultJson(c.key()).orElseThrow());
            points.add(new Point(
                    c,
                    j.get("mean").asDouble(),
                    j.get("std").asDouble(),
                    j.get("stderr").asDouble(),
                    j.get("theory").isNull() ? Double.NaN : j.get("theory").asDouble()));
        }
        List<Claim> claims = new ArrayList<>(ClassificationClaims.check(setting, plan, points));
        List<Path> files = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        if (o.figures()) {
            for (String figure : plan.figures()) {
                List<LinePlot> panels = ClassificationFigures.panels(figure, setting, plan, points);
                List<Path> written = FigureWriter.write(o.outDir(), name + "-" + figure, panels);
                files.addAll(written);
                html.append(
                        Html.figure(o.outDir(), written.get(0), written.get(1), ClassificationFigures.caption(figure)));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Point p : points) {
            ClassificationCell c = p.cell();
            rows.add(List.of(
                    c.figure(),
                    c.lossKey(),
                    c.series(),
                    fmt("%.4g", c.x()),
                    fmt("%.5f", p.theory()),
                    fmt("%.5f ± %.5f", p.mean(), p.stderr()),
                    fmt("%.2f", p.z())));
            text.append(fmt(
                    "%s %s %s x=%.4g: theory %.5f sim %.5f ± %.5f z %.2f (runs %d)%n",
                    c.figure(), c.lossKey(), c.series(), c.x(), p.theory(), p.mean(), p.stderr(), p.z(), c.runs()));
        }
        if (!rows.isEmpty()) {
            html.append(Html.table(List.of("figure", "loss", "curve", "x", "theory", "simulation ± se", "z"), rows));
        }
        return new StudyReport(files, html.toString(), claims, text.toString());
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
