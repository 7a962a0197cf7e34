package org.collapselab.experiments.generations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.data.SimulationLimits;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.simulation.LoopSimulator;
import org.collapselab.simulation.SimulationResult;
import org.collapselab.validation.ParameterException;

/**
 * The generations family ({@code kind: generations}): retraining loops with theory beside every curve
 * ({@link GenerationsStudy}). The file gives the sizes; the loops themselves are {@link GenerationsStudy#specs}.
 * <pre>
 *   name: generations
 *   kind: generations
 *   description: free text
 *   d: 50                 # dimension (OLS claims need n &gt; d + 1)
 *   n: 200                # rows per generation
 *   generations: 20       # K
 *   runs: 200             # simulated loops per curve
 *   seed: 2026
 *   boundary_rows: 1000   # n of the (d/n, p2) boundary figure (theory only)
 *   quick: {generations: 8, runs: 60}
 * </pre>
 */
public final class GenerationsFamily implements StudyFamily {
    /**
     * Most rows of the boundary figure: its theory takes time proportional to them (28 ratios × 3 penalties × a
     * bisection over the share, each O(d) with d up to 1.5 rows), about half a minute at 10⁵.
     */
    static final long MAX_BOUNDARY_ROWS = 10_000;

    static final Schema SCHEMA = new Schema(
            "generations",
            "Retraining loops of ridge regression (replace, accumulate, "
                    + "accumulate-subsample, fresh real data) over generations, theory beside simulation.",
            List.of(
                    Field.integer("d", 1, 5000, "50", "dimension"),
                    Field.integer("n", 4, 1_000_000, "200", "rows per generation (> d + 1)"),
                    Field.integer(
                            "generations", GenerationsClaims.TAIL + 1, 1000, "20", "generations K after generation 0"),
                    Field.integer("runs", 2, 100_000, "200", "simulation runs per loop"),
                    Field.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, "2026", "base seed"),
                    Field.integer(
                            "boundary_rows",
                            10,
                            MAX_BOUNDARY_ROWS,
                            "1000",
                            "n of the (d/n, p2) boundary figure (theory only)")));

    @Override
    public String kind() {
        return "generations";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        int d = SCHEMA.integer(f, r, "d");
        long n = SCHEMA.longValue(f, r, "n");
        int k = SCHEMA.integer(f, r, "generations");
        int runs = SCHEMA.integer(f, r, "runs");
        long seed = SCHEMA.longValue(f, r, "seed");
        long boundary = SCHEMA.longValue(f, r, "boundary_rows");
        if (n <= d + 1L) {
            f.error("n", n, "> d + 1 = " + (d + 1) + " (the OLS claims use closed forms that need it)");
        }
        if (!f.ok()) {
            return null;
        }
        GenerationsStudy.Settings settings = new GenerationsStudy.Settings(d, n, k, runs, seed, boundary);
        checkSimulable(f, settings);
        return f.ok() ? new Loops(name, r.path("description").asText(""), settings) : null;
    }

    /**
     * Every loop of the study can be simulated (rows, memory, pooled rows), checked before any cell runs: the loops
     * {@code below}/{@code above} use d = 0.6·n and 0.85·n, so a large n is refused here, not in a cell.
     */
    private static void checkSimulable(StudyFile f, GenerationsStudy.Settings s) {
        for (GenerationsStudy.CurveSpec c : GenerationsStudy.specs(s)) {
            try {
                SimulationLimits.concurrentRuns(c.problem(), 1);
                LoopSimulator.requireSupported(c.problem());
            } catch (ParameterException e) {
                f.error(
                        e.field().equals("generations") ? "generations" : "n",
                        e.field().equals("generations") ? s.generations() : s.n(),
                        "a size whose loops can be simulated; loop " + c.id() + " (d = "
                                + c.problem().d() + ", n = " + c.problem().n() + "): " + e.field() + " must be "
                                + e.allowed());
                return;
            }
        }
    }

    /** A validated generations study. */
    record Loops(String name, String description, GenerationsStudy.Settings settings) implements Study {
        @Override
        public List<CellJob> cells() {
            List<CellJob> out = new ArrayList<>();
            for (GenerationsStudy.CurveSpec c : GenerationsStudy.specs(settings)) {
                out.add(new GenerationsCell(name, c, null, settings.runs(), settings.seed(), 1));
            }
            out.add(new GenerationsCell(
                    name, null, GenerationsStudy.realHalf(settings), settings.runs(), settings.seed(), 1));
            return out;
        }

        @Override
        public StudyReport report(StudyResults results, ReportOptions options) throws Exception {
            Map<String, GenerationsCurve> curves = new LinkedHashMap<>();
            SimulationResult half = null;
            int missing = 0;
            for (GenerationsCell c : results.present(GenerationsCell.class)) {
                String json = results.resultJson(c.key()).orElseThrow();
                if (c.spec() == null) {
                    half = GenerationsCell.realHalfFrom(json);
                } else {
                    curves.put(c.id(), c.curveFrom(json));
                }
            }
            missing = results.cells().size() - curves.size() - (half == null ? 0 : 1);
            if (missing > 0) {
                String text = name + ": " + missing + " of " + results.cells().size()
                        + " cells are not in the store yet (other shards?); no figures or claims";
                return new StudyReport(List.of(), Html.paragraph(text), List.of(), text);
            }
            GenerationsStudy.Outcome o =
                    GenerationsStudy.report(settings, curves, half, options.outDir(), options.figures());
            String text = name + ": " + curves.size() + " loops, K = " + settings.generations() + ", " + settings.runs()
                    + " runs each (seed " + settings.seed() + ")";
            return new StudyReport(o.figures(), Html.paragraph(description + ". " + text), o.claims(), text);
        }
    }
}
