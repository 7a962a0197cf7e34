package org.collapselab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.theory.Theory;

/**
 * The p2²c² line of the error-vs-n plot, drawn only where it is the n → ∞ limit of the test error: ridge on the
 * mixture with one covariance (Σ2 = Σ1) and equal row weights, no retraining loop, and λ small enough that the
 * limit is p2²c² to within {@link #TOLERANCE} (Dohmatob et al., Strong Model Collapse, ICLR 2025, §3: as n → ∞ the
 * estimator tends to the mixed population minimiser w1 + p2Δ, whose error is p2²c²; with λ &gt; 0 the shrinkage
 * λ(Σ+λ)⁻¹ stays, so the limit is p2²(c²/d)·tr Σ²(Σ+λ)⁻² plus a ridge bias). The label noise σ2 does not matter in
 * the limit. Elsewhere — random projections, a trained teacher or a verifier on the pool, the prior estimator,
 * Σ2 ≠ Σ1, weight A ≠ 1, generations — the limit is another number and the answer says why the line is not drawn.
 * {@code limit} is the theory itself at n = {@link #LARGE_N}, so the rule is checked against the theory for every
 * setting.
 *
 * @param holds whether p2²c² is the n → ∞ limit of this setting (then the page draws it)
 * @param value p2²c² (plus σ² when the noise floor is included)
 * @param limit the theory at n = {@link #LARGE_N} (plus the same noise floor), NaN when undefined
 * @param reason why the line is or is not drawn, one line
 */
record FloorAnnotation(boolean holds, double value, double limit, String reason) {
    /** The n of the numerical limit. */
    static final double LARGE_N = 1e15;
    /** Largest relative gap between p2²c² and the limit for which the line is drawn. */
    static final double TOLERANCE = 0.01;

    static FloorAnnotation of(Problem p, double noiseFloor) {
        double value = p.p2() * p.p2() * p.c2() + noiseFloor;
        double limit = limit(p) + noiseFloor;
        String not = null;
        if (p.model() != ModelKind.RIDGE) {
            not = "random projections: as n → ∞ the error tends to a limit set by the width m, not p2²c²";
        } else if (!p.teacher().isNone()) {
            not = "a trained teacher: its own error sets the shift of the synthetic labels, not c²";
        } else if (!p.verifier().isNone()) {
            not = "a verifier on the synthetic pool: the kept bad rows set the n → ∞ limit, not p2²c²";
        } else if (p.estimator() == Estimator.PRIOR) {
            not = "prior estimator: it shrinks toward the synthetic fit, so its n → ∞ limit is not p2²c²";
        } else if (p.syntheticSpectrum() != null) {
            not = "two sources with Σ2 ≠ Σ1: the pooled fit's n → ∞ limit is not p2²c²";
        } else if (p.syntheticWeight() != 1.0) {
            double a = p.p2() * p.syntheticWeight() / ((1 - p.p2()) + p.p2() * p.syntheticWeight());
            not = String.format(
                    Locale.ROOT,
                    "weight A = %s: the synthetic rows' share of the loss is a = %s, so the n → ∞ "
                            + "limit is a²c² at small λ, not p2²c²",
                    num(p.syntheticWeight()),
                    num(a));
        } else if (p.generations().looping()) {
            not = "generations > 0: the loop has its own limit (see the generations view)";
        } else if (p.p2() == 0 || p.c2() == 0) {
            return new FloorAnnotation(true, value, limit, "p2²c² = 0: no synthetic floor");
        } else if (!(Math.abs(limit - value) <= TOLERANCE * (value - noiseFloor))) {
            not = String.format(
                    Locale.ROOT,
                    "λ = %s is not small: the n → ∞ limit is %s (ridge shrinkage stays), " + "not p2²c² = %s",
                    num(p.lambda()),
                    num(limit),
                    num(value));
        }
        if (not != null) {
            return new FloorAnnotation(false, value, limit, "no p2²c² line: " + not);
        }
        return new FloorAnnotation(
                true, value, limit, "p2²c² is the n → ∞ limit here (the mixed population minimiser w1 + p2Δ)");
    }

    private static double limit(Problem p) {
        try {
            return Theory.predict(new Sweep("n", LARGE_N, LARGE_N, 1, false).apply(p, LARGE_N))
                    .testError();
        } catch (IllegalArgumentException e) { // TheoryException, ParameterException
            return Double.NaN;
        }
    }

    private static String num(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v))
                .stripTrailingZeros()
                .toPlainString();
    }

    ObjectNode toJson() {
        ObjectNode o = TheoryJson.COMPACT.createObjectNode();
        o.put("holds", holds).put("value", value);
        if (Double.isFinite(limit)) {
            o.put("limit", limit);
        } else {
            o.putNull("limit");
        }
        o.put("limitN", LARGE_N).put("reason", reason);
        return o;
    }
}
