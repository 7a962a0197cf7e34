package org.collapselab.experiments.study;

import java.util.List;
import org.collapselab.experiments.store.StoredCell;

/**
 * A validated study of one {@link StudyFamily}: its cells as jobs for the one runner, and its report section drawn
 * from the stored results. The runner shards the cells, reads finished ones back from the result store, computes
 * the rest on an executor and stores each as it finishes; the study never sees the executor.
 */
public interface Study {
    /** The study's name: experiment name in the result store and default output folder {@code out/NAME}. */
    String name();

    /** Every cell, in report order. Computes nothing (it may read data files when keys depend on their content). */
    List<CellJob> cells();

    /**
     * Whether a stored cell is final: null (the default) reuses it; a job recomputes part of it (e.g. a Gaussian cell
     * whose theory failed gets its theory retried while its stored simulation is kept).
     */
    default CellJob resume(CellJob cell, StoredCell stored) {
        return null;
    }

    /**
     * Why a computed cell failed in part although it was stored (e.g. its simulation threw), or null when it is whole.
     * The runner counts such cells as failed, names them and exits non-zero; the stored part is kept.
     */
    default String failure(CellJob cell, StoredCell stored) {
        return null;
    }

    /**
     * One line naming data the study needs but cannot find (and how to get it), or null when it can run. A
     * reproduction skips such a study with that line instead of failing.
     */
    default String unavailable() {
        return null;
    }

    /**
     * True when every cell must run in its own process (DJL allows one gradient collector per process): the runner
     * then runs each job in a child JVM ({@code ProcessSweepExecutor}).
     */
    default boolean isolated() {
        return false;
    }

    /**
     * An estimate of the run time of {@code todo} (the jobs a run would compute) on {@code threads} threads, printed by
     * {@code --plan} below the cell counts; null (the default) when the family has no cost model.
     */
    default String planNote(List<CellJob> todo, int threads) {
        return null;
    }

    /**
     * Figures (written under the options' folder), HTML and claims from the results present in the store; cells missing
     * there (other shards, failures) are left out.
     */
    StudyReport report(StudyResults results, ReportOptions options) throws Exception;
}
