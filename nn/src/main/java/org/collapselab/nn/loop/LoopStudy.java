package org.collapselab.nn.loop;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * A neural retraining-loop study ({@code kind: lm-loop} or {@code image-loop}): one cell per (seed, arm), each a
 * whole loop in its own process (DJL allows one gradient collector per process; two loops run at once on two cores).
 *
 * @param name study name (experiment name in the store, figure folder {@code OUT/NAME})
 * @param config the loop settings
 * @param quick whether the file's quick overrides were applied
 */
public record LoopStudy(String name, LoopConfig config, boolean quick) implements Study {
    @Override
    public List<CellJob> cells() {
        List<CellJob> out = new ArrayList<>();
        for (int s = 0; s < config.seeds(); s++) {
            for (LoopArm a : config.arms()) {
                out.add(new LoopCellJob(name, config, a, s, 1));
            }
        }
        return out;
    }

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public String unavailable() {
        return config.unavailable();
    }

    @Override
    public String planNote(List<CellJob> todo, int threads) {
        double seconds = todo.stream()
                .filter(LoopCellJob.class::isInstance)
                .mapToDouble(j -> config.estimatedSeconds(((LoopCellJob) j).arm()))
                .sum();
        return String.format(
                java.util.Locale.ROOT,
                "%s: %d loops to compute, estimated %.1f min on %d idle cores (%.0f s "
                        + "of one core; rates measured on the 2-core machine)",
                name,
                todo.size(),
                seconds / Math.max(1, Math.min(threads, todo.size())) / 60,
                threads,
                seconds);
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        return LoopReport.report(this, results, o);
    }
}
