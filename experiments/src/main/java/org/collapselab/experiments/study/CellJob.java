package org.collapselab.experiments.study;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.collapselab.experiments.store.StoredCell;

/**
 * One cell of a study as a unit of work for the runner: a content key (what the result store is keyed by), and a
 * deterministic computation returning the cell ready to store. Serializable so that an executor can ship it to a
 * child process or another machine; it must be deterministic given its own fields.
 *
 * <p>A cell may need the results of other cells of the same study ({@link #needs()}, e.g. the language-model runs
 * need the generator's synthetic corpus): the runner computes those first (in every shard that needs them) and hands
 * their stored result JSON to {@link #withInputs} before running this one.
 */
public interface CellJob extends Serializable {
    /** The cell's result-store key. */
    String key();

    /** Computes the cell. Failures of a part (e.g. a divergent theory point) belong in the result, not thrown. */
    StoredCell compute() throws Exception;

    /** A short label for progress and failure lines (never file contents). */
    default String label() {
        return key().substring(0, Math.min(12, key().length()));
    }

    /** Rough relative cost, so that the runner starts the largest jobs first (default 1). */
    default double cost() {
        return 1;
    }

    /** Keys of cells whose results this one needs as inputs (empty: none). */
    default List<String> needs() {
        return List.of();
    }

    /** This job with the stored result JSON of every cell in {@link #needs()} attached. */
    default CellJob withInputs(Map<String, String> resultJsonByKey) {
        return this;
    }

    /** This job set to use {@code threads} threads for its own computation (not part of the key). */
    default CellJob withThreads(int threads) {
        return this;
    }
}
