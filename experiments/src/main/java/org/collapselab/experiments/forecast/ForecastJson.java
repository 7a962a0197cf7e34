package org.collapselab.experiments.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collapselab.forecast.Estimate;
import org.collapselab.forecast.ForecastResult;
import org.collapselab.forecast.PowerLawBaseline;

/**
 * The {@code forecast --json} object. {@code fit}: the chosen law, its parameters with intervals
 * ({@code {value, low, high}}), χ², degrees of freedom, the noise model and every candidate law; {@code forecast}:
 * {@code n}, {@code p2}, {@code testError}, {@code low}, {@code high} (plus {@code weight}, {@code level},
 * {@code requested} and the per-share power law's {@code baseline}); {@code curves}; {@code bestMix};
 * {@code stopHelping}; {@code baseline}; {@code pilots}. Numbers that are not finite are null.
 */
public final class ForecastJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ForecastJson() {}

    /** The result as one JSON object. */
    public static ObjectNode toJson(String pilotFile, ForecastResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("pilots", pilotFile);
        ObjectNode fit = o.putObject("fit");
        fit.put("law", r.law());
        ObjectNode params = fit.putObject("parameters");
        for (ForecastResult.Parameter p : r.parameters()) {
            params.set(p.name(), estimate(p.estimate()));
        }
        number(fit, "chi2", r.chi2());
        fit.put("dof", r.dof());
        number(fit, "inflation", r.inflation());
        fit.put("noise", r.noise().name().toLowerCase(java.util.Locale.ROOT));
        number(fit, "relativeScatter", r.relativeScatter());
        fit.put("level", r.level());
        fit.put("replicates", r.replicates());
        fit.put("failedReplicates", r.failedReplicates());
        fit.put("droppedRuns", r.droppedRuns());
        ArrayNode cands = fit.putArray("candidates");
        for (ForecastResult.Candidate c : r.candidates()) {
            ObjectNode cn = cands.addObject();
            cn.put("law", c.name());
            number(cn, "chi2", c.chi2());
            cn.put("dof", c.dof());
            cn.put("parameters", c.parameterCount());
            cn.put("chosen", c.chosen());
        }
        ArrayNode groups = fit.putArray("groups");
        for (ForecastResult.FittedGroup g : r.groups()) {
            ObjectNode gn = groups.addObject();
            gn.put("n", g.n());
            gn.put("p2", g.p2());
            gn.put("weight", g.weight());
            gn.put("runs", g.runs());
            number(gn, "meanError", g.mean());
            number(gn, "stderr", g.stderr());
            number(gn, "fitted", g.fitted());
        }

        ForecastResult.Point f = r.forecast();
        ObjectNode fc = o.putObject("forecast");
        fc.put("n", f.n());
        fc.put("p2", f.p2());
        number(fc, "testError", f.law().value());
        number(fc, "low", f.law().low());
        number(fc, "high", f.law().high());
        fc.put("weight", f.weight());
        fc.put("level", r.level());
        fc.put("requested", f.requested());
        if (f.baseline() == null) {
            fc.putNull("baseline");
        } else {
            fc.set("baseline", estimateAs(f.baseline(), "testError"));
        }

        ArrayNode curves = o.putArray("curves");
        for (ForecastResult.Curve c : r.curves()) {
            ObjectNode cn = curves.addObject();
            cn.put("p2", c.p2());
            cn.put("weight", c.weight());
            ArrayNode pts = cn.putArray("points");
            for (int i = 0; i < c.n().length; i++) {
                ObjectNode p = estimateAs(c.law()[i], "testError");
                p.put("n", (long) c.n()[i]);
                if (c.baseline() != null) {
                    p.set("baseline", estimateAs(c.baseline()[i], "testError"));
                }
                pts.add(p);
            }
        }

        ForecastResult.Mix m = r.bestMix();
        ObjectNode mix = o.putObject("bestMix");
        mix.put("realRows", m.realRows());
        mix.set("share", estimate(m.share()));
        mix.set("shareError", estimateAs(m.shareError(), "testError"));
        mix.put("weightedShare", m.weightedShare());
        mix.put("weight", m.weight());
        mix.set("weightedError", estimateAs(m.weightedError(), "testError"));
        mix.set("realOnly", estimateAs(m.realOnly(), "testError"));

        ObjectNode stop = estimate(r.stopHelping());
        stop.put("helpsAtEverySize", r.stopHelping().value() == Double.POSITIVE_INFINITY);
        o.set("stopHelping", stop);

        ArrayNode base = o.putArray("baseline");
        for (PowerLawBaseline.Share s : r.baseline()) {
            ObjectNode b = base.addObject();
            b.put("p2", s.p2());
            b.put("weight", s.weight());
            number(b, "floor", s.floor());
            number(b, "amplitude", s.amplitude());
            number(b, "exponent", s.exponent());
            number(b, "chi2", s.chi2());
            b.put("dof", s.dof());
        }
        return o;
    }

    /** Pretty-printed JSON text. */
    public static String write(String pilotFile, ForecastResult r) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(pilotFile, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode estimate(Estimate e) {
        return estimateAs(e, "value");
    }

    private static ObjectNode estimateAs(Estimate e, String valueKey) {
        ObjectNode o = MAPPER.createObjectNode();
        number(o, valueKey, e.value());
        number(o, "low", e.low());
        number(o, "high", e.high());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
