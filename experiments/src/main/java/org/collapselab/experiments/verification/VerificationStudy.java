package org.collapselab.experiments.verification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.figures.LinePlot;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/** A {@code kind: verification} study: see {@link VerificationFamily}. */
record VerificationStudy(
        String name,
        PoolSpec base,
        List<Long> pools,
        List<Double> keepGood,
        List<Double> keepBad,
        double[] weak,
        double[] strong,
        List<Long> sizePools,
        List<CellJob> cells)
        implements Study {

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        List<PoolCell.Point> points = points(results);
        List<Claim> claims = new ArrayList<>();
        if (!points.isEmpty()) {
            claims.add(VerificationClaims.agreement(points));
            claims.add(VerificationClaims.strongPays(points, pools, strong));
        }
        claims.add(VerificationClaims.plateau(base, keepGood, new double[] {0, strong[1], weak[1]}));
        claims.add(VerificationClaims.weakStops(base, sizePools, weak, strong));
        List<Path> files = new ArrayList<>();
        StringBuilder html = new StringBuilder(Html.paragraph(String.format(
                Locale.ROOT,
                "Ridge, d = %d, Σ %s, n1 = %d "
                        + "real rows, σ = %s, λ = %s; a pool of N synthetic rows, a share π = %s of them bad (shift c² = %s), the "
                        + "rest good; the verifier keeps good rows with ϕ, bad ones with ψ; the model trains on the real plus the "
                        + "kept rows. Theory: the kept rows as a two-teacher mixture, averaged over the binomial kept counts.",
                base.d(),
                base.spectrum(),
                base.n1(),
                base.sigma(),
                base.lambda(),
                base.badShare(),
                base.c2())));
        if (o.figures()) {
            List<LinePlot> panels = new ArrayList<>();
            for (long pool : pools) {
                panels.add(VerificationFigures.keepPanel(base, pool, keepGood, keepBad, points));
            }
            List<Path> keep = FigureWriter.write(o.outDir(), name + "-keep", panels);
            files.addAll(keep);
            html.append(
                    Html.figure(
                            o.outDir(),
                            keep.get(0),
                            keep.get(1),
                            "Error vs ψ (the probability that a bad row is "
                                    + "kept) for each ϕ: theory lines, simulation mean ± 1.96 se, real rows only, and the plateau (p2,eff)²c²"));
            List<Path> size = FigureWriter.write(
                    o.outDir(), name + "-size", List.of(VerificationFigures.sizePanel(base, sizePools, weak, strong)));
            files.addAll(size);
            html.append(Html.figure(
                    o.outDir(),
                    size.get(0),
                    size.get(1),
                    "Error vs the number of generated rows N: no "
                            + "verifier, a weak and a strong verifier, real rows only (theory)"));
        }
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (PoolCell.Point p : points) {
            rows.add(List.of(
                    Long.toString(p.spec().pool()),
                    fmt("%.2f", p.spec().keepGood()),
                    fmt("%.2f", p.spec().keepBad()),
                    fmt("%.5f", p.theory()),
                    fmt("%.5f ± %.5f", p.mean(), p.stderr()),
                    fmt("%.2f", p.z()),
                    fmt("%.1f", p.result().path("keptRows").asDouble())));
            text.append(fmt(
                    "N=%d ϕ=%.2f ψ=%.2f theory %.5f sim %.5f ± %.5f z %.2f%n",
                    p.spec().pool(), p.spec().keepGood(), p.spec().keepBad(), p.theory(), p.mean(), p.stderr(), p.z()));
        }
        if (!rows.isEmpty()) {
            html.append(Html.table(List.of("N", "ϕ", "ψ", "theory", "simulation ± se", "z", "kept rows"), rows));
        }
        return new StudyReport(files, html.toString(), claims, text.toString());
    }

    /** The stored points of the study's cells. */
    static List<PoolCell.Point> points(StudyResults results) throws java.io.IOException {
        List<PoolCell.Point> out = new ArrayList<>();
        for (PoolCell c : results.present(PoolCell.class)) {
            PoolCell.Point p = c.point(results);
            if (p != null && Double.isFinite(p.theory())) {
                out.add(p);
            }
        }
        return out;
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
