package org.collapselab.experiments.spec;

import org.collapselab.experiments.study.StudyFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.problem.ModelKind;
import org.collapselab.validation.ParameterException;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;

/**
 * Reads an experiment file (YAML, parsed with Jackson) and validates every field before any work starts. All
 * problems are collected and reported together, one line each:
 * {@code FILE: FIELD: got VALUE; allowed: WHAT}.
 *
 * <pre>
 * name: fig2-width              # [A-Za-z0-9._-]+, names the results in the database
 * description: free text
 * compute: both                 # theory | simulation | both
 * runs: 5                       # simulation runs per cell
 * seed: 42                      # base seed; each cell's seed derives from it and the cell's parameters
 * fixed: {model: rp, spectrum: iso, d: 250, n: 500, sigma: 0.5, lambda: 0.001}
 * sweep:                        # list, or {from, to, num, scale: linear|log}, or {linspace|logspace: [from, to, num]}
 *   m:  {from: 25, to: 5000, num: 20, scale: log}
 *   p2: [0, 0.1, 0.2, 0.4]
 *   c2: [0.5, 2]
 * simulation_limits: {n: 100000}  # cells beyond a limit get theory only
 * figures:
 *   - {name: fig2-width, type: line, x: m, series: p2, panels: c2, metric: error, log_x: true, log_y: true}
 * quick:                        # overrides used by --quick (runs, fixed, sweep, simulation_limits)
 *   runs: 2
 *   sweep: {m: {from: 25, to: 5000, num: 8, scale: log}}
 * </pre>
 */
public final class ExperimentLoader {
  private static final Set<String> TOP = Set.of("name", "kind", "description", "compute", "runs", "seed", "fixed", "sweep",
      "simulation_limits", "figures", "quick");
  private static final Set<String> QUICK = Set.of("runs", "fixed", "sweep", "simulation_limits");
  private static final Set<String> FIGURE = Set.of("name", "type", "title", "x", "metric", "series", "panels",
      "shape", "where", "log_x", "log_y");
  private static final int MAX_POINTS = 100_000;
  private static final long MAX_CELLS = 1_000_000;

  private final StudyFile src;
  private final String file;
  /** Parameters given with an invalid value (already reported; no follow-on errors about them). */
  private final Set<Param> invalid = java.util.EnumSet.noneOf(Param.class);

  private ExperimentLoader(StudyFile src) {
    this.src = src;
    this.file = src.name();
  }

  /** Reads and validates {@code path}; {@code quick} applies the file's {@code quick:} overrides. */
  public static Experiment load(Path path, boolean quick) {
    return read(StudyFile.read(path), quick);
  }

  /** Validates YAML text; {@code fileName} is used in messages. */
  public static Experiment parse(String fileName, String yaml, boolean quick) {
    return read(StudyFile.parse(fileName, yaml), quick);
  }

  /** Validates a study file of the Gaussian family; every problem is thrown at once. */
  public static Experiment read(StudyFile f, boolean quick) {
    ExperimentLoader l = new ExperimentLoader(f);
    Experiment e = l.build(f.root().isMissingNode() ? null : f.root(), quick);
    f.check();
    return e;
  }

  private void error(String field, Object value, String allowed) {
    src.error(field, value, allowed);
  }

  private Experiment build(JsonNode root, boolean quick) {
    if (root == null || !root.isObject()) {
      error("(top level)", root, "a mapping with keys " + new TreeSet<>(TOP));
      return null;
    }
    unknownKeys(root, TOP, "");
    String name = root.path("name").asText("");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      error("name", root.get("name"), "1-100 characters from A-Z a-z 0-9 . _ - (names the results and the output folder)");
    }
    String description = root.path("description").asText("");
    JsonNode q = root.path("quick");
    if (!q.isMissingNode() && !q.isObject()) {
      error("quick", q, "a mapping with keys " + new TreeSet<>(QUICK));
      q = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    } else if (q.isObject()) {
      unknownKeys(q, QUICK, "quick.");
    }
    boolean useQuick = quick && q.isObject();

    Compute compute = Compute.BOTH;
    if (root.has("compute")) {
      compute = Compute.parse(root.get("compute").isTextual() ? root.get("compute").asText() : null);
      if (compute == null) {
        error("compute", root.get("compute"), "theory, simulation or both");
        compute = Compute.BOTH;
      }
    }
    String runsField = useQuick && q.has("runs") ? "quick.runs" : "runs";
    JsonNode runsNode = useQuick && q.has("runs") ? q.get("runs") : root.get("runs");
    int runs = 5;
    if (runsNode != null) {
      Long r = integer(runsNode);
      if (r == null || r < 1 || r > 10_000) {
        error(runsField, runsNode, "an integer in [1, 10000]");
      } else {
        runs = r.intValue();
      }
    }

    // Parameters: fixed and swept, with quick overrides.
    Map<Param, List<Object>> values = new EnumMap<>(Param.class);
    Map<Param, String> origin = new EnumMap<>(Param.class);
    List<Param> swept = new ArrayList<>();
    JsonNode fixed = section(root, "fixed");
    JsonNode sweep = section(root, "sweep");
    JsonNode qFixed = useQuick ? section(q, "fixed") : null;
    JsonNode qSweep = useQuick ? section(q, "sweep") : null;
    readParams(fixed, qFixed, "fixed", false, values, origin, swept);
    readParams(sweep, qSweep, "sweep", true, values, origin, swept);
    if (root.has("seed")) {
      if (values.containsKey(Param.SEED)) {
        error("seed", root.get("seed"), "either a top-level seed or seed under " + origin.get(Param.SEED)
            + ", not both");
      } else {
        Long s = integer(root.get("seed"));
        if (s == null) {
          error("seed", root.get("seed"), "an integer");
        } else {
          values.put(Param.SEED, List.of(s));
          origin.put(Param.SEED, "seed");
        }
      }
    }
    defaults(values, origin);
    checkModelDependent(values, origin);

    Map<Param, Double> limits = new EnumMap<>(Param.class);
    JsonNode limNode = useQuick && q.has("simulation_limits") ? q.get("simulation_limits") : root.get("simulation_limits");
    String limField = useQuick && q.has("simulation_limits") ? "quick.simulation_limits" : "simulation_limits";
    if (limNode != null) {
      if (!limNode.isObject()) {
        error(limField, limNode, "a mapping from numeric parameter to its largest simulated value, e.g. {n: 100000}");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = limNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          Param p = Param.of(f.getKey());
          Double v = real(f.getValue());
          if (p == null || !p.numeric() || p == Param.SEED) {
            error(limField + "." + f.getKey(), f.getKey(), "one of d, n, m, p2, c2, sigma, lambda");
          } else if (v == null) {
            error(limField + "." + f.getKey(), f.getValue(), "a number");
          } else {
            limits.put(p, v);
          }
        }
      }
    }

    long cells = 1;
    for (List<Object> v : values.values()) {
      cells *= Math.max(1, v.size());
    }
    if (cells > MAX_CELLS) {
      error("sweep", cells + " grid points", "at most " + MAX_CELLS + " grid points");
    }

    List<FigureSpec> figures = new ArrayList<>();
    JsonNode figs = root.get("figures");
    if (figs != null && !figs.isNull()) {
      if (!figs.isArray()) {
        error("figures", figs, "a list of figures");
      } else {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < figs.size(); i++) {
          FigureSpec f = figure(figs.get(i), "figures[" + i + "]", values, swept, compute);
          if (f != null) {
            if (!names.add(f.name())) {
              error("figures[" + i + "].name", f.name(), "a name not used by another figure of this file");
            }
            figures.add(f);
          }
        }
      }
    }

    if (!src.ok()) {
      return null;
    }
    Experiment e = new Experiment(file, name, description, compute, runs, values, swept, limits, figures);
    // Last check: every cell must be a valid problem and its spectrum must parse.
    checkCells(e, origin);
    return e;
  }

  private JsonNode section(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      error(key, n, "a mapping from parameter name to value (parameters: " + Param.allKeys() + ")");
      return null;
    }
    return n;
  }

  private void readParams(JsonNode main, JsonNode override, String kind, boolean isSweep, Map<Param, List<Object>> values,
                          Map<Param, String> origin, List<Param> swept) {
    Map<String, String> entries = new LinkedHashMap<>(); // key -> path prefix
    if (main != null) {
      main.fieldNames().forEachRemaining(k -> entries.put(k, kind));
    }
    if (override != null) {
      override.fieldNames().forEachRemaining(k -> entries.put(k, "quick." + kind));
    }
    for (Map.Entry<String, String> en : entries.entrySet()) {
      String key = en.getKey();
      String prefix = en.getValue();
      JsonNode node = (prefix.startsWith("quick.") ? override : main).get(key);
      String field = prefix + "." + key;
      Param p = Param.of(key);
      if (p == null) {
        error(field, key, "a parameter name: " + Param.allKeys());
        continue;
      }
      if (values.containsKey(p)) {
        error(field, key, "each parameter once: " + key + " is already given under " + origin.get(p));
        continue;
      }
      List<Object> vals = isSweep ? sweepValues(p, node, field) : fixedValue(p, node, field);
      if (vals == null) {
        invalid.add(p);
      } else {
        values.put(p, vals);
        origin.put(p, field);
        if (isSweep) {
          swept.add(p);
        }
      }
    }
  }

  private List<Object> fixedValue(Param p, JsonNode node, String field) {
    if (node.isArray()) {
      if (node.size() != 1) {
        error(field, node, "a single value (list several values under sweep to vary " + p.key() + ")");
        return null;
      }
      node = node.get(0);
    }
    Object v = convert(p, node, field);
    return v == null ? null : List.of(v);
  }

  private List<Object> sweepValues(Param p, JsonNode node, String field) {
    List<Object> out = new ArrayList<>();
    if (node.isArray()) {
      if (node.isEmpty()) {
        error(field, node, "a non-empty list of values, each " + p.allowed());
        return null;
      }
      boolean ok = true;
      for (int i = 0; i < node.size(); i++) {
        Object v = convert(p, node.get(i), field + "[" + i + "]");
        if (v == null) {
          ok = false;
        } else if (!out.contains(v)) {
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
      error(field, node, "a list of values (ranges only for numeric parameters)");
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
        error(field, node, rangeAllowed);
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
          error(field + "." + k, k, "one of from, to, num, scale (a range is " + rangeAllowed + ")");
          return null;
        }
      }
      from = node.get("from");
      to = node.get("to");
      num = node.get("num");
      String scale = node.path("scale").asText("linear").toLowerCase(Locale.ROOT);
      if (!scale.equals("linear") && !scale.equals("log")) {
        error(field + ".scale", node.get("scale"), "linear or log");
        return null;
      }
      log = scale.equals("log");
    }
    Double a = from == null ? null : real(from);
    Double b = to == null ? null : real(to);
    Long k = num == null ? null : integer(num);
    boolean bad = false;
    if (a == null) {
      error(field + ".from", from, "a number");
      bad = true;
    }
    if (b == null) {
      error(field + ".to", to, "a number");
      bad = true;
    }
    if (k == null || k < 1 || k > MAX_POINTS) {
      error(field + ".num", num, "an integer in [1, " + MAX_POINTS + "]");
      bad = true;
    }
    if (bad) {
      return null;
    }
    if (log && (a <= 0 || b <= 0)) {
      error(field, "from " + a + " to " + b, "both ends > 0 for a log-spaced range");
      return null;
    }
    List<Object> out = new ArrayList<>();
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
        error(field, "a range reaching " + c, p.allowed());
        return null;
      }
      if (!out.contains(c)) {
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

  private Object convert(Param p, JsonNode n, String field) {
    Object v = switch (p.type()) {
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
      error(field, n, p.allowed());
      return null;
    }
    return v;
  }

  private static Long integer(JsonNode n) {
    Double d = real(n);
    if (d == null || Math.abs(d - Math.rint(d)) > 1e-9 || Math.abs(d) > 9e15) {
      return null;
    }
    return Math.round(d);
  }

  private static Double real(JsonNode n) {
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

  private void defaults(Map<Param, List<Object>> values, Map<Param, String> origin) {
    values.putIfAbsent(Param.MODEL, List.of("ridge"));
    values.putIfAbsent(Param.SPECTRUM, List.of("iso"));
    values.putIfAbsent(Param.SIGMA, List.of(1.0));
    values.putIfAbsent(Param.LAMBDA, List.of(0.0));
    values.putIfAbsent(Param.SEED, List.of(0L));
    values.putIfAbsent(Param.M, List.of(0L));
    for (Param req : List.of(Param.N, Param.P2, Param.C2)) {
      if (!values.containsKey(req) && !invalid.contains(req)) {
        error("fixed." + req.key(), null, req.allowed() + " (required: give " + req.key() + " under fixed or sweep)");
      }
    }
    if (!values.containsKey(Param.D) && !invalid.contains(Param.D)) {
      boolean allFiles = values.get(Param.SPECTRUM).stream().allMatch(s -> SpecsHelper.isFile((String) s));
      if (allFiles) {
        values.put(Param.D, List.of(0L));
      } else {
        error("fixed.d", null, Param.D.allowed() + " (required unless every spectrum is file:PATH)");
      }
    }
  }

  private void checkModelDependent(Map<Param, List<Object>> values, Map<Param, String> origin) {
    List<Object> models = values.get(Param.MODEL);
    boolean rp = models.contains("rp");
    boolean mGiven = origin.containsKey(Param.M) || invalid.contains(Param.M);
    if (rp && !mGiven) {
      error("fixed.m", null, Param.M.allowed() + " (required for model rp: the width)");
    }
  }

  private FigureSpec figure(JsonNode f, String field, Map<Param, List<Object>> values, List<Param> swept,
                            Compute compute) {
    if (f == null || !f.isObject()) {
      error(field, f, "a mapping with keys " + new TreeSet<>(FIGURE));
      return null;
    }
    unknownKeys(f, FIGURE, field + ".");
    int before = src.errors().size();
    String name = f.path("name").asText("");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      error(field + ".name", f.get("name"), "1-100 characters from A-Z a-z 0-9 . _ - (the PNG/SVG file name)");
    }
    String typeText = f.path("type").asText("line").toLowerCase(Locale.ROOT);
    FigureSpec.Type type = switch (typeText) {
      case "line" -> FigureSpec.Type.LINE;
      case "pareto" -> FigureSpec.Type.PARETO;
      default -> null;
    };
    if (type == null) {
      error(field + ".type", f.get("type"), "line or pareto");
      return null;
    }
    FigureSpec.Metric metric = FigureSpec.Metric.ERROR;
    if (f.has("metric")) {
      try {
        metric = FigureSpec.Metric.valueOf(f.get("metric").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        error(field + ".metric", f.get("metric"), String.join(", ", FigureSpec.Metric.names()));
      }
      if (metric != FigureSpec.Metric.ERROR && !compute.theory()) {
        error(field + ".metric", f.get("metric"), "error (bias, variance and zeta come from theory, but compute is "
            + "simulation)");
      }
    }
    Param x = sweptParam(f, "x", field, swept, type == FigureSpec.Type.LINE);
    if (x != null && !x.numeric()) {
      error(field + ".x", f.get("x"), "a numeric swept parameter (" + x.key() + " is text: use it as series or panels)");
      x = null;
    }
    Param series = sweptParam(f, "series", field, swept, false);
    Param panels = sweptParam(f, "panels", field, swept, false);
    Param shape = sweptParam(f, "shape", field, swept, false);
    Map<Param, Object> where = new EnumMap<>(Param.class);
    JsonNode w = f.get("where");
    if (w != null) {
      if (!w.isObject()) {
        error(field + ".where", w, "a mapping from swept parameter to one of its values");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> en = it.next();
          Param p = Param.of(en.getKey());
          if (p == null || !swept.contains(p)) {
            error(field + ".where." + en.getKey(), en.getKey(), "a swept parameter (" + names(swept) + ")");
            continue;
          }
          Object v = convert(p, en.getValue(), field + ".where." + en.getKey());
          if (v != null && !values.get(p).contains(v)) {
            error(field + ".where." + en.getKey(), en.getValue(), "one of the swept values " + values.get(p));
          } else if (v != null) {
            where.put(p, v);
          }
        }
      }
    }
    Set<Param> used = new LinkedHashSet<>();
    if (type == FigureSpec.Type.PARETO) {
      if (!values.get(Param.MODEL).equals(List.of("rp"))) {
        error(field + ".type", "pareto", "a figure for model rp only (fix model: rp)");
      }
      if (!swept.contains(Param.M)) {
        error(field + ".type", "pareto", "a figure over model sizes: sweep m");
      }
      if (!swept.contains(Param.P2) || !values.get(Param.P2).contains(0.0)) {
        error(field + ".type", "pareto", "a figure that needs sweep.p2 to include 0 (the real-only baseline)");
      }
      if (x != null) {
        error(field + ".x", f.get("x"), "nothing for pareto (x is the real-only error)");
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
      error(field + ".shape", f.get("shape"), "nothing for line figures (use series)");
    }
    for (Param p : new Param[] {x, series, panels, shape}) {
      if (p != null) {
        if (!used.add(p) && !(type == FigureSpec.Type.PARETO && p == Param.P2 && p == panels)) {
          error(field, p.key(), "each parameter in one role only (x, series, panels, shape)");
        }
      }
    }
    for (Param p : swept) {
      if (values.get(p).size() > 1 && !used.contains(p) && !where.containsKey(p)) {
        error(field, "sweep parameter " + p.key() + " with " + values.get(p).size() + " values unused",
            "every swept parameter used as x, series, panels" + (type == FigureSpec.Type.PARETO ? ", shape" : "")
                + " or fixed with where." + p.key());
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
      error(field + "." + key, n, "true or false");
      return dflt;
    }
    return n.asBoolean();
  }

  private Param sweptParam(JsonNode f, String key, String field, List<Param> swept, boolean required) {
    JsonNode n = f.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        error(field + "." + key, null, "a swept parameter (" + names(swept) + ")");
      }
      return null;
    }
    Param p = n.isTextual() ? Param.of(n.asText()) : null;
    if (p != null && invalid.contains(p)) {
      return null; // its own error is reported already
    }
    if (p == null || !swept.contains(p)) {
      error(field + "." + key, n, "a swept parameter (" + names(swept) + ")");
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

  private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
    src.unknownKeys(node, allowed, prefix);
  }


  private void checkCells(Experiment e, Map<Param, String> origin) {
    // Spectra: parse each (spectrum, d) pair once.
    Map<String, Spectrum> spectra = new LinkedHashMap<>();
    for (Object s : e.values().get(Param.SPECTRUM)) {
      for (Object d : e.values().get(Param.D)) {
        String spec = (String) s;
        try {
          spectra.put(spec + "|" + d, org.collapselab.experiments.spec.SpectrumSpecs.parse(spec, ((Long) d).intValue()));
        } catch (ParameterException ex) {
          String f = ex.field().equals("d") ? origin.getOrDefault(Param.D, "fixed.d") : origin.getOrDefault(
              Param.SPECTRUM, "fixed.spectrum");
          error(f, ex.field().equals("d") ? d : spec, ex.allowed());
        }
      }
    }
    if (!src.ok()) {
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (GaussianCell c : GridExpander.expand(e)) {
      try {
        Spectrum sp = spectra.get(c.spectrum() + "|" + (long) c.d());
        Problem p = c.problem(sp);
        if (p.model() == ModelKind.RANDOM_PROJECTION && p.m() < 1) {
          throw new ParameterException("m", p.m(), Param.M.allowed());
        }
      } catch (ParameterException ex) {
        Param p = Param.of(ex.field());
        String f = p != null && origin.containsKey(p) ? origin.get(p) : ex.field();
        String line = f + "|" + ex.value();
        if (seen.add(line)) {
          error(f, ex.value(), ex.allowed());
        }
      }
    }
  }

  /** Spectrum-text helpers that need no parsing. */
  private static final class SpecsHelper {
    static boolean isFile(String s) {
      return org.collapselab.experiments.spec.SpectrumSpecs.fixesDimension(s);
    }
  }
}
