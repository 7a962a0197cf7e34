package org.collapselab.experiments.gaussian;

import java.util.List;
import org.collapselab.experiments.run.RunSummary;

/**
 * A finished Gaussian run, for reports and claims.
 *
 * @param experiment the experiment
 * @param results the stored results of its cells, in grid order
 * @param summary what the runner did
 */
public record GaussianRun(Experiment experiment, List<GaussianResult> results, RunSummary summary) {
    public GaussianRun {
        results = List.copyOf(results);
    }

    /** A run from its summary. */
    public static GaussianRun of(GaussianStudy study, RunSummary s) {
        return new GaussianRun(study.experiment(), GaussianStudy.results(s.results()), s);
    }

    /** Cells with a theory error. */
    public long theoryErrors() {
        return results.stream().filter(r -> r.theoryError() != null).count();
    }
}
