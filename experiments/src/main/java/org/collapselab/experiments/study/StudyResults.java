package org.collapselab.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collapselab.experiments.store.StoredCell;

/**
 * The stored results of a study's cells after a run, for its report.
 *
 * @param cells every cell of the study, in report order
 * @param stored the stored cell of each key present in the store
 */
public record StudyResults(List<CellJob> cells, Map<String, StoredCell> stored) {
    public StudyResults {
        cells = List.copyOf(cells);
        stored = Map.copyOf(stored);
    }

    /** The stored result JSON of a cell, if present. */
    public Optional<String> resultJson(String key) {
        StoredCell c = stored.get(key);
        return c == null ? Optional.empty() : Optional.of(c.resultJson());
    }

    /** The cells of a given job type that are stored, in report order. */
    public <T extends CellJob> List<T> present(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (CellJob c : cells) {
            if (type.isInstance(c) && stored.containsKey(c.key())) {
                out.add(type.cast(c));
            }
        }
        return out;
    }
}
