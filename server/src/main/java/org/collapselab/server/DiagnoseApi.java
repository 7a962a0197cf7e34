package org.collapselab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.validation.ParameterException;

/**
 * {@code POST /api/diagnose}: {@code collapselab diagnose} on CSV text sent by the page (files the user picked in the
 * browser), body {@code {"real": TEXT, "synthetic": TEXT, "label": "y", "folds": 5, "splits": 16, "seed": 1}}; the
 * answer is the {@code diagnose --json} object. The texts are written to a private temporary folder (owner-only),
 * read by the same code as the CLI, and deleted before the answer; messages name the file as {@code real.csv} or
 * {@code synthetic.csv} and never echo its contents. One diagnosis at a time (another gets 429).
 */
final class DiagnoseApi {
    private static final Semaphore ONE = new Semaphore(1);

    private DiagnoseApi() {}

    static ObjectNode answer(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "body must be a JSON object with real and synthetic CSV texts");
        }
        String real = text(body, "real", "the CSV text of the real rows (a header line, then rows)");
        String synthetic = text(body, "synthetic", "the CSV text of the synthetic rows (a header line, then rows)");
        String label = body.has("label") ? body.get("label").asText() : "y";
        int folds = integer(body, "folds", 5);
        int splits = integer(body, "splits", 16);
        long seed = body.has("seed") ? integer(body, "seed", 1) : 1;
        if (!ONE.tryAcquire()) {
            throw new ApiError(429, "a diagnosis is running: try again when it has finished");
        }
        try (UploadedFiles files = new UploadedFiles()) {
            Path r = files.write("real.csv", real);
            Path s = files.write("synthetic.csv", synthetic);
            try {
                DiagnosisResult result = Diagnosis.run(new DiagnoseOptions(r, s, label, null, folds, splits, seed));
                ObjectNode o = DiagnosisJson.toJson(result);
                o.put("realFile", "real.csv").put("syntheticFile", "synthetic.csv");
                return o;
            } catch (ParameterException e) {
                throw ApiError.badParameter(e);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                throw new ApiError(422, files.strip(e.getMessage()));
            }
        } finally {
            ONE.release();
        }
    }

    /** A required text field of the body; errors name it. */
    static String text(JsonNode body, String key, String what) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            String got = v == null ? "nothing" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
            throw ApiError.badField(key, got, what);
        }
        return v.asText();
    }

    /** An optional integer field of the body ({@code fallback} when absent); errors name it. */
    static int integer(JsonNode body, String key, int fallback) {
        JsonNode v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ApiError.badField(key, v.toString(), "an integer");
        }
        return v.intValue();
    }
}
