package org.collapselab.experiments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a damaged database still holds, row by row: the rows' ids and keys come from the primary-key index (a
 * separate b-tree, often intact when a table page is not), else by probing row ids; each row is then read on its own,
 * so one bad page costs only the rows on it. Package-private: used through {@link ResultStore#salvage}.
 */
final class StoreSalvage {
    /** Row ids probed when even the key index is unreadable. */
    private static final int PROBE_LIMIT = 1_000_000;
    /** Consecutive missing ids after which probing stops. */
    private static final int PROBE_GAP = 10_000;

    private StoreSalvage() {}

    static Salvage salvage(Connection conn) {
        Map<Long, String> ids = new LinkedHashMap<>();
        boolean indexComplete = true;
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT rowid, key FROM cells INDEXED BY sqlite_autoindex_cells_1")) {
            while (rs.next()) {
                ids.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            indexComplete = false;
        }
        List<StoredCell> cells = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (indexComplete) {
            for (Map.Entry<Long, String> id : ids.entrySet()) {
                read(conn, id.getKey(), "key " + id.getValue() + " (row " + id.getKey() + ")", cells, unreadable);
            }
        } else {
            int gap = 0;
            for (long id = 1; id <= PROBE_LIMIT && gap < PROBE_GAP; id++) {
                String name = ids.containsKey(id) ? "key " + ids.get(id) + " (row " + id + ")" : "row " + id;
                gap = read(conn, id, name, cells, unreadable) ? 0 : gap + 1;
            }
        }
        return new Salvage(cells, unreadable);
    }

    /** Reads one row with its own statement (a statement that hit a bad page stays failed); true when it exists. */
    private static boolean read(
            Connection conn, long id, String name, List<StoredCell> cells, List<String> unreadable) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM cells WHERE rowid = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                cells.add(ResultStore.cell(rs));
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            unreadable.add(name);
            return true;
        }
    }
}
