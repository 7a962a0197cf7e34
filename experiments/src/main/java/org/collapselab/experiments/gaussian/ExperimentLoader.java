package org.collapselab.experiments.gaussian;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.SafeNames;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.problem.ModelKind;
import org.collapselab.problem.Problem;
import org.collapselab.spectrum.Spectrum;
import org.collapselab.validation.ParameterException;

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
 * claims: width                 # none | scaling | width | pareto | universality (the report's claims)
 * claims_prefix: "[...] "       # put before each claim's statement
 * note: free text               # a paragraph after the figures in the report
 * quick:                        # overrides used by --quick (runs, fixed, sweep, simulation_limits)
 *   runs: 2
 *   sweep: {m: {from: 25, to: 5000, num: 8, scale: log}}
 * </pre>
 */
public final class ExperimentLoader {
    /** The known top-level keys: those the family declares ({@link GaussianFamily#SCHEMA}). */
    private static final Set<String> TOP = GaussianFamily.SCHEMA.keys();

    private static final Set<String> QUICK = Set.of("runs", "fixed", "sweep", "simulation_limits");
    private static final long MAX_CELLS = 1_000_000;

    private final StudyFile src;
    private final String file;
    /** Parameters given with an invalid value (already reported; no follow-on errors about them). */
    private final Set<Param> invalid = java.util.EnumSet.noneOf(Param.class);

    private final ParamValues valueReader;
    private final FigureReader figureReader;

    private ExperimentLoader(StudyFile src) {
        this.src = src;
        this.file = src.name();
        this.valueReader = new ParamValues(src);
        this.figureReader = new FigureReader(valueReader, src, invalid);
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
            src.addError(StudyFile.topLevel(file, root, TOP));
            return null;
        }
        unknownKeys(root, TOP, "");
        String name = root.path("name").asText("");
        if (!SafeNames.isValid(name) || !root.path("name").isTextual()) {
            error("name", root.get("name"), SafeNames.ALLOWED + " (names the results and the output folder)");
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
            compute = Compute.parse(
                    root.get("compute").isTextual() ? root.get("compute").asText() : null);
            if (compute == null) {
                error(
                        "compute",
                        root.get("compute"),
                        GaussianFamily.SCHEMA.field("compute").phrase());
                compute = Compute.BOTH;
            }
        }
        boolean quickRuns = useQuick && q.has("runs");
        Long r = valueReader.integer(
                GaussianFamily.SCHEMA.field("runs"), quickRuns ? q : root, quickRuns ? "quick.runs" : "runs");
        int runs = r == null ? -1 : r.intValue();

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
                error(
                        "seed",
                        root.get("seed"),
                        "either a top-level seed or seed under " + origin.get(Param.SEED) + ", not both");
            } else {
                Object s = valueReader.convert(Param.SEED, root.get("seed"), "seed");
                if (s != null) {
                    values.put(Param.SEED, List.of(s));
                    origin.put(Param.SEED, "seed");
                }
            }
        }
        defaults(values, origin);
        checkModelDependent(values, origin);

        Map<Param, Double> limits = new EnumMap<>(Param.class);
        JsonNode limNode =
                useQuick && q.has("simulation_limits") ? q.get("simulation_limits") : root.get("simulation_limits");
        String limField = useQuick && q.has("simulation_limits") ? "quick.simulation_limits" : "simulation_limits";
        if (limNode != null) {
            if (!limNode.isObject()) {
                error(
                        limField,
                        limNode,
                        "a mapping from numeric parameter to its largest simulated value, e.g. {n: 100000}");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = limNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    Param p = Param.of(f.getKey());
                    Double v = ParamValues.real(f.getValue());
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

        // Exact and overflow-proof: the product stops growing once it passes the limit (8 sweeps of 256 values once
        // wrapped a long to 0 and the expansion ran out of memory).
        long cells = 1;
        for (List<Object> v : values.values()) {
            cells = Math.min(MAX_CELLS + 1, cells * Math.max(1, v.size()));
        }
        if (cells > MAX_CELLS) {
            error(
                    "sweep",
                    "more than " + MAX_CELLS + " grid points",
                    "at most " + MAX_CELLS + " grid points (the product of the swept lists' lengths)");
        }

        List<FigureSpec> figures = new ArrayList<>();
        JsonNode figs = root.get("figures");
        if (figs != null && !figs.isNull()) {
            if (!figs.isArray()) {
                error("figures", figs, "a list of figures");
            } else {
                Set<String> names = new LinkedHashSet<>();
                for (int i = 0; i < figs.size(); i++) {
                    FigureSpec f = figureReader.figure(figs.get(i), "figures[" + i + "]", values, swept, compute);
                    if (f != null) {
                        if (!names.add(f.name())) {
                            error(
                                    "figures[" + i + "].name",
                                    f.name(),
                                    "a name not used by another figure of this file");
                        }
                        figures.add(f);
                    }
                }
            }
        }

        if (!src.ok()) {
            return null;
        }
        ClaimSet claims = GaussianFamily.SCHEMA.choice(src, root, "claims", ClaimSet.class, null);
        String prefix = root.has("claims_prefix") ? GaussianFamily.SCHEMA.text(src, root, "claims_prefix") : "";
        String note = root.has("note") ? GaussianFamily.SCHEMA.text(src, root, "note") : "";
        if (!src.ok()) {
            return null;
        }
        Experiment e = new Experiment(
                file,
                name,
                description,
                compute,
                runs,
                values,
                swept,
                limits,
                figures,
                new Experiment.Report(claims, prefix, note));
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

    private void readParams(
            JsonNode main,
            JsonNode override,
            String kind,
            boolean isSweep,
            Map<Param, List<Object>> values,
            Map<Param, String> origin,
            List<Param> swept) {
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
            List<Object> vals =
                    isSweep ? valueReader.sweepValues(p, node, field) : valueReader.fixedValue(p, node, field);
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

    /**
     * The declared defaults of the parameters not given (also of those given with an invalid value, so that the checks
     * after this one see a value); an error for each required one missing.
     */
    private void defaults(Map<Param, List<Object>> values, Map<Param, String> origin) {
        for (Param p : Param.values()) {
            Field f = p.field();
            if (values.containsKey(p) || f.dflt().equals("-") || (f.required() && invalid.contains(p))) {
                continue;
            }
            if (!f.required()) {
                values.put(
                        p,
                        List.of(
                                switch (p.type()) {
                                    case INT -> (long) f.defaultNumber();
                                    case REAL -> f.defaultNumber();
                                    case TEXT -> f.dflt();
                                }));
            } else if (p != Param.D) {
                error("fixed." + p.key(), null, p.allowed() + " (required: give " + p.key() + " under fixed or sweep)");
            }
        }
        values.putIfAbsent(Param.M, List.of(0L)); // no width: ridge cells
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
                    spectra.put(
                            spec + "|" + d,
                            org.collapselab.experiments.params.SpectrumSpecs.parse(spec, ((Long) d).intValue()));
                } catch (ParameterException ex) {
                    String f = ex.field().equals("d")
                            ? origin.getOrDefault(Param.D, "fixed.d")
                            : origin.getOrDefault(Param.SPECTRUM, "fixed.spectrum");
                    error(f, ex.field().equals("d") ? d : ex.value(), ex.allowed());
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
                if (c.simulation()) {
                    org.collapselab.data.SimulationLimits.concurrentRuns(p, 1);
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
            return org.collapselab.experiments.params.SpectrumSpecs.fixesDimension(s);
        }
    }
}
