package org.collapselab.experiments.run;

import java.util.List;
import org.collapselab.experiments.study.CellJob;

/**
 * What a run would do, decided before anything is computed ({@code collapselab run FILE --plan} prints it).
 *
 * @param total cells of the study
 * @param stored cells of the study already in the store
 * @param owned cells this shard owns
 * @param ownedStored owned cells already in the store (final)
 * @param retries owned stored cells the study recomputes in part (e.g. a Gaussian theory retry)
 * @param prerequisites cells other shards own that this shard computes because its cells need them
 * @param todo jobs to run, prerequisites first
 */
public record Plan(
        int total, int stored, int owned, int ownedStored, int retries, int prerequisites, List<CellJob> todo) {
    public Plan {
        todo = List.copyOf(todo);
    }

    /** One line for the console. */
    public String describe(String study, Shard shard, Object database) {
        return study + ": " + total + " cells, " + stored + " already in " + database
                + (shard.count() > 1 ? "; shard " + shard + " owns " + owned + " (" + ownedStored + " stored)" : "")
                + "; " + (todo.size() - retries) + " to compute" + (retries > 0 ? ", " + retries + " to complete" : "")
                + (prerequisites > 0 ? " (incl. " + prerequisites + " shared prerequisite(s))" : "");
    }
}
