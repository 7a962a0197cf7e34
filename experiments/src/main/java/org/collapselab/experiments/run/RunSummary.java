package org.collapselab.experiments.run;

import java.util.List;
import org.collapselab.experiments.study.StudyResults;

/**
 * What a run did.
 *
 * @param study study name
 * @param plan what was planned
 * @param computed cells computed and stored now
 * @param failed cells whose job threw (not stored; rerun to retry)
 * @param seconds wall time
 * @param results the study's cells and every stored result of them
 * @param failures messages of failed cells
 */
public record RunSummary(
        String study,
        Plan plan,
        int computed,
        int failed,
        double seconds,
        StudyResults results,
        List<String> failures) {
    public RunSummary {
        failures = List.copyOf(failures);
    }
}
