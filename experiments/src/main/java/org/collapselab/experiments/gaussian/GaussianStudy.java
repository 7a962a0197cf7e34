package org.collapselab.experiments.gaussian;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * A Gaussian sweep as a {@link Study}: one cell per grid point (keys as before the plug-in design, so existing result
 * databases are reused), a stored cell whose theory had failed gets its theory retried with its simulation kept, and
 * the report is the file's figures plus the summary table.
 *
 * @param experiment the validated experiment file
 */
public record GaussianStudy(Experiment experiment) implements Study {
    @Override
    public String name() {
        return experiment.name();
    }

    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (GaussianCell c : GridExpander.expand(experiment)) {
            out.add(new GaussianCellJob(c, experiment.name(), 1));
        }
        return out;
    }

    @Override
    public CellJob resume(CellJob cell, StoredCell stored) {
        GaussianCell c = ((GaussianCellJob) cell).cell();
        GaussianResult prev = GaussianResult.fromJson(c, stored.resultJson());
        boolean simOk = !c.simulation() || prev.simulation() != null;
        // theory failed when stored (e.g. a divergent point): retry it, keeping the stored simulation
        return c.theory() && prev.theory() == null && simOk
                ? new GaussianCellJob(c, experiment.name(), 1, prev.simulation())
                : null;
    }

    /** A cell whose requested simulation threw is a failure (a divergent theory point is a result, not a failure). */
    @Override
    public String failure(CellJob cell, StoredCell stored) {
        GaussianResult r = GaussianResult.fromJson(((GaussianCellJob) cell).cell(), stored.resultJson());
        return r.simulationError() == null ? null : "simulation failed: " + r.simulationError();
    }

    /** The stored results of the study's cells, in grid order. */
    public static List<GaussianResult> results(StudyResults r) {
        List<GaussianResult> out = new ArrayList<>();
        for (GaussianCellJob j : r.present(GaussianCellJob.class)) {
            out.add(GaussianResult.fromJson(j.cell(), r.stored().get(j.key()).resultJson()));
        }
        return out;
    }

    @Override
    public StudyReport report(StudyResults r, ReportOptions o) throws java.io.IOException {
        List<GaussianResult> results = results(r);
        List<Path> figures = new ArrayList<>();
        if (o.figures() && !experiment.figures().isEmpty()) {
            if (results.size() < r.cells().size() && o.log() != null) {
                o.log()
                        .println("note: " + (r.cells().size() - results.size())
                                + " cells are not in the database yet (other "
                                + "shards or failures); figures show the cells present");
            }
            figures.addAll(GaussianFigures.draw(experiment, results, o.outDir()));
        }
        GaussianRun run = new GaussianRun(experiment, results, null);
        List<Claim> claims = new ArrayList<>();
        for (Claim c : experiment.claims().judge(run)) {
            claims.add(
                    experiment.report().claimsPrefix().isEmpty()
                            ? c
                            : c.prefixed(experiment.report().claimsPrefix()));
        }
        return new StudyReport(
                figures,
                GaussianReport.html(o.outDir(), run, r.cells().size()),
                claims,
                SummaryTable.format(experiment, results, o.maxRows()));
    }
}
