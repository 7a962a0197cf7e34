package org.collapselab.experiments.twosource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.figures.FigureWriter;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.stats.Seeds;
import org.collapselab.stats.Summary;

/** A {@code kind: twosource} study: see {@link TwoSourceFamily}. */
public record TwoSourceStudy(
        String name,
        Spec spec,
        List<Long> ns,
        List<Double> alphas,
        List<Long> strategyNs,
        List<Long> claimNs,
        double plateauAlpha,
        List<CellJob> cells)
        implements Study {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The setting as text fields (serialisable; spectra are rebuilt from their specs); width 0 = ridge, else random
     * projections of that width.
     */
    public record Spec(
            int d,
            String spectrum,
            String syntheticSpectrum,
            double p2,
            double c2,
            double sigma,
            double syntheticSigma,
            double lambda,
            long width)
            implements java.io.Serializable {
        /** The figures' setting. */
        public TwoSourceFigures.Setting setting() {
            return new TwoSourceFigures.Setting(
                    SpectrumSpecs.parse(spectrum, d),
                    syntheticSpectrum == null ? null : SpectrumSpecs.parse(syntheticSpectrum, d),
                    p2,
                    c2,
                    sigma,
                    syntheticSigma,
                    lambda,
                    width);
        }

        /** The cell configuration's setting fields (ridge: as before random projections existed, so keys are kept). */
        String json() {
            return String.format(
                            Locale.ROOT,
                            "\"d\":%d,\"spectrum\":\"%s\",\"synthetic_spectrum\":%s,\"p2\":%s,\"c2\":%s,"
                                    + "\"sigma\":%s,\"synthetic_sigma\":%s,\"lambda\":%s",
                            d,
                            spectrum,
                            syntheticSpectrum == null ? "null" : "\"" + syntheticSpectrum + "\"",
                            p2,
                            c2,
                            sigma,
                            syntheticSigma,
                            lambda)
                    + (width > 0 ? ",\"model\":\"rp\",\"m\":" + width : "");
        }
    }

    /** One simulated point of the α figure: the α-weighted mix at n, {@code runs} runs. */
    public record AlphaCell(String study, Spec spec, long n, double alpha, int runs, long baseSeed) implements CellJob {
        String config() {
            return String.format(
                    Locale.ROOT,
                    "{\"family\":\"twosource\",%s,\"n\":%d,\"alpha\":%s,\"runs\":%d}",
                    spec.json(),
                    n,
                    alpha,
                    runs);
        }

        long seed() {
            return Seeds.Legacy.pair(baseSeed, n, alpha);
        }

        @Override
        public String key() {
            return CellKeys.key(config(), seed());
        }

        @Override
        public String label() {
            return "n=" + n + " α=" + alpha;
        }

        @Override
        public double cost() {
            return (double) n * spec.d() * runs;
        }

        @Override
        public StoredCell compute() {
            long start = System.nanoTime();
            TwoSourceFigures.SimPoint p = TwoSourceFigures.simulate(spec.setting(), n, alpha, runs, seed(), 1);
            String result = String.format(
                    Locale.ROOT,
                    "{\"mean\":%s,\"std\":%s,\"stderr\":%s,\"theory\":%s}",
                    p.sim().mean(),
                    p.sim().sd(),
                    p.sim().stderr(),
                    p.theory());
            return StoredCell.now(key(), study, config(), result, (System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        TwoSourceFigures.Setting s = spec.setting();
        List<TwoSourceFigures.SimPoint> points = new ArrayList<>();
        for (AlphaCell c : results.present(AlphaCell.class)) {
            JsonNode j = JSON.readTree(results.resultJson(c.key()).orElseThrow());
            points.add(new TwoSourceFigures.SimPoint(
                    c.n(),
                    c.alpha(),
                    new Summary(j.get("mean").asDouble(), j.get("std").asDouble(), c.runs()),
                    j.get("theory").asDouble()));
        }
        List<Claim> claims = new ArrayList<>(TwoSourceClaims.check(s, toArray(claimNs), plateauAlpha));
        if (!points.isEmpty()) {
            claims.add(TwoSourceClaims.agreement(points));
        }
        List<Path> files = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        if (o.figures()) {
            double[] a = alphas.stream().mapToDouble(Double::doubleValue).toArray();
            List<Path> alpha = FigureWriter.write(
                    o.outDir(), name + "-alpha", List.of(TwoSourceFigures.alphaPanel(s, toArray(ns), a, points)));
            files.addAll(alpha);
            html.append(Html.figure(
                    o.outDir(),
                    alpha.get(0),
                    alpha.get(1),
                    "The paper's weighted mixing: error vs α (theory lines, α* marked, simulation mean ± std)"));
            if (!s.sketched()) { // the strategies are ridge's (Strategies)
                List<Path> strategies = FigureWriter.write(
                        o.outDir(),
                        name + "-strategies",
                        List.of(TwoSourceFigures.strategiesPanel(s, toArray(strategyNs))));
                files.addAll(strategies);
                html.append(Html.figure(
                        o.outDir(), strategies.get(0), strategies.get(1), "Strategies by theory, λ tuned: error vs n"));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (TwoSourceFigures.SimPoint p : points) {
            rows.add(List.of(
                    Long.toString(p.n()),
                    fmt("%.3f", p.alpha()),
                    fmt("%.5f", p.theory()),
                    fmt("%.5f ± %.5f", p.sim().mean(), p.sim().stderr()),
                    fmt("%.2f", p.z())));
            text.append(fmt(
                    "n=%d α=%.3f theory %.5f sim %.5f ± %.5f z %.2f%n",
                    p.n(), p.alpha(), p.theory(), p.sim().mean(), p.sim().stderr(), p.z()));
        }
        if (!rows.isEmpty()) {
            html.append(Html.table(List.of("n", "α", "theory", "simulation ± se", "z"), rows));
        }
        return new StudyReport(files, html.toString(), claims, text.toString());
    }

    private static long[] toArray(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
