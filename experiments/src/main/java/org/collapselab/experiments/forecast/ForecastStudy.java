package org.collapselab.experiments.forecast;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.forecast.GaussianCheck;

/**
 * The forecast check as a study: every setting × {@code sets} pilot sets.
 *
 * @param name study name
 * @param description free text for the report
 * @param settings the Gaussian problems (one per spectrum exponent)
 * @param sets pilot sets per setting
 * @param bootstrap bootstrap replicates per fit
 * @param fittedFloor whether the floor is left to the pilots (else held at the excess risk's 0)
 * @param seed base seed (pilot set r draws from seed + r)
 */
public record ForecastStudy(
        String name,
        String description,
        List<GaussianCheck.Setting> settings,
        int sets,
        int bootstrap,
        boolean fittedFloor,
        long seed)
        implements Study {
    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (GaussianCheck.Setting s : settings) {
            for (int r = 0; r < sets; r++) {
                out.add(new ForecastCell(name, s, r, bootstrap, fittedFloor, seed));
            }
        }
        return out;
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        return ForecastReport.report(this, results);
    }
}
