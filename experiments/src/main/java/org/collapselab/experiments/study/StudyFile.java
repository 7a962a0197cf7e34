package org.collapselab.experiments.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one study-file reader every {@link StudyFamily} uses: the file's YAML tree (Jackson), one error collector, and
 * typed field readers that record a problem as {@code FILE: FIELD: got VALUE; allowed: WHAT} and go on, so that
 * every problem of a file is reported at once ({@link #check()} throws them together).
 */
public final class StudyFile {
    /** Resource folder of the bundled studies (the repository's {@code studies/}, packed by the experiments module). */
    public static final String BUNDLED = "/org/collapselab/experiments/studies/";
    /** The family of a file without {@code kind:}. */
    public static final String DEFAULT_KIND = "gaussian";

    private final String name;
    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private StudyFile(String name, JsonNode root) {
        this.name = name;
        this.root = root == null ? MissingNode.getInstance() : root;
    }

    /**
     * Reads a study file; an unreadable, oversized, binary or non-UTF-8 file or malformed YAML throws at once (nothing
     * else can be checked). Reading is strict: see {@link StrictYaml}.
     */
    public static StudyFile read(Path path) {
        return parse(path.toString(), StrictYaml.readText(path));
    }

    /** A study bundled in the jar, by name ({@code fig1-pareto}, {@code mnist}, {@code lm}, ...). */
    public static StudyFile bundled(String study) {
        String res = BUNDLED + study + ".yaml";
        try (InputStream in = StudyFile.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("study " + study + " is not bundled (" + res + ")");
            }
            return parse("studies/" + study + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled study " + study, e);
        }
    }

    /**
     * Parses YAML text strictly ({@link StrictYaml}: duplicate keys, aliases, tags, several documents and deep nesting
     * are errors); {@code fileName} names it in messages. Malformed YAML names the line and column.
     */
    public static StudyFile parse(String fileName, String yaml) {
        return new StudyFile(fileName, StrictYaml.readTree(fileName, yaml));
    }

    /** The file name used in messages. */
    public String name() {
        return name;
    }

    /** The YAML tree (missing node for an empty file). */
    public JsonNode root() {
        return root;
    }

    /** The {@code kind:} field, lower case; {@link #DEFAULT_KIND} when absent. */
    public String kind() {
        JsonNode k = root.path("kind");
        return k.isMissingNode() || k.isNull()
                ? DEFAULT_KIND
                : k.asText("").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The line for a file whose top level is not a mapping. It names what was found (text, a list, a number, nothing)
     * but never quotes it: a wrong file (a key file, /etc/passwd) given as a study must not be echoed.
     */
    public static String topLevel(String file, JsonNode root, java.util.Collection<String> keys) {
        String found = root == null || root.isMissingNode() || root.isNull()
                ? "an empty document"
                : root.isTextual()
                        ? "a line of text"
                        : root.isArray()
                                ? "a list"
                                : root.isNumber()
                                        ? "a number"
                                        : "a " + root.getNodeType().name().toLowerCase(Locale.ROOT);
        return file + ": (top level): got " + found + "; allowed: a mapping with keys " + new TreeSet<>(keys);
    }

    /** Records a ready-made problem line (e.g. {@link #topLevel}). */
    public void addError(String line) {
        errors.add(line);
    }

    /** Records one problem: {@code FILE: FIELD: got VALUE; allowed: WHAT}. */
    public void error(String field, Object value, String allowed) {
        errors.add(StudyFileException.line(name, field, value, allowed));
    }

    /** Problems recorded so far. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** True when no problem was recorded. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws every recorded problem at once. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new StudyFileException(errors);
        }
    }

    /**
     * The root with the file's {@code quick:} overrides applied when {@code quick} (a mapping overrides the keys it
     * names inside a mapping; anything else replaces the value). Keys other than {@code keys}, at the top level or
     * under {@code quick:}, are reported.
     */
    public ObjectNode withQuick(boolean quick, Set<String> keys) {
        if (!root.isObject()) {
            errors.add(topLevel(name, root, keys));
            return new ObjectMapper().createObjectNode();
        }
        unknownKeys(root, keys, "");
        ObjectNode merged = ((ObjectNode) root).deepCopy();
        JsonNode q = root.path("quick");
        if (q.isMissingNode() || q.isNull()) {
            return merged;
        }
        if (!q.isObject()) {
            error("quick", q, "a mapping overriding study keys");
            return merged;
        }
        Set<String> allowed = new TreeSet<>(keys);
        allowed.removeAll(Set.of("name", "kind", "quick"));
        unknownKeys(q, allowed, "quick.");
        if (quick) {
            for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> en = it.next();
                JsonNode base = merged.get(en.getKey());
                if (base instanceof ObjectNode bo && en.getValue().isObject()) {
                    bo.setAll((ObjectNode) en.getValue().deepCopy());
                } else {
                    merged.set(en.getKey(), en.getValue());
                }
            }
        }
        return merged;
    }

    /** Reports every key of {@code node} not in {@code allowed}. */
    public void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                error(prefix + k, k, "a known key: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** A study or experiment name (it names the output folder): see {@link SafeNames}. */
    public String studyName(JsonNode node) {
        String n = text(node, "name", "name", true);
        if (n != null && !SafeNames.isValid(n)) {
            error("name", n, SafeNames.ALLOWED);
            return null;
        }
        return n;
    }

    /** A text field (null when absent and not required, or invalid). */
    public String text(JsonNode node, String key, String field, boolean required) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                error(field, v, "a non-empty text");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error(field, v, "a non-empty text");
            return null;
        }
        return v.asText();
    }

    /** An integer in [min, max]; {@code dflt} when absent, required when {@code dflt < 0}; -1 when invalid. */
    public int integer(JsonNode node, String key, String field, int min, int max, int dflt) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            if (dflt < 0) {
                error(field, v, "an integer in [" + min + ", " + max + "]");
            }
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            error(field, v, "an integer in [" + min + ", " + max + "]");
            return -1;
        }
        return v.asInt();
    }

    /** A long in [min, max]; {@code dflt} when absent. */
    public long longValue(JsonNode node, String key, String field, long min, long max, long dflt) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            error(field, v, min == Long.MIN_VALUE ? "an integer" : "an integer in [" + min + ", " + max + "]");
            return dflt;
        }
        return v.asLong();
    }

    /**
     * A finite number in [min, max] ({@code (min, max]} unless {@code minInclusive}); {@code dflt} when absent, NaN
     * when invalid.
     */
    public double real(
            JsonNode node, String key, String field, double min, double max, double dflt, boolean minInclusive) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        double x = v.asDouble(Double.NaN);
        if (!v.isNumber() || !Double.isFinite(x) || x > max || (minInclusive ? x < min : x <= min)) {
            error(field, v, "a number in " + (minInclusive ? "[" : "(") + num(min) + ", " + num(max) + "]");
            return Double.NaN;
        }
        return x;
    }

    /** A non-empty list of distinct integers in [min, max]; null when invalid. */
    public List<Integer> intList(JsonNode v, String field, int min, int max) {
        if (!v.isArray() || v.isEmpty()) {
            error(field, v, "a non-empty list of integers in [" + min + ", " + max + "]");
            return null;
        }
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (!x.isIntegralNumber() || !x.canConvertToInt() || x.asInt() < min || x.asInt() > max) {
                error(field + "[" + i + "]", x, "an integer in [" + min + ", " + max + "]");
                ok = false;
            } else if (out.contains(x.asInt())) {
                error(field + "[" + i + "]", x, "each value once");
                ok = false;
            } else {
                out.add(x.asInt());
            }
        }
        return ok ? out : null;
    }

    /** A non-empty list of distinct numbers in [min, max]; null when invalid. */
    public List<Double> realList(JsonNode v, String field, double min, double max) {
        if (!v.isArray() || v.isEmpty()) {
            error(field, v, "a non-empty list of numbers in [" + num(min) + ", " + num(max) + "]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (!x.isNumber() || x.asDouble() < min || x.asDouble() > max) {
                error(field + "[" + i + "]", x, "a number in [" + num(min) + ", " + num(max) + "]");
                ok = false;
            } else if (out.contains(x.asDouble())) {
                error(field + "[" + i + "]", x, "each value once");
                ok = false;
            } else {
                out.add(x.asDouble());
            }
        }
        return ok ? out : null;
    }

    /** A bound as written by people: 1 rather than 1.0. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** One of an enum's constants, written in any case with '-' or '_'; {@code dflt} when absent, null when invalid. */
    public <E extends Enum<E>> E choice(JsonNode node, String key, String field, Class<E> type, E dflt) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return dflt;
        }
        String s = v.asText("").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        error(field, v, "one of " + String.join(", ", names));
        return null;
    }
}
