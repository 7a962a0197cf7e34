package org.collapselab.experiments.verification;

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
 * Verified synthetic pools ({@code kind: verification}; Feng, Dohmatob, Yang, Charton, Kempe, ICLR 2025): ridge on n1
 * real rows plus the rows a verifier keeps of a pool of N synthetic rows (share π bad with shift c², kept with ψ;
 * good rows kept with ϕ). Figures: error vs ψ for each ϕ and pool size N, against real only and the plateau
 * (p2,eff)²c² (theory lines, simulated points); error vs N for no verifier, a weak and a strong one (where the weak
 * verifier stops helping). Claims in {@link VerificationClaims}. Cells are the simulated points (pools × keep_good ×
 * sim_keep_bad, plus the weak, strong and keep-everything pairs at each pool). Fields: {@link #SCHEMA}.
 */
public final class VerificationFamily implements StudyFamily {
    static final String KIND = "verification";
    static final Schema SCHEMA = new Schema(
            KIND,
            "Verified synthetic pools: ridge on n1 real rows plus the rows a "
                    + "verifier keeps of N generated ones (a share bad_share bad, kept with ψ; good ones kept with ϕ); error vs ψ "
                    + "and vs N by theory, with simulated points; claims on agreement, the plateau (p2,eff)²c² and when a verifier "
                    + "stops helping.",
            List.of(
                    Field.integer("d", 1, 5000, "100", "dimension"),
                    Field.text("spectrum", "iso", "covariance: iso or power:A"),
                    Field.integer("n1", 0, 1_000_000, "200", "real rows"),
                    Field.number("c2", 0, 1e6, "1", "quality ‖Δ‖²_Σ of the bad rows' shift"),
                    Field.number("sigma", 0, 1e6, "0.5", "label noise"),
                    Field.number("lambda", 0, 1e6, "0.01", "ridge penalty (> 0)"),
                    Field.number("bad_share", 0, 1, "0.5", "share π of bad rows in the pool"),
                    Field.integers("pools", 1, 1_000_000, "", "pool sizes N of the error-vs-ψ panels (simulated)"),
                    Field.numbers("keep_good", 0, 1, "", "probabilities ϕ of keeping a good row (one curve each)"),
                    Field.numbers("keep_bad", 0, 1, "", "probabilities ψ of keeping a bad row (the theory grid)"),
                    Field.numbers("sim_keep_bad", 0, 1, "[]", "ψ simulated at every pool and ϕ"),
                    Field.numbers("weak", 0, 1, "", "[ϕ, ψ] of the weak verifier (size figure, claims; simulated)"),
                    Field.numbers("strong", 0, 1, "", "[ϕ, ψ] of the strong verifier (size figure, claims; simulated)"),
                    Field.integers(
                            "size_pools", 1, 1_000_000_000_000L, "", "pool sizes N of the error-vs-N figure (theory)"),
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
        String spectrum = spectrum(f, r, d);
        long n1 = f.longValue(r, "n1", "n1", 0, 1_000_000, 200);
        double c2 = f.real(r, "c2", "c2", 0, 1e6, 1, true);
        double sigma = f.real(r, "sigma", "sigma", 0, 1e6, 0.5, true);
        double lambda = f.real(r, "lambda", "lambda", 0, 1e6, 0.01, false);
        double badShare = f.real(r, "bad_share", "bad_share", 0, 1, 0.5, true);
        List<Long> pools = longs(f, r, "pools", 1, 1_000_000);
        List<Double> keepGood = f.realList(r.path("keep_good"), "keep_good", 0, 1);
        List<Double> keepBad = f.realList(r.path("keep_bad"), "keep_bad", 0, 1);
        List<Double> simKeepBad =
                r.has("sim_keep_bad") ? f.realList(r.path("sim_keep_bad"), "sim_keep_bad", 0, 1) : List.of();
        double[] weak = pair(f, r, "weak");
        double[] strong = pair(f, r, "strong");
        List<Long> sizePools = longs(f, r, "size_pools", 1, 1_000_000_000_000L);
        int runs = f.integer(r, "runs", "runs", 2, 100_000, 400);
        long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE, 1);
        if (!f.ok()) {
            return null;
        }
        PoolSpec base = new PoolSpec(d, spectrum, n1, pools.get(0), c2, sigma, lambda, badShare, 1, 1, "none");
        try {
            base.problem();
        } catch (ParameterException e) {
            f.error(e.field(), e.value(), e.allowed());
            return null;
        }
        List<CellJob> cells = new ArrayList<>();
        for (long pool : pools) {
            for (double phi : keepGood) {
                for (double psi : simKeepBad) {
                    cells.add(new PoolCell(name, KIND, base.withPool(pool).withKeep(phi, psi), runs, seed));
                }
            }
            for (double[] v : new double[][] {{1, 1}, weak, strong}) { // the pairs the claims compare
                PoolCell c = new PoolCell(name, KIND, base.withPool(pool).withKeep(v[0], v[1]), runs, seed);
                if (cells.stream().noneMatch(x -> x.key().equals(c.key()))) {
                    cells.add(c);
                }
            }
        }
        return new VerificationStudy(name, base, pools, keepGood, keepBad, weak, strong, sizePools, cells);
    }

    static String spectrum(StudyFile f, JsonNode r, int d) {
        String text = r.hasNonNull("spectrum") ? f.text(r, "spectrum", "spectrum", false) : "iso";
        if (text == null) {
            return null;
        }
        if (text.startsWith("file:")) {
            f.error("spectrum", text, "iso or power:A");
            return null;
        }
        try {
            SpectrumSpecs.parse(text, d);
            return text;
        } catch (ParameterException e) {
            f.error("spectrum", text, e.allowed());
            return null;
        }
    }

    static List<Long> longs(StudyFile f, JsonNode r, String key, long min, long max) {
        JsonNode v = r.path(key);
        List<Long> out = new ArrayList<>();
        if (!v.isArray() || v.isEmpty()) {
            f.error(key, v, "a non-empty list of integers in [" + min + ", " + max + "]");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (!x.isIntegralNumber() || x.asLong() < min || x.asLong() > max || out.contains(x.asLong())) {
                f.error(key + "[" + i + "]", x, "distinct integers in [" + min + ", " + max + "]");
            } else {
                out.add(x.asLong());
            }
        }
        return out;
    }

    /** A pair [ϕ, ψ] of probabilities. */
    private static double[] pair(StudyFile f, JsonNode r, String key) {
        JsonNode v = r.path(key);
        if (!v.isArray()
                || v.size() != 2
                || !v.get(0).isNumber()
                || !v.get(1).isNumber()
                || v.get(0).asDouble() < 0
                || v.get(0).asDouble() > 1
                || v.get(1).asDouble() < 0
                || v.get(1).asDouble() > 1) {
            f.error(key, v, "two probabilities [PHI, PSI] in [0, 1]");
            return new double[2];
        }
        return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
    }
}
