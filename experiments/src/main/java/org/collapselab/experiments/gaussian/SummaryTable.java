package org.collapselab.experiments.gaussian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed at the end of {@code collapselab run}: one line per cell (the swept parameters, theory,
 * simulation, and z = (sim mean − theory)/standard error).
 */
public final class SummaryTable {
    private SummaryTable() {}

    /** Formats up to {@code maxRows} cells (then a line saying how many more). */
    public static String format(Experiment e, List<GaussianResult> results, int maxRows) {
        List<Param> cols = new ArrayList<>(e.swept());
        List<String> header = new ArrayList<>();
        for (Param p : cols) {
            header.add(p.key());
        }
        header.add("theory E");
        header.add("sim mean ± std");
        header.add("z");
        header.add("note");
        List<List<String>> rows = new ArrayList<>();
        for (GaussianResult r : results) {
            if (rows.size() >= maxRows) {
                break;
            }
            List<String> row = new ArrayList<>();
            for (Param p : cols) {
                row.add(GaussianFigures.format(r.cell().get(p)));
            }
            row.add(
                    r.theory() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.4g", r.theory().testError()));
            row.add(
                    r.simulation() == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%.4g ± %.2g",
                                    r.simulation().mean(),
                                    r.simulation().std()));
            // (sim − theory) in standard errors of the simulated mean: |z| < 3 is agreement.
            row.add(
                    r.theory() == null
                                    || r.simulation() == null
                                    || !(r.simulation().stderr() > 0)
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%+.1f",
                                    (r.simulation().mean() - r.theory().testError())
                                            / r.simulation().stderr()));
            String note = r.theoryError() != null
                    ? "theory: " + r.theoryError()
                    : r.simulationError() != null ? "simulation: " + r.simulationError() : "";
            row.add(note.length() > 60 ? note.substring(0, 57) + "..." : note);
            rows.add(row);
        }
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, header, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "");
        }
        b.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> r : rows) {
            appendRow(b, r, w);
        }
        if (results.size() > rows.size()) {
            b.append("... ")
                    .append(results.size() - rows.size())
                    .append(" more cells (collapselab export DIR --format csv for all)\n");
        }
        long theoryErrors =
                results.stream().filter(r -> r.theoryError() != null).count();
        long simErrors =
                results.stream().filter(r -> r.simulationError() != null).count();
        b.append(String.format(
                Locale.ROOT,
                "%d cells: %d theory errors, %d simulation errors%n",
                results.size(),
                theoryErrors,
                simErrors));
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            line.append(c).append(" ".repeat(w[i] - c.length())).append(i + 1 < cells.size() ? "  " : "");
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }
}
