package org.collapselab.experiments.gaussian;

import java.util.List;
import java.util.Map;

/**
 * A validated experiment file: every parameter has a non-empty list of values (fixed parameters one value), in
 * declaration order; {@link GridExpander} turns it into cells.
 *
 * @param source the file it was read from (for messages), or a resource name
 * @param name experiment name (key in the result database, default output folder)
 * @param description free text
 * @param compute theory, simulation or both
 * @param runs simulation runs per cell
 * @param values for each parameter, its values (swept parameters have several, or one)
 * @param swept the parameters listed under {@code sweep}, in file order
 * @param simulationLimits cells whose parameter exceeds the limit get theory only (e.g. n: 100000)
 * @param figures figures to draw
 * @param report what the study's report judges and adds ({@code claims}, {@code claims_prefix}, {@code note})
 */
public record Experiment(
        String source,
        String name,
        String description,
        Compute compute,
        int runs,
        Map<Param, List<Object>> values,
        List<Param> swept,
        Map<Param, Double> simulationLimits,
        List<FigureSpec> figures,
        Report report) {
    public Experiment {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        swept = List.copyOf(swept);
        simulationLimits = Map.copyOf(simulationLimits);
        figures = List.copyOf(figures);
        report = report == null ? Report.DEFAULT : report;
    }

    /**
     * The study's part of {@code report.html}.
     *
     * @param claims the claims judged; null: {@link ClaimSet#UNIVERSALITY} when {@code features} is swept, else none
     * @param claimsPrefix text put before each claim's statement (e.g. the parameters it was judged at), or ""
     * @param note a paragraph after the study's figures and parameters, or ""
     */
    public record Report(ClaimSet claims, String claimsPrefix, String note) {
        /** Claims by the default rule, no prefix, no note. */
        public static final Report DEFAULT = new Report(null, "", "");

        public Report {
            claimsPrefix = claimsPrefix == null ? "" : claimsPrefix;
            note = note == null ? "" : note;
        }
    }

    /** The claims this study judges. */
    public ClaimSet claims() {
        return report.claims() != null
                ? report.claims()
                : swept.contains(Param.FEATURES) ? ClaimSet.UNIVERSALITY : ClaimSet.NONE;
    }

    /** The single value of a fixed parameter or the first of a swept one. */
    public Object first(Param p) {
        return values.get(p).get(0);
    }
}
