package org.collapselab.experiments.gaussian;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.SafeNames;
import org.collapselab.experiments.study.StudyFile;

/**
 * Reads the {@code figures:} entries of a Gaussian experiment file for {@link ExperimentLoader}: each entry's keys,
 * the swept parameters it plots, its {@code where:} filter and axis options, with every problem recorded on the
 * shared {@link StudyFile} (never thrown).
 */
final class FigureReader {
    static final Set<String> FIGURE =
            Set.of("name", "type", "title", "x", "metric", "series", "panels", "shape", "where", "log_x", "log_y");

    private final ParamValues values;
    private final StudyFile src;
    /** Parameters given with an invalid value (already reported; no follow-on errors about them). */
    private final Set<Param> invalid;

    FigureReader(ParamValues values, StudyFile src, Set<Param> invalid) {
        this.values = values;
        this.src = src;
        this.invalid = invalid;
    }

    FigureSpec figure(JsonNode f, String field, Map<Param, List<Object>> values, List<Param> swept, Compute compute) {
        if (f == null || !f.isObject()) {
            src.error(field, f, "a mapping with keys " + new TreeSet<>(FIGURE));
            return null;
        }
        src.unknownKeys(f, FIGURE, field + ".");
        int before = src.errors().size();
        String name = f.path("name").asText("");
        if (!SafeNames.isValid(name)) {
            src.error(field + ".name", f.get("name"), SafeNames.ALLOWED + " (the PNG/SVG file name)");
        }
        String typeText = f.path("type").asText("line").toLowerCase(Locale.ROOT);
        FigureSpec.Type type =
                switch (typeText) {
                    case "line" -> FigureSpec.Type.LINE;
                    case "pareto" -> FigureSpec.Type.PARETO;
                    default -> null;
                };
        if (type == null) {
            src.error(field + ".type", f.get("type"), "line or pareto");
            return null;
        }
        FigureSpec.Metric metric = FigureSpec.Metric.ERROR;
        if (f.has("metric")) {
            try {
                metric = FigureSpec.Metric.valueOf(f.get("metric").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                src.error(field + ".metric", f.get("metric"), String.join(", ", FigureSpec.Metric.names()));
            }
            if (metric == FigureSpec.Metric.DEVIATION && compute != Compute.BOTH) {
                src.error(
                        field + ".metric",
                        f.get("metric"),
                        "error, bias, variance or zeta (deviation compares simulation "
                                + "with theory: compute must be both)");
            } else if (metric != FigureSpec.Metric.ERROR && !compute.theory()) {
                src.error(
                        field + ".metric",
                        f.get("metric"),
                        "error (bias, variance and zeta come from theory, but compute is " + "simulation)");
            }
        }
        Param x = sweptParam(f, "x", field, swept, type == FigureSpec.Type.LINE);
        if (x != null && !x.numeric()) {
            src.error(
                    field + ".x",
                    f.get("x"),
                    "a numeric swept parameter (" + x.key() + " is text: use it as series or panels)");
            x = null;
        }
        Param series = sweptParam(f, "series", field, swept, false);
        Param panels = sweptParam(f, "panels", field, swept, false);
        Param shape = sweptParam(f, "shape", field, swept, false);
        Map<Param, Object> where = new EnumMap<>(Param.class);
        JsonNode w = f.get("where");
        if (w != null) {
            if (!w.isObject()) {
                src.error(field + ".where", w, "a mapping from swept parameter to one of its values");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> en = it.next();
                    Param p = Param.of(en.getKey());
                    if (p == null || !swept.contains(p)) {
                        src.error(
                                field + ".where." + en.getKey(),
                                en.getKey(),
                                "a swept parameter (" + names(swept) + ")");
                        continue;
                    }
                    Object v = this.values.convert(p, en.getValue(), field + ".where." + en.getKey());
                    if (v != null && !values.get(p).contains(v)) {
                        src.error(
                                field + ".where." + en.getKey(),
                                en.getValue(),
                                "one of the swept values " + values.get(p));
                    } else if (v != null) {
                        where.put(p, v);
                    }
                }
            }
        }
        Set<Param> used = new LinkedHashSet<>();
        if (type == FigureSpec.Type.PARETO) {
            if (!values.get(Param.MODEL).equals(List.of("rp"))) {
                src.error(field + ".type", "pareto", "a figure for model rp only (fix model: rp)");
            }
            if (!swept.contains(Param.M)) {
                src.error(field + ".type", "pareto", "a figure over model sizes: sweep m");
            }
            if (!swept.contains(Param.P2) || !values.get(Param.P2).contains(0.0)) {
                src.error(
                        field + ".type",
                        "pareto",
                        "a figure that needs sweep.p2 to include 0 (the real-only baseline)");
            }
            if (x != null) {
                src.error(field + ".x", f.get("x"), "nothing for pareto (x is the real-only error)");
            }
            used.add(Param.M);
            used.add(Param.P2);
            if (shape == null && swept.contains(Param.C2) && !f.has("shape")) {
                shape = Param.C2;
            }
            if (panels == null && !f.has("panels") && swept.contains(Param.P2)) {
                panels = Param.P2;
            }
        } else if (shape != null) {
            src.error(field + ".shape", f.get("shape"), "nothing for line figures (use series)");
        }
        for (Param p : new Param[] {x, series, panels, shape}) {
            if (p != null) {
                if (!used.add(p) && !(type == FigureSpec.Type.PARETO && p == Param.P2 && p == panels)) {
                    src.error(field, p.key(), "each parameter in one role only (x, series, panels, shape)");
                }
            }
        }
        for (Param p : swept) {
            if (values.get(p).size() > 1 && !used.contains(p) && !where.containsKey(p)) {
                src.error(
                        field,
                        "sweep parameter " + p.key() + " with " + values.get(p).size() + " values unused",
                        "every swept parameter used as x, series, panels"
                                + (type == FigureSpec.Type.PARETO ? ", shape" : "") + " or fixed with where."
                                + p.key());
            }
        }
        boolean logX = bool(f, "log_x", field, type == FigureSpec.Type.PARETO || (x != null && x != Param.P2));
        boolean logY = bool(f, "log_y", field, true);
        String title = f.path("title").asText(name);
        if (src.errors().size() > before) {
            return null;
        }
        return new FigureSpec(name, type, title, x, metric, series, panels, shape, where, logX, logY);
    }

    private boolean bool(JsonNode f, String key, String field, boolean dflt) {
        JsonNode n = f.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            src.error(field + "." + key, n, "true or false");
            return dflt;
        }
        return n.asBoolean();
    }

    private Param sweptParam(JsonNode f, String key, String field, List<Param> swept, boolean required) {
        JsonNode n = f.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                src.error(field + "." + key, null, "a swept parameter (" + names(swept) + ")");
            }
            return null;
        }
        Param p = n.isTextual() ? Param.of(n.asText()) : null;
        if (p != null && invalid.contains(p)) {
            return null; // its own error is reported already
        }
        if (p == null || !swept.contains(p)) {
            src.error(field + "." + key, n, "a swept parameter (" + names(swept) + ")");
            return null;
        }
        return p;
    }

    private static String names(List<Param> ps) {
        if (ps.isEmpty()) {
            return "no valid swept parameter";
        }
        StringBuilder b = new StringBuilder();
        for (Param p : ps) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.key());
        }
        return b.toString();
    }
}
