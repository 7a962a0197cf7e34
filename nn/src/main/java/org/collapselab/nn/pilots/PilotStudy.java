package org.collapselab.nn.pilots;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * A pilot grid as a study for the one runner (resumable from {@code results.db}, shardable by cell key). Its report
 * is the pilot file {@link PilotRuns} writes, so the study's own report is empty.
 *
 * @param name study name in the result store
 * @param learner the learner
 * @param data the rows
 * @param plan the grid
 * @param seed base seed of the row subsets
 */
public record PilotStudy(String name, PilotLearner learner, PilotData data, PilotPlan plan, long seed)
        implements Study {
    /** Every run: sizes × shares × replicates 1..seeds, in that order. */
    public List<PilotCell> runs() {
        List<PilotCell> out = new ArrayList<>();
        for (long n : plan.sizes()) {
            for (double p2 : plan.shares()) {
                for (int r = 1; r <= plan.seeds(); r++) {
                    out.add(new PilotCell(name, learner, data, n, p2, r, seed));
                }
            }
        }
        return out;
    }

    @Override
    public List<CellJob> cells() {
        return List.copyOf(runs());
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions options) {
        return new StudyReport(List.of(), "", List.of(), "");
    }
}
