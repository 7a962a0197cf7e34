package org.collapselab.experiments.gaussian;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.report.Html;

/** A Gaussian study's part of {@code report.html}: its figures, its parameters and what was computed. */
final class GaussianReport {
    private GaussianReport() {}

    /** The HTML fragment of a run whose figures were drawn into {@code outDir}. */
    static String html(Path outDir, GaussianRun s, int cells) {
        Experiment e = s.experiment();
        StringBuilder b = new StringBuilder();
        b.append("<h3>").append(Html.escape(e.name())).append("</h3>\n").append(Html.paragraph(e.description()));
        for (FigureSpec f : e.figures()) {
            b.append(Html.figure(
                    outDir, outDir.resolve(f.name() + ".png"), outDir.resolve(f.name() + ".svg"), f.title()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Param, List<Object>> v : e.values().entrySet()) {
            if (v.getKey() == Param.M
                            && e.first(Param.MODEL).equals("ridge")
                            && !e.swept().contains(Param.MODEL)
                    || v.getKey() == Param.FEATURES && !e.swept().contains(Param.FEATURES)) {
                continue;
            }
            rows.add(List.of(
                    v.getKey().key(), e.swept().contains(v.getKey()) ? "swept" : "fixed", describe(v.getValue())));
        }
        rows.add(List.of("runs", "per cell", Integer.toString(e.runs())));
        rows.add(List.of("compute", "", e.compute().name().toLowerCase(Locale.ROOT)));
        if (!e.simulationLimits().isEmpty()) {
            rows.add(List.of("simulation limits", "", e.simulationLimits().toString()));
        }
        b.append(Html.table(List.of("parameter", "", "values"), rows));
        long theoryOk = s.results().stream().filter(r -> r.theory() != null).count();
        long simOk = s.results().stream().filter(r -> r.simulation() != null).count();
        String theoryNote = s.results().stream()
                .filter(r -> r.theoryError() != null)
                .map(GaussianResult::theoryError)
                .findFirst()
                .map(m -> " Theory missing for " + s.theoryErrors() + " cells, e.g.: " + m + ".")
                .orElse("");
        String missing = s.results().size() < cells
                ? " " + (cells - s.results().size()) + " cells are not in the "
                        + "database (other shards or failures): figures and claims use the cells present."
                : "";
        b.append(Html.paragraph(String.format(
                Locale.ROOT,
                "%d cells (%d with theory, %d simulated).%s%s",
                cells,
                theoryOk,
                simOk,
                theoryNote,
                missing)));
        if (!e.report().note().isEmpty()) {
            b.append(Html.paragraph(e.report().note()));
        }
        return b.toString();
    }

    private static String describe(List<Object> values) {
        if (values.size() <= 8) {
            List<String> t = new ArrayList<>();
            for (Object v : values) {
                t.add(GaussianFigures.format(v));
            }
            return String.join(", ", t);
        }
        return values.size() + " values from " + GaussianFigures.format(values.get(0)) + " to "
                + GaussianFigures.format(values.get(values.size() - 1));
    }
}
