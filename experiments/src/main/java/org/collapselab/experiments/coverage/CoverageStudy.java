package org.collapselab.experiments.coverage;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.estimation.Coverage;
import org.collapselab.estimation.GaussianTwoSource;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * The coverage check as a study: every setting of {@link Coverage#cases()} × {@code repetitions} cells.
 *
 * @param name study name
 * @param description free text for the report
 * @param repetitions repetitions per setting
 * @param splits half-splits of the cross-fit
 * @param seed base seed (repetition r draws from seed + r)
 */
public record CoverageStudy(String name, String description, int repetitions, int splits, long seed) implements Study {
    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (GaussianTwoSource t : Coverage.cases()) {
            CoverageCell.Setting s = CoverageCell.Setting.of(t);
            for (int r = 0; r < repetitions; r++) {
                out.add(new CoverageCell(name, s, r, splits, seed));
            }
        }
        return out;
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        return CoverageReport.report(this, results, o);
    }
}
