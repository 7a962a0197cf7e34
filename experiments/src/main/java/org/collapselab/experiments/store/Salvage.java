package org.collapselab.experiments.store;

import java.util.List;

/**
 * What could be read from a (possibly damaged) database.
 *
 * @param cells the readable cells, in database order
 * @param unreadable one entry per row that could not be read ({@code key K} when the key index still names it,
 *     else {@code row R}), empty for a sound database
 */
public record Salvage(List<StoredCell> cells, List<String> unreadable) {
    public Salvage {
        cells = List.copyOf(cells);
        unreadable = List.copyOf(unreadable);
    }
}
