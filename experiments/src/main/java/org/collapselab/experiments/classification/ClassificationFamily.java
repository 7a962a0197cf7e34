package org.collapselab.experiments.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.classification.Loss;
import org.collapselab.experiments.params.SpectrumSpecs;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.validation.ParameterException;

/**
 * The classification family ({@code kind: classification}): real-test 0–1 error of a linear classifier trained on
 * real rows and synthetic rows with flipped labels, theory lines beside simulated points. {@code figures:} any of
 * {@code n} (error vs n for each flip rate and synthetic share: is there a floor above the Bayes error?),
 * {@code lambda} (error vs λ for each flip rate) and {@code breakdown} (error vs the pool's flip rate for several
 * verifiers without real rows, and with real rows for several weights: Feng et al.'s breakdown of verification).
 * Keys: name, kind, figures, losses, d, spectrum, mu2, lambda, synthetic_weight, keep_good, keep_bad; for n:
 * flip_rates, shares, ns, sim_ns; for lambda: lambda_n, lambda_share, lambdas, sim_lambdas (and flip_rates); for
 * breakdown: breakdown_n, pool_flip_rates, sim_flip_rates, verifiers (pairs [ϕ, ψ]), anchor_real_share,
 * anchor_weights; runs, seed, quick. Random projections are not offered: the theory does not cover them.
 */
public final class ClassificationFamily implements StudyFamily {
    static final List<String> FIGURES = List.of("n", "lambda", "breakdown");

    @Override
    public String kind() {
        return "classification";
    }

    static final Schema SCHEMA = new Schema(
            "classification",
            "Linear classifiers (square or logistic loss) on a "
                    + "Gaussian mixture with flipped synthetic labels and an optional verifier: 0–1 error vs n and vs λ, and the "
                    + "breakdown of verification; theory lines, simulated points, claims.",
            List.of(
                    Field.text("figures", "[n]", "list of n, lambda, breakdown: the figures drawn"),
                    Field.text("losses", "[square]", "list of square, logistic: the training losses"),
                    Field.integer("d", 1, 20_000, "100", "dimension"),
                    Field.text("spectrum", "iso", "the covariance Σ: iso, power:A or file:PATH"),
                    Field.number("mu2", 0, 1e4, "2", "class separation M = ‖μ‖²_Σ⁻¹ (Bayes error Φ(−√M))"),
                    Field.number("lambda", 0, 1e6, "0.01", "ridge penalty (> 0 with the logistic loss)"),
                    Field.number("synthetic_weight", 0, 1e6, "1", "weight A of the kept synthetic rows"),
                    Field.number(
                            "keep_good", 0, 1, "1", "verifier: probability ϕ of keeping an unflipped synthetic row"),
                    Field.number("keep_bad", 0, 1, "1", "verifier: probability ψ of keeping a flipped synthetic row"),
                    Field.numbers("flip_rates", 0, 1, "", "flip rates Q of the n and λ figures"),
                    Field.numbers("shares", 0, 1, "", "synthetic shares p2 of the n figure"),
                    Field.integers("ns", 1, Integer.MAX_VALUE, "", "rows n of the n figure (theory)"),
                    Field.integers("sim_ns", 1, Integer.MAX_VALUE, "[]", "rows n simulated in the n figure"),
                    Field.integer("lambda_n", 1, 10_000_000, "400", "rows n of the λ figure"),
                    Field.number("lambda_share", 0, 1, "0.5", "synthetic share p2 of the λ figure"),
                    Field.numbers("lambdas", 1e-12, 1e6, "", "penalties λ of the λ figure (theory)"),
                    Field.numbers("sim_lambdas", 1e-12, 1e6, "[]", "penalties λ simulated"),
                    Field.integer("breakdown_n", 1, 10_000_000, "1000", "rows n of the breakdown figure"),
                    Field.numbers("pool_flip_rates", 0, 1, "", "pool flip rates p of the breakdown figure (theory)"),
                    Field.numbers("sim_flip_rates", 0, 1, "[]", "pool flip rates p simulated"),
                    Field.nested(
                            "verifiers", Field.Type.LIST, "", "pairs [keep_good, keep_bad] of the breakdown figure"),
                    Field.number(
                            "anchor_real_share", 0, 1, "0.2", "share of real rows beside the pool (breakdown figure)"),
                    Field.numbers("anchor_weights", 1e-6, 1e6, "[]", "weights A of the pool rows beside the real ones"),
                    Field.integer("runs", 2, 100_000, "400", "simulation runs per point"),
                    Field.integer("seed", 0, Long.MAX_VALUE, "1", "base seed")));

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        List<String> figures = texts(f, r, "figures", FIGURES, List.of("n"));
        List<String> losses = texts(f, r, "losses", List.of("square", "logistic"), List.of("square"));
        int d = f.integer(r, "d", "d", 1, 20_000, 100);
        String spectrum = r.hasNonNull("spectrum") ? f.text(r, "spectrum", "spectrum", false) : "iso";
        if (spectrum != null && d > 0) {
            try {
                SpectrumSpecs.parse(spectrum, d);
            } catch (ParameterException e) {
                f.error("spectrum", spectrum, e.allowed());
            }
        }
        boolean logistic = losses.contains("logistic"); // needs λ > 0
        ClassificationStudy.Setting s = new ClassificationStudy.Setting(
                d,
                spectrum,
                f.real(r, "mu2", "mu2", 0, 1e4, 2, true),
                f.real(r, "lambda", "lambda", 0, 1e6, 0.01, !logistic),
                f.real(r, "synthetic_weight", "synthetic_weight", 0, 1e6, 1, true),
                f.real(r, "keep_good", "keep_good", 0, 1, 1, true),
                f.real(r, "keep_bad", "keep_bad", 0, 1, 1, true));
        boolean needsFlips = figures.contains("n") || figures.contains("lambda");
        List<Double> flipRates = needsFlips ? f.realList(r.path("flip_rates"), "flip_rates", 0, 1) : List.of();
        List<Double> shares = figures.contains("n") ? f.realList(r.path("shares"), "shares", 0, 1) : List.of();
        List<Long> ns = figures.contains("n") ? longs(f, r, "ns") : List.of();
        List<Long> simNs = figures.contains("n") && r.has("sim_ns") ? longs(f, r, "sim_ns") : List.of();
        long lambdaN = figures.contains("lambda") ? f.longValue(r, "lambda_n", "lambda_n", 1, 10_000_000, 400) : 0;
        double lambdaShare = f.real(r, "lambda_share", "lambda_share", 0, 1, 0.5, true);
        List<Double> lambdas =
                figures.contains("lambda") ? f.realList(r.path("lambdas"), "lambdas", 1e-12, 1e6) : List.of();
        List<Double> simLambdas = figures.contains("lambda") && r.has("sim_lambdas")
                ? f.realList(r.path("sim_lambdas"), "sim_lambdas", 1e-12, 1e6)
                : List.of();
        boolean breakdown = figures.contains("breakdown");
        long breakdownN = breakdown ? f.longValue(r, "breakdown_n", "breakdown_n", 1, 10_000_000, 1000) : 0;
        List<Double> poolRates = breakdown ? f.realList(r.path("pool_flip_rates"), "pool_flip_rates", 0, 1) : List.of();
        List<Double> simRates = breakdown && r.has("sim_flip_rates")
                ? f.realList(r.path("sim_flip_rates"), "sim_flip_rates", 0, 1)
                : List.of();
        List<double[]> verifiers = breakdown ? pairs(f, r.path("verifiers")) : List.of();
        double anchorShare = f.real(r, "anchor_real_share", "anchor_real_share", 0, 1, 0.2, false);
        List<Double> anchorWeights = breakdown && r.has("anchor_weights")
                ? f.realList(r.path("anchor_weights"), "anchor_weights", 1e-6, 1e6)
                : List.of();
        int runs = f.integer(r, "runs", "runs", 2, 100_000, 400);
        long seed = f.longValue(r, "seed", "seed", 0, Long.MAX_VALUE, 1);
        if (!f.ok()) {
            return null;
        }
        ClassificationStudy.Plan plan = new ClassificationStudy.Plan(
                figures,
                losses,
                flipRates,
                shares,
                ns,
                simNs,
                lambdaN,
                lambdaShare,
                lambdas,
                simLambdas,
                breakdownN,
                poolRates,
                simRates,
                verifiers,
                anchorShare,
                anchorWeights,
                runs,
                seed);
        return new ClassificationStudy(name, s, plan, plan.cells(name, s));
    }

    private static List<String> texts(StudyFile f, JsonNode r, String key, List<String> allowed, List<String> dflt) {
        JsonNode v = r.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        if (!v.isArray() || v.isEmpty()) {
            f.error(key, v, "a non-empty list of " + String.join(", ", allowed));
            return dflt;
        }
        for (int i = 0; i < v.size(); i++) {
            String t = v.get(i).asText("");
            if (!allowed.contains(t) || out.contains(t)) {
                f.error(key + "[" + i + "]", v.get(i), "one of " + String.join(", ", allowed) + ", each once");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<double[]> pairs(StudyFile f, JsonNode v) {
        List<double[]> out = new ArrayList<>();
        if (!v.isArray() || v.isEmpty()) {
            f.error("verifiers", v, "a non-empty list of pairs [keep_good, keep_bad] in [0, 1]");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode p = v.get(i);
            if (!p.isArray()
                    || p.size() != 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()
                    || p.get(0).asDouble() <= 0
                    || p.get(0).asDouble() > 1
                    || p.get(1).asDouble() < 0
                    || p.get(1).asDouble() > 1) {
                f.error(
                        "verifiers[" + i + "]",
                        p,
                        "a pair [keep_good, keep_bad] with keep_good in (0, 1], keep_bad in [0, 1]");
            } else {
                out.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
        }
        return out;
    }

    private static List<Long> longs(StudyFile f, JsonNode r, String key) {
        List<Integer> v = f.intList(r.path(key), key, 1, Integer.MAX_VALUE);
        return v == null ? List.of() : v.stream().map(Integer::longValue).toList();
    }

    /** Losses as enum values. */
    static Loss loss(String key) {
        return Loss.parse(key);
    }
}
