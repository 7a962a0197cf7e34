package org.collapselab.experiments.gaussian;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.StudyFile;

/**
 * Reads the values of experiment-file parameters for {@link ExperimentLoader}: single {@code fixed:} values, lists
 * and {@code {from, to, num, scale}} ranges under {@code sweep:}, each converted to the parameter's type and checked
 * against {@link Param#accepts}; every problem is recorded on the shared {@link StudyFile} (never thrown).
 */
final class ParamValues {
    /** Most values one range may expand to. */
    static final int MAX_POINTS = 100_000;

    private final StudyFile src;

    ParamValues(StudyFile src) {
        this.src = src;
    }

    List<Object> fixedValue(Param p, JsonNode node, String field) {
        if (node.isArray()) {
            if (node.size() != 1) {
                src.error(field, node, "a single value (list several values under sweep to vary " + p.key() + ")");
                return null;
            }
            node = node.get(0);
        }
        Object v = convert(p, node, field);
        return v == null ? null : List.of(v);
    }

    List<Object> sweepValues(Param p, JsonNode node, String field) {
        List<Object> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                src.error(field, node, "a non-empty list of values, each " + p.allowed());
                return null;
            }
            boolean ok = true;
            Set<Object> seen = new HashSet<>(); // duplicates dropped in linear time (a 10⁵-value list took minutes)
            for (int i = 0; i < node.size(); i++) {
                Object v = convert(p, node.get(i), field + "[" + i + "]");
                if (v == null) {
                    ok = false;
                } else if (seen.add(v)) {
                    out.add(v);
                }
            }
            return ok ? out : null;
        }
        if (node.isObject()) {
            return range(p, node, field);
        }
        Object v = convert(p, node, field);
        return v == null ? null : List.of(v);
    }

    private List<Object> range(Param p, JsonNode node, String field) {
        if (!p.numeric()) {
            src.error(field, node, "a list of values (ranges only for numeric parameters)");
            return null;
        }
        JsonNode from;
        JsonNode to;
        JsonNode num;
        boolean log;
        String rangeAllowed = "a list, {from: A, to: B, num: K, scale: linear|log}, {linspace: [A, B, K]} "
                + "or {logspace: [A, B, K]}";
        if (node.has("linspace") || node.has("logspace")) {
            log = node.has("logspace");
            JsonNode arr = node.get(log ? "logspace" : "linspace");
            if (node.size() != 1 || !arr.isArray() || arr.size() != 3) {
                src.error(field, node, rangeAllowed);
                return null;
            }
            from = arr.get(0);
            to = arr.get(1);
            num = arr.get(2);
        } else {
            Set<String> allowedKeys = Set.of("from", "to", "num", "scale");
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowedKeys.contains(k)) {
                    src.error(field + "." + k, k, "one of from, to, num, scale (a range is " + rangeAllowed + ")");
                    return null;
                }
            }
            from = node.get("from");
            to = node.get("to");
            num = node.get("num");
            String scale = node.path("scale").asText("linear").toLowerCase(Locale.ROOT);
            if (!scale.equals("linear") && !scale.equals("log")) {
                src.error(field + ".scale", node.get("scale"), "linear or log");
                return null;
            }
            log = scale.equals("log");
        }
        Double a = from == null ? null : real(from);
        Double b = to == null ? null : real(to);
        Long k = num == null ? null : integer(num);
        boolean bad = false;
        if (a == null) {
            src.error(field + ".from", from, "a number");
            bad = true;
        }
        if (b == null) {
            src.error(field + ".to", to, "a number");
            bad = true;
        }
        if (k == null || k < 1 || k > MAX_POINTS) {
            src.error(field + ".num", num, "an integer in [1, " + MAX_POINTS + "]");
            bad = true;
        }
        if (bad) {
            return null;
        }
        if (log && (a <= 0 || b <= 0)) {
            src.error(field, "from " + a + " to " + b, "both ends > 0 for a log-spaced range");
            return null;
        }
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0 : (double) i / (k - 1);
            double v = log ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
            Object c;
            if (p.type() == Param.Type.INT) {
                c = Math.round(v);
            } else {
                c = roundSig(v);
            }
            if (!p.accepts(c)) {
                src.error(field, "a range reaching " + c, p.allowed());
                return null;
            }
            if (seen.add(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Rounds generated values to 12 significant digits so that keys do not depend on floating-point noise. */
    private static double roundSig(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    /** One value of {@code p} from the file, or null after recording why it is not allowed. */
    Object convert(Param p, JsonNode n, String field) {
        Object v =
                switch (p.type()) {
                    case TEXT -> n.isTextual() ? n.asText().trim() : null;
                    case INT -> integer(n);
                    case REAL -> real(n);
                };
        if (v instanceof String s && p == Param.MODEL) {
            v = s.toLowerCase(Locale.ROOT);
            if (v.equals("random_projection")) {
                v = "rp";
            }
        }
        if (v == null || !p.accepts(v)) {
            src.error(field, n, p.allowed());
            return null;
        }
        return p == Param.FEATURES
                ? Param.law((String) v).key()
                : v; // one spelling per law, e.g. student:4.0 → student:4
    }

    /**
     * A top-level integer field read against its declaration ({@code runs}): as lenient as a parameter value (5, 5.0,
     * "5"), in the declared range; its default when absent, null after recording why the value is not allowed.
     */
    Long integer(Field f, JsonNode parent, String name) {
        JsonNode n = parent.get(f.key());
        if (n == null || n.isNull()) {
            return (long) f.defaultNumber();
        }
        Long v = integer(n);
        if (v == null || v < f.min() || v > f.max()) {
            src.error(name, n, f.phrase());
            return null;
        }
        return v;
    }

    static Long integer(JsonNode n) {
        Double d = real(n);
        if (d == null || Math.abs(d - Math.rint(d)) > 1e-9 || Math.abs(d) > 9e15) {
            return null;
        }
        return Math.round(d);
    }

    static Double real(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                double d = Double.parseDouble(n.asText().trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
