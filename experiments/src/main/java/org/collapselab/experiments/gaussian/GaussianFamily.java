package org.collapselab.experiments.gaussian;

import java.util.List;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;

/** The Gaussian family ({@code kind: gaussian}, the default): declarative theory/simulation sweeps. */
public final class GaussianFamily implements StudyFamily {
    @Override
    public String kind() {
        return "gaussian";
    }

    /** The fields of a Gaussian study file; the grid's parameters, listed under fixed and sweep, are {@link Param}. */
    static final Schema SCHEMA = new Schema(
            "gaussian",
            "Declarative sweeps of the Gaussian model: every cell of the "
                    + "grid gets the deterministic-equivalent theory and/or a Monte Carlo simulation.",
            List.of(
                    Field.choice("compute", "theory, simulation, both", "both", "what each cell computes"),
                    Field.integer("runs", 1, 10_000, "5", "simulation runs per cell"),
                    Param.SEED.field(),
                    Field.nested("fixed", Field.Type.MAPPING, "-", "one value per parameter (parameters below)"),
                    Field.nested(
                            "sweep",
                            Field.Type.MAPPING,
                            "-",
                            "several values per parameter: a list, {from, to, num, "
                                    + "scale: linear|log}, or {linspace|logspace: [from, to, num]}"),
                    Field.nested(
                            "simulation_limits",
                            Field.Type.MAPPING,
                            "-",
                            "cells beyond a limit get theory only, e.g. " + "{n: 100000}"),
                    Field.nested(
                            "figures",
                            Field.Type.LIST,
                            "[]",
                            "figures to draw: {name, type: line|pareto, x, series, " + "panels, metric, ...}"),
                    Field.choice(
                            "claims",
                            "none, scaling, width, pareto, universality",
                            "universality when features is swept, " + "else none",
                            "the paper's claims the report judges"),
                    Field.text("claims_prefix", "\"\"", "put before each claim's statement"),
                    Field.text("note", "\"\"", "a paragraph after the figures in the report")),
            List.of(new Schema.Group(
                    "parameters under fixed: and sweep: (quick: may override runs, fixed, sweep and "
                            + "simulation_limits)",
                    Param.fields())));

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile file, boolean quick) {
        return new GaussianStudy(ExperimentLoader.read(file, quick));
    }
}
