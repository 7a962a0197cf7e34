package org.collapselab.experiments.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.problem.Estimator;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.theory.SyntheticPoolTheory;
import org.collapselab.theory.Theory;
import org.collapselab.theory.TheoryResult;

/**
 * The one JSON form of a problem and its theory answer, shared by {@code collapselab theory --json},
 * {@code simulate --json} and the web server's {@code /api/theory}, so that every front end answers with the same
 * keys.
 */
public final class TheoryJson {
    /** Indented output (the CLI). */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Compact output (the web API). */
    public static final ObjectMapper COMPACT = new ObjectMapper();

    private TheoryJson() {}

    /** The problem's parameters as a JSON object (optional fields only when they differ from the baseline). */
    public static ObjectNode problem(Problem p) {
        ObjectNode o = COMPACT.createObjectNode();
        o.put("model", p.model().key());
        o.put("spectrum", p.spectrum().label());
        if (p.syntheticSpectrum() != null) {
            o.put("syntheticSpectrum", p.syntheticSpectrum().label());
        }
        o.put("d", p.d());
        o.put("n", p.n());
        if (p.model() == ModelKind.RANDOM_PROJECTION) {
            o.put("m", p.m());
        }
        o.put("p2", p.p2());
        o.put("c2", p.c2());
        o.put("sigma", p.sigma());
        o.put("lambda", p.lambda());
        if (p.syntheticSigma() != p.sigma()) {
            o.put("syntheticSigma", p.syntheticSigma());
        }
        if (p.syntheticWeight() != 1.0) {
            o.put("syntheticWeight", p.syntheticWeight());
        }
        if (p.estimator() != Estimator.MIX) {
            o.put("estimator", p.estimator().key());
        }
        if (!p.verifier().isNone()) {
            o.put("badShare", p.verifier().badShare());
            o.put("keepGood", p.verifier().keepGood());
            o.put("keepBad", p.verifier().keepBad());
            if (p.verifier().band() != null) {
                o.put(
                        "acceptBand",
                        p.verifier().band().radius() + ":" + p.verifier().band().offset());
                o.put("acceptModel", p.verifier().band().modelKey());
            }
        }
        if (!p.teacher().isNone()) {
            o.put("syntheticTeacher", p.teacher().key());
        }
        if (p.generations().looping()) {
            o.put("generationCount", p.generations().count());
            o.put("schedule", p.generations().schedule().key());
            o.put("freshReal", p.generations().freshReal());
            if (p.generations().growth() != 1) {
                o.put("growth", p.generations().growth());
            }
            if (p.generations().correction() != 0) {
                o.put("correction", p.generations().correction());
            }
        }
        return o;
    }

    /** Adds the theory fields to a JSON object; {@code floor} (σ² or 0) is added to the test error. */
    public static void put(ObjectNode o, TheoryResult r, double floor) {
        o.put("testError", r.testError() + floor);
        o.put("bias", r.bias());
        o.put("variance", r.variance());
        o.put("zeta", r.zeta());
        o.put("effectiveRegularization", r.effectiveRegularization());
        o.put("converged", r.converged());
        o.put("iterations", r.iterations());
        o.put("residual", r.residual());
    }

    /**
     * The fields of a verified pool or trained teacher beside the theory fields: {@code studentTestError} (= testError),
     * {@code teacherTestError} (the trained teacher's own predicted error), and with a verifier {@code keptRows},
     * {@code keptBadRows} (expected), {@code effectiveBadShare} (E Kb/(n1 + E K)), {@code plugInTestError} (the
     * prediction at the expected counts alone) and {@code countPoints} (theory points averaged over the kept counts).
     */
    public static void putPool(ObjectNode o, Problem p, SyntheticPoolTheory.Prediction pred, double floor) {
        o.put("studentTestError", pred.student().testError() + floor);
        if (pred.teacher() != null) {
            o.put("teacherTestError", pred.teacher().testError() + floor);
        }
        if (!p.verifier().isNone()) {
            o.put("keptRows", pred.keptRows());
            o.put("keptBadRows", pred.keptBadRows());
            o.put("effectiveBadShare", pred.effectiveBadShare(p.realCount()));
            o.put("plugInTestError", pred.plugIn().testError() + floor);
            o.put("countPoints", pred.points());
        }
    }

    /**
     * The theory answer of a single-step problem, computed here: {@link #answer} with {@link Theory#predict}, plus
     * {@link #putPool} for a verified pool or a trained teacher. Throws {@link org.collapselab.theory.TheoryException}
     * where the theory is undefined.
     */
    public static ObjectNode predictAnswer(Problem p, double floor) {
        ObjectNode o = problem(p);
        putPrediction(o, p, floor);
        return o;
    }

    /** Computes the theory of {@code p} and adds its fields ({@link #put}, and {@link #putPool} where they apply). */
    public static void putPrediction(ObjectNode o, Problem p, double floor) {
        if (p.plainPool() || p.generations().looping()) {
            put(o, Theory.predict(p), floor);
            return;
        }
        SyntheticPoolTheory.Prediction pred = SyntheticPoolTheory.predictAll(p);
        put(o, pred.student(), floor);
        putPool(o, p, pred, floor);
    }

    /** The full theory answer: problem fields then theory fields (what {@code theory --json} prints). */
    public static ObjectNode answer(Problem p, TheoryResult r, double floor) {
        ObjectNode o = problem(p);
        put(o, r, floor);
        return o;
    }

    /** Indented JSON text. */
    public static String write(Object node) {
        return write(MAPPER, node);
    }

    /** JSON text with the given mapper. */
    public static String write(ObjectMapper mapper, Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
