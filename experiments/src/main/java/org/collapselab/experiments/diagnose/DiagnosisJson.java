package org.collapselab.experiments.diagnose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.collapselab.estimation.SourceEstimates;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.diagnose.DiagnosisResult.Curve;

/**
 * The {@code diagnose --json} object: {@code estimates}, {@code recommendation}, {@code baselines.realOnly},
 * {@code baselines.allSynthetic}, {@code validation} and {@code curves}. Errors are expected squared errors on a
 * fresh real row, label noise included; {@code measuredError} is the measured mean squared error beside each.
 */
public final class DiagnosisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiagnosisJson() {}

    /** The result as one JSON object. */
    public static ObjectNode toJson(DiagnosisResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("realFile", r.realFile());
        o.put("syntheticFile", r.syntheticFile());
        o.set("estimates", estimates(r.estimates()));
        o.set("recommendation", check(r.validation().recommended(), r.features()));
        ObjectNode baselines = o.putObject("baselines");
        baselines.set("realOnly", check(r.validation().realOnly(), r.features()));
        baselines.set("allSynthetic", check(r.validation().allSynthetic(), r.features()));
        baselines.set("practitioner", check(r.validation().practitioner(), r.features()));
        Verification ver = r.verification();
        ObjectNode vt = o.putObject("verifyThenTrain");
        vt.put("rule", ver.rule());
        vt.put("band", ver.band());
        vt.put("keptRows", ver.keptRows());
        vt.put("syntheticRows", ver.syntheticRows());
        vt.put("keptShare", ver.keptShare());
        if (ver.recipe() == null) {
            vt.putNull("recipe");
        } else {
            vt.set("recipe", check(ver.recipe(), r.features()));
        }
        o.put("decision", r.decision());
        ObjectNode sens = o.putObject("sensitivity");
        putNumber(sens, "atC2Low", r.sensitivity()[0]);
        putNumber(sens, "atC2", r.sensitivity()[1]);
        putNumber(sens, "atC2High", r.sensitivity()[2]);
        o.put("binaryLabels", r.binary());
        if (r.classification() != null) {
            ClassificationChoice c = r.classification();
            ObjectNode cn = o.putObject("classification");
            cn.put("syntheticRows", c.recipe().syntheticRows());
            cn.put("syntheticWeight", c.recipe().syntheticWeight());
            cn.put("lambda", c.recipe().lambda());
            putNumber(cn, "cvLogLoss", c.logLoss());
            putNumber(cn, "cvError", c.error());
            putNumber(cn, "cvAuc", c.auc());
            ObjectNode m = cn.putObject("model");
            m.put("link", "logistic");
            m.put("intercept", c.model().intercept());
            ObjectNode coef = m.putObject("coefficients");
            for (int j = 0; j < r.features().size(); j++) {
                coef.put(r.features().get(j), c.model().coefficients()[j]);
            }
            ObjectNode ro = cn.putObject("realOnly");
            ro.put("lambda", c.realOnly().lambda());
            putNumber(ro, "cvLogLoss", c.realOnlyLogLoss());
            putNumber(ro, "cvError", c.realOnlyError());
        }
        ArrayNode warn = o.putArray("warnings");
        r.warnings().forEach(warn::add);
        ObjectNode v = o.putObject("validation");
        v.put("method", r.validation().method());
        v.put("trainingRealRows", r.validation().trainingRealRows());
        v.put("heldOutRows", r.validation().heldOutRows());
        ArrayNode curves = o.putArray("curves");
        for (Curve c : r.curves()) {
            ObjectNode cn = curves.addObject();
            cn.put("syntheticWeight", c.weight());
            cn.put("lambda", c.lambda());
            ArrayNode pts = cn.putArray("points");
            for (int i = 0; i < c.rows().length; i++) {
                ObjectNode p = pts.addObject();
                p.put("syntheticRows", c.rows()[i]);
                putNumber(p, "predictedError", c.predicted()[i]);
                p.put("measuredError", c.measured()[i]);
                p.put("measuredStdError", c.measuredStdError()[i]);
            }
        }
        ObjectNode t = o.putObject("cpuSeconds");
        r.cpuSeconds().forEach(t::put);
        return o;
    }

    /** Pretty-printed JSON text. */
    public static String write(DiagnosisResult r) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode estimates(SourceEstimates e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("c2", e.c2());
        o.put("c2Low", e.c2Low());
        o.put("c2High", e.c2High());
        o.put("c2StdError", e.c2StdError());
        o.put("c2Raw", e.c2Raw());
        o.put("confidence", e.confidence());
        o.put("sigma2Real", e.sigma2Real());
        o.put("sigma2Synthetic", e.sigma2Synthetic());
        o.put("sigma2RealStdError", e.sigma2RealStdError());
        o.put("sigma2SyntheticStdError", e.sigma2SyntheticStdError());
        o.put("signal", e.signal());
        o.put("covarianceDistance", e.covarianceDistance());
        o.put("offDiagonalShare", e.offDiagonalShare());
        o.put("meanShift", e.meanShift());
        o.put("dimension", e.dimension());
        o.put("realRows", e.realRows());
        o.put("syntheticRows", e.syntheticRows());
        o.put("splits", e.splits());
        o.put("estimator", e.estimator());
        o.put("gap", e.gap());
        o.put("gapStdError", e.gapStdError());
        o.put("labelOffset", e.labelOffset());
        o.put("labelOffsetStdError", e.labelOffsetStdError());
        ArrayNode shift = o.putArray("featureShift");
        for (double v : e.featureShift()) {
            shift.add(v);
        }
        ArrayNode s1 = o.putArray("realSpectrum");
        for (double v : e.realSpectrum()) {
            s1.add(v);
        }
        ArrayNode s2 = o.putArray("syntheticSpectrum");
        for (double v : e.syntheticSpectrum()) {
            s2.add(v);
        }
        return o;
    }

    private static ObjectNode check(Check c, List<String> features) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("syntheticRows", c.recipe().syntheticRows());
        o.put("syntheticWeight", c.recipe().syntheticWeight());
        o.put("lambda", c.recipe().lambda());
        putNumber(o, "predictedTestError", c.predicted());
        putNumber(o, "predictedAtValidation", c.predictedAtValidation());
        putNumber(o, "predictedByTheory", c.predictedByTheory());
        o.put("measuredError", c.measured());
        o.put("measuredStdError", c.measuredStdError());
        if (Double.isInfinite(c.recipe().offsetPenalty())) {
            o.put("intercepts", "shared");
        } else {
            o.put("intercepts", "separate");
            o.put("offsetPenalty", c.recipe().offsetPenalty());
        }
        o.put("sklearnAlpha", c.sklearnAlpha());
        putNumber(o, "accuracy", c.accuracy());
        putNumber(o, "auc", c.auc());
        ObjectNode m = o.putObject("model");
        m.put("intercept", c.model().intercept());
        ObjectNode coef = m.putObject("coefficients");
        for (int j = 0; j < features.size(); j++) {
            coef.put(features.get(j), c.model().coefficients()[j]);
        }
        return o;
    }

    /** A number, or null when not finite (JSON has no NaN). */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
