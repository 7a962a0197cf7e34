package org.collapselab.experiments.forecast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.collapselab.experiments.json.TheoryJson;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.forecast.Estimate;
import org.collapselab.forecast.GaussianCheck;

/**
 * One pilot set of the forecast check: pilots drawn from {@code seed + set}, the law fitted and bootstrapped, its
 * forecasts at n = 80d and its recommended shares compared with the exact values ({@link GaussianCheck#run}).
 *
 * @param study study name
 * @param setting the Gaussian problem
 * @param set pilot set index r ≥ 0
 * @param bootstrap bootstrap replicates
 * @param fittedFloor whether the floor is left to the pilots (else held at 0)
 * @param seed base seed
 */
public record ForecastCell(
        String study, GaussianCheck.Setting setting, int set, int bootstrap, boolean fittedFloor, long seed)
        implements CellJob {
    private static final long serialVersionUID = 1L;
    /** Interval level of the forecasts. */
    static final double LEVEL = 0.9;

    /** The canonical configuration (what the key hashes besides the seed). */
    public String configJson() {
        return String.format(
                Locale.ROOT,
                "{\"kind\":\"forecast\",\"d\":%d,\"exponent\":%s,\"sigma\":%s,\"c2\":%s,"
                        + "\"lambda\":%s,\"seeds\":%d,\"bootstrap\":%d,\"floor\":\"%s\",\"set\":%d}",
                setting.d(),
                setting.exponent(),
                setting.sigma(),
                setting.c2(),
                setting.lambda(),
                setting.seeds(),
                bootstrap,
                fittedFloor ? "fitted" : "known",
                set);
    }

    @Override
    public String key() {
        return CellKeys.key(configJson(), seed + set);
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "d = %d, α = %s, pilot set %d", setting.d(), setting.exponent(), set);
    }

    @Override
    public StoredCell compute() {
        long t0 = System.nanoTime();
        double floor = fittedFloor ? Double.NaN : 0;
        GaussianCheck.Outcome o = GaussianCheck.run(setting, seed + set, bootstrap, LEVEL, 1, floor);
        ObjectNode j = TheoryJson.MAPPER.createObjectNode();
        j.put("law", o.law());
        ArrayNode fc = j.putArray("forecasts");
        for (int i = 0; i < GaussianCheck.SHARES.length; i++) {
            Estimate e = o.forecast()[i];
            ObjectNode x = fc.addObject();
            x.put("p2", GaussianCheck.SHARES[i]);
            x.put("truth", o.truth()[i]);
            x.put("value", e.value());
            number(x, "low", e.low());
            number(x, "high", e.high());
        }
        ArrayNode rec = j.putArray("recommendations");
        for (int k = 0; k < o.realRows().length; k++) {
            ObjectNode x = rec.addObject();
            x.put("realRows", o.realRows()[k]);
            x.put("share", o.share()[k]);
            x.put("recommended", o.recommended()[k]);
            x.put("optimum", o.optimum()[k]);
        }
        return StoredCell.now(key(), study, configJson(), j.toString(), (System.nanoTime() - t0) / 1e9);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
