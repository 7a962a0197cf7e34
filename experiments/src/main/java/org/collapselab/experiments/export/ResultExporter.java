package org.collapselab.experiments.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;

/**
 * Writes a result database as a tidy table, one row per cell: {@code key, experiment, version, seconds,
 * created_at}, then every configuration field ({@code config.*}) and every result field ({@code result.*}), nested
 * objects flattened with dots. Works for any payload (Gaussian cells, MNIST and language-model runs): the columns are
 * the union over the rows; a missing field is empty. Lists of numbers (e.g. per-run errors) become a JSON array in
 * one cell.
 */
public final class ResultExporter {
    /** Output formats. */
    public enum Format {
        CSV,
        JSON;

        /** Parses csv or json (null when neither). */
        public static Format parse(String s) {
            if (s == null) {
                return null;
            }
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> null;
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultExporter() {}

    /** Flattened rows of the database (all experiments, or one when {@code experiment} is non-null). */
    public static List<Map<String, Object>> rows(ResultStore store, String experiment) {
        return rows(experiment == null ? store.listAll() : store.list(experiment));
    }

    /** Flattened rows of the given cells. */
    public static List<Map<String, Object>> rows(List<StoredCell> cells) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredCell c : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", c.key());
            row.put("experiment", c.experiment());
            row.put("version", c.version());
            row.put("seconds", c.seconds());
            row.put("created_at", c.createdAtMillis());
            flatten("config", parse(c.configJson()), row);
            flatten("result", parse(c.resultJson()), row);
            rows.add(row);
        }
        return rows;
    }

    /** The column names: fixed columns, then config.*, then result.*, each in first-seen order. */
    public static List<String> columns(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>(List.of("key", "experiment", "version", "seconds", "created_at"));
        for (String prefix : List.of("config.", "result.")) {
            for (Map<String, Object> r : rows) {
                for (String k : r.keySet()) {
                    if (k.startsWith(prefix)) {
                        cols.add(k);
                    }
                }
            }
        }
        return new ArrayList<>(cols);
    }

    /** Writes the table to {@code out}; returns the number of rows. */
    public static int write(ResultStore store, String experiment, Format format, Writer out) throws IOException {
        return write(experiment == null ? store.listAll() : store.list(experiment), format, out);
    }

    /** Writes the given cells as a table to {@code out}; returns the number of rows. */
    public static int write(List<StoredCell> cells, Format format, Writer out) throws IOException {
        List<Map<String, Object>> rows = rows(cells);
        List<String> cols = columns(rows);
        if (format == Format.CSV) {
            CSVPrinter p = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(cols.toArray(new String[0]))
                            .get());
            for (Map<String, Object> r : rows) {
                List<Object> vals = new ArrayList<>(cols.size());
                for (String c : cols) {
                    Object v = r.get(c);
                    vals.add(v == null ? "" : v);
                }
                p.printRecord(vals);
            }
            p.flush();
        } else {
            ArrayNode arr = JSON.createArrayNode();
            for (Map<String, Object> r : rows) {
                ObjectNode o = arr.addObject();
                for (String c : cols) {
                    Object v = r.get(c);
                    if (v == null) {
                        o.putNull(c);
                    } else if (v instanceof JsonNode n) {
                        o.set(c, n);
                    } else if (v instanceof Double d) {
                        o.put(c, d);
                    } else if (v instanceof Long l) {
                        o.put(c, l);
                    } else if (v instanceof Boolean b) {
                        o.put(c, b);
                    } else {
                        o.put(c, v.toString());
                    }
                }
            }
            out.write(JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(arr));
            out.write("\n");
            out.flush();
        }
        return rows.size();
    }

    /** Writes to a file (folders created); returns the number of rows. */
    public static int write(ResultStore store, String experiment, Format format, Path file) throws IOException {
        return write(experiment == null ? store.listAll() : store.list(experiment), format, file);
    }

    /** Writes the given cells to a file (folders created); returns the number of rows. */
    public static int write(List<StoredCell> cells, Format format, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            return write(cells, format, w);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, Object> row) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            row.put(prefix, null);
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix + "." + e.getKey(), e.getValue(), row);
            }
        } else if (n.isArray()) {
            row.put(prefix, n); // kept as a JSON array
        } else if (n.isBoolean()) {
            row.put(prefix, n.asBoolean());
        } else if (n.isIntegralNumber()) {
            row.put(prefix, n.asLong());
        } else if (n.isNumber()) {
            row.put(prefix, n.asDouble());
        } else {
            row.put(prefix, n.asText());
        }
    }
}
