package org.collapselab.experiments.twosource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.validation.ParameterException;

/**
 * The two-source family ({@code kind: twosource}): the paper's weighted mixing (error vs α for several n,
 * theory and simulation, α* marked), the practitioner's strategies vs n by theory, and the claims of
 * {@link TwoSourceClaims}. Cells are the simulated points of the α figure; everything else is theory drawn in the
 * report. Keys: name, kind, model (ridge or rp; rp draws the α figure and the α* claim for random projections of
 * width m, no strategies figure), m, d, spectrum, synthetic_spectrum, p2, c2, sigma, synthetic_sigma, lambda, ns,
 * alphas, sim_alphas, runs, seed, strategy_ns, claim_ns, plateau_alpha, quick.
 */
public final class TwoSourceFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "twosource",
            "Two sources: the paper's weighted mixing (error vs α for "
                    + "several n), the strategies for using synthetic rows, covariate shift; theory, with simulations at chosen α.",
            List.of(
                    Field.choice(
                            "model",
                            "ridge, rp",
                            "ridge",
                            "the model (rp: random projections of width m, no strategies " + "figure)"),
                    Field.integer("m", 1, 1_000_000, "", "width of the random projections (model rp only)"),
                    Field.integer("d", 1, 100_000, "100", "dimension"),
                    Field.text("spectrum", "iso, power:A (A >= 0) or file:PATH", "iso", "the real rows' covariance"),
                    Field.text(
                            "synthetic_spectrum",
                            "iso, power:A (A >= 0) or file:PATH",
                            "the spectrum",
                            "the synthetic rows' covariance (covariate shift)"),
                    Field.above("p2", 0, 1, "0.5", "synthetic share of the rows"),
                    Field.number("c2", 0, 1e6, "1", "quality: ‖Δ‖²_Σ of the synthetic teacher's shift"),
                    Field.number("sigma", 0, 1e6, "0.5", "label noise of the real rows"),
                    Field.number("synthetic_sigma", 0, 1e6, "sigma", "label noise of the synthetic rows"),
                    Field.number("lambda", 0, 1e6, "0", "ridge penalty"),
                    Field.integers("ns", 2, Integer.MAX_VALUE, "", "rows n of the error-vs-α curves"),
                    Field.numbers("alphas", 0, 0.99, "", "weights α of the curves (theory)"),
                    Field.numbers("sim_alphas", 0, 0.99, "[]", "weights α simulated"),
                    Field.integer("runs", 2, 100_000, "50", "simulation runs per point"),
                    Field.integer("seed", 0, Long.MAX_VALUE, "1", "base seed"),
                    Field.integers("strategy_ns", 2, Integer.MAX_VALUE, "", "rows n of the strategies figure"),
                    Field.integers("claim_ns", 2, Integer.MAX_VALUE, "", "rows n at which the claims are judged"),
                    Field.above("plateau_alpha", 0, 0.99, "0.3", "the α of the plateau claim")));

    @Override
    public String kind() {
        return "twosource";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        String model = SCHEMA.word(f, r, "model");
        long width = "rp".equals(model) ? SCHEMA.integer(f, r, "m") : 0; // required for rp
        int d = SCHEMA.integer(f, r, "d");
        String spectrum = spectrum(f, r, "spectrum", d);
        String synthetic = r.hasNonNull("synthetic_spectrum") ? spectrum(f, r, "synthetic_spectrum", d) : null;
        double p2 = SCHEMA.number(f, r, "p2");
        if (p2 == 1) {
            f.error("p2", p2, "in [0, 1) (p2 = 1 leaves no real rows to weigh the synthetic ones against)");
        }
        double c2 = SCHEMA.number(f, r, "c2");
        double sigma = SCHEMA.number(f, r, "sigma");
        double sigma2 = SCHEMA.number(f, r, "synthetic_sigma", sigma);
        double lambda = SCHEMA.number(f, r, "lambda");
        List<Long> ns = longs(f, r, "ns");
        List<Double> alphas = SCHEMA.numbers(f, r, "alphas");
        List<Double> simAlphas = SCHEMA.numbers(f, r, "sim_alphas");
        int runs = SCHEMA.integer(f, r, "runs");
        long seed = SCHEMA.longValue(f, r, "seed");
        // The strategies figure is ridge's: random projections need no strategy_ns.
        List<Long> strategyNs = width != 0 && !r.has("strategy_ns") ? List.of() : longs(f, r, "strategy_ns");
        List<Long> claimNs = longs(f, r, "claim_ns");
        double plateauAlpha = SCHEMA.number(f, r, "plateau_alpha");
        if (!f.ok()) {
            return null;
        }
        TwoSourceStudy.Spec spec =
                new TwoSourceStudy.Spec(d, spectrum, synthetic, p2, c2, sigma, sigma2, lambda, width);
        checkSizes(f, spec, ns, simAlphas, strategyNs, claimNs);
        if (!f.ok()) {
            return null;
        }
        List<CellJob> cells = new ArrayList<>();
        for (long n : ns) {
            for (double a : simAlphas) {
                cells.add(new TwoSourceStudy.AlphaCell(name, spec, n, a, runs, seed));
            }
        }
        return new TwoSourceStudy(name, spec, ns, alphas, strategyNs, claimNs, plateauAlpha, cells);
    }

    private static String spectrum(StudyFile f, JsonNode r, String key, int d) {
        String text =
                r.hasNonNull(key) ? SCHEMA.text(f, r, key) : SCHEMA.field(key).dflt();
        if (text == null) {
            return null;
        }
        try {
            SpectrumSpecs.parse(text, d);
            return text;
        } catch (ParameterException e) {
            f.error(key, text, e.allowed());
            return null;
        }
    }

    /**
     * Before any work: every n keeps at least one real row (n − round(p2·n) ≥ 1), and every simulated point
     * (ns × sim_alphas) fits the simulation's row and memory limits.
     */
    private static void checkSizes(
            StudyFile f,
            TwoSourceStudy.Spec spec,
            List<Long> ns,
            List<Double> simAlphas,
            List<Long> strategyNs,
            List<Long> claimNs) {
        for (String key : List.of("ns", "strategy_ns", "claim_ns")) {
            List<Long> list = key.equals("ns") ? ns : key.equals("strategy_ns") ? strategyNs : claimNs;
            for (long n : list) {
                if (n - Math.round(spec.p2() * n) < 1) {
                    f.error(key, n, "sizes that keep a real row at p2 = " + spec.p2() + " (n − round(p2·n) >= 1)");
                    return;
                }
            }
        }
        if (simAlphas.isEmpty()) {
            return;
        }
        for (long n : ns) {
            try {
                org.collapselab.data.SimulationLimits.concurrentRuns(
                        TwoSourceFigures.weightedProblem(spec.setting(), n, simAlphas.get(0)), 1);
            } catch (ParameterException e) {
                f.error(
                        "ns",
                        n,
                        "sizes that can be simulated (sim_alphas is not empty): " + e.field() + " must be "
                                + e.allowed());
                return;
            }
        }
    }

    private static List<Long> longs(StudyFile f, JsonNode r, String key) {
        List<Integer> v = SCHEMA.integers(f, r, key);
        return v == null ? List.of() : v.stream().map(Integer::longValue).toList();
    }
}
