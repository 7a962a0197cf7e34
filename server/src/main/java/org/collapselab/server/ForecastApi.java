package org.collapselab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import org.collapselab.experiments.forecast.ForecastJson;
import org.collapselab.experiments.forecast.PilotFile;
import org.collapselab.forecast.ForecastResult;
import org.collapselab.forecast.Forecaster;
import org.collapselab.forecast.PilotSet;
import org.collapselab.validation.ParameterException;

/**
 * {@code POST /api/forecast}: {@code collapselab forecast} on a pilot table pasted in the page, body
 * {@code {"pilots": CSV, "at-n": N, "at-p2": P, "at-weight": 1, "floor": E, "level": 0.9, "bootstrap": 200,
 * "seed": 1}} (the CLI's flags; {@code at-n} and {@code at-p2} together or not at all); the answer is the
 * {@code forecast --json} object. The table is read by the CLI's own reader from a private temporary file
 * ({@link UploadedFiles}) named {@code pilots.csv} in messages. One forecast at a time, on one thread, with at most
 * {@link #MAX_BOOTSTRAP} bootstrap replicates.
 */
final class ForecastApi {
    /** Most bootstrap replicates per request (each refits the law). */
    static final int MAX_BOOTSTRAP = 2000;

    private static final Semaphore ONE = new Semaphore(1);

    private ForecastApi() {}

    static ObjectNode answer(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "body must be a JSON object with the pilot table as pilots");
        }
        String pilots = DiagnoseApi.text(
                body,
                "pilots",
                "the CSV text of the pilot runs (header n,p2,error and optionally stderr, weight, m, seed)");
        JsonNode atN = body.get("at-n");
        JsonNode atP2 = body.get("at-p2");
        if ((atN == null) != (atP2 == null)) {
            throw ApiError.badField(
                    atN == null ? "at-n" : "at-p2",
                    "nothing",
                    "given together with " + (atN == null ? "at-p2" : "at-n"));
        }
        long n = atN == null ? 0 : number(body, "at-n", 0).longValue();
        if (atN != null && (!atN.isIntegralNumber() || n < 1 || n > 1_000_000_000_000L)) {
            throw ApiError.badField("at-n", atN.toString(), "an integer in [1, 1e12]");
        }
        double p2 = atP2 == null ? Double.NaN : number(body, "at-p2", 0).doubleValue();
        double weight = number(body, "at-weight", 1).doubleValue();
        double floor = body.hasNonNull("floor") ? number(body, "floor", 0).doubleValue() : Double.NaN;
        double level = number(body, "level", 0.9).doubleValue();
        if (!(level >= 0.5 && level <= 0.99)) {
            throw ApiError.badField("level", level, "in [0.5, 0.99]");
        }
        int bootstrap = DiagnoseApi.integer(body, "bootstrap", 200);
        if (bootstrap < 20 || bootstrap > MAX_BOOTSTRAP) {
            throw ApiError.badField("bootstrap", bootstrap, "an integer in [20, " + MAX_BOOTSTRAP + "] in the server");
        }
        long seed = DiagnoseApi.integer(body, "seed", 1);
        Forecaster.Request req;
        try {
            req = new Forecaster.Request(n, p2, weight, level, bootstrap, seed, 1, floor);
        } catch (ParameterException e) {
            throw ApiError.badParameter(e);
        }
        if (!ONE.tryAcquire()) {
            throw new ApiError(429, "a forecast is running: try again when it has finished");
        }
        try (UploadedFiles files = new UploadedFiles()) {
            try {
                PilotSet set = PilotFile.read(files.write("pilots.csv", pilots));
                ForecastResult r = Forecaster.forecast(set, req);
                return ForecastJson.toJson("pilots.csv", r);
            } catch (ParameterException e) {
                if (e.field().equals("pilots")) { // too few mixes for the law: the table's fault
                    throw new ApiError(422, "pilots.csv: rows: got " + e.value() + "; allowed: " + e.allowed());
                }
                throw ApiError.badParameter(e);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                throw new ApiError(422, files.strip(e.getMessage()));
            }
        } finally {
            ONE.release();
        }
    }

    private static Number number(JsonNode body, String key, double fallback) {
        JsonNode v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw ApiError.badField(key, v.toString(), "a number");
        }
        return v.numberValue();
    }
}
