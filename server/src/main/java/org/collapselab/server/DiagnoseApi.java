package org.collapselab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
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
    String real = text(body, "real");
    String synthetic = text(body, "synthetic");
    String label = body.has("label") ? body.get("label").asText() : "y";
    int folds = integer(body, "folds", 5);
    int splits = integer(body, "splits", 16);
    long seed = body.has("seed") ? integer(body, "seed", 1) : 1;
    if (!ONE.tryAcquire()) {
      throw new ApiError(429, "a diagnosis is running: try again when it has finished");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("collapselab-diagnose",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path r = Files.writeString(dir.resolve("real.csv"), real, StandardCharsets.UTF_8);
      Path s = Files.writeString(dir.resolve("synthetic.csv"), synthetic, StandardCharsets.UTF_8);
      DiagnosisResult result = Diagnosis.run(new DiagnoseOptions(r, s, label, null, folds, splits, seed));
      ObjectNode o = DiagnosisJson.toJson(result);
      o.put("realFile", "real.csv").put("syntheticFile", "synthetic.csv");
      return o;
    } catch (ParameterException e) {
      throw ApiError.badParameter(e);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      String message = String.valueOf(e.getMessage());
      throw new ApiError(422, dir == null ? message : message.replace(dir + "/", ""));
    } catch (IOException e) {
      throw new ApiError(500, "cannot write a temporary file: " + e.getClass().getSimpleName());
    } finally {
      delete(dir);
      ONE.release();
    }
  }

  private static String text(JsonNode body, String key) {
    JsonNode v = body.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw ApiError.badField(key, v == null ? "nothing" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
          "the CSV text of the " + key + " rows (a header line, then rows)");
    }
    return v.asText();
  }

  private static int integer(JsonNode body, String key, int fallback) {
    JsonNode v = body.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw ApiError.badField(key, v.toString(), "an integer");
    }
    return v.intValue();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the folder is private and temporary
    }
  }
}
