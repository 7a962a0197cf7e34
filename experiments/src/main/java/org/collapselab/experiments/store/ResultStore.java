package org.collapselab.experiments.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.collapselab.validation.ParameterException;

/**
 * The embedded result database (SQLite through its JDBC driver). Every {@link #put} is its own committed
 * transaction, so a process killed at any moment keeps every cell it had finished. The database runs in WAL mode
 * with a busy timeout, so several threads (one connection, serialised here) and several processes (their own
 * connections) can write the same file at once without corrupting it.
 *
 * <p>Tables: {@code cells} (one row per cell key, generic JSON payloads), {@code sections} (report sections) and
 * {@code claims} (which run computes which cell; see {@link #claim}).
 *
 * <p>Durability: the write-ahead log is checkpointed into the main file when a store is opened (a resume after a
 * kill) and closed (the end of a run), and at most every {@link #CHECKPOINT_MILLIS} while writing, so
 * {@code results.db} alone holds the results. A failed write throws {@link StoreWriteException}.
 * {@link #openReadOnly} never creates or changes a file; {@link #salvage} reads what a damaged file still holds.
 */
public final class ResultStore implements AutoCloseable {
    /** How long a writer waits for another process's lock before failing. */
    public static final int BUSY_TIMEOUT_MILLIS = 60_000;
    /** Longest time between write-ahead-log checkpoints while writing. */
    public static final long CHECKPOINT_MILLIS = 10_000;
    /**
     * System property: the most database pages a writer may use (SQLite {@code max_page_count}); beyond it writes fail
     * as on a full disk. A quota, and how the fault-injection tests fill the "disk".
     */
    public static final String MAX_PAGES_PROPERTY = "collapselab.store.maxPages";

    private final Path file;
    private final Connection conn;
    private final boolean readOnly;
    private long lastCheckpoint = System.currentTimeMillis();

    private ResultStore(Path file, Connection conn, boolean readOnly) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
    }

    /** Opens (creating the file, its folder and the tables if needed) a result database, and checkpoints its log. */
    public static ResultStore open(Path dbFile) {
        ResultStore store = new ResultStore(dbFile, StoreConnections.writable(dbFile), false);
        store.checkpoint();
        return store;
    }

    /**
     * Opens an existing result database for reading only: never creates, converts or changes a file (SQLite URI
     * {@code mode=ro}; {@code immutable=1} when no write-ahead log holds data, so not even a shared-memory file is
     * made). An empty or non-SQLite file, or one without a cells table, is bad input ({@link ParameterException}).
     */
    public static ResultStore openReadOnly(Path dbFile) {
        return new ResultStore(dbFile, StoreConnections.readOnly(dbFile), true);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The stored cell with this key, if any. */
    public synchronized Optional<StoredCell> find(String key) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM cells WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(cell(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** The stored result JSON of each of these keys that is present. */
    public synchronized java.util.Map<String, String> findAll(List<String> keys) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String k : keys) {
            find(k).ifPresent(c -> out.put(k, c.resultJson()));
        }
        return out;
    }

    /** Inserts or replaces a cell; committed before this returns. */
    public synchronized void put(StoredCell cell) {
        try {
            StoreConnections.retrying(() -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT OR REPLACE INTO cells (key, experiment, config_json, result_json, seconds, version, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, cell.key());
                    ps.setString(2, cell.experiment());
                    ps.setString(3, cell.configJson());
                    ps.setString(4, cell.resultJson());
                    ps.setDouble(5, cell.seconds());
                    ps.setString(6, cell.version());
                    ps.setLong(7, cell.createdAtMillis());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreWriteException("cannot write result database " + file + ": " + e.getMessage(), e);
        }
        if (System.currentTimeMillis() - lastCheckpoint > CHECKPOINT_MILLIS) {
            checkpoint();
        }
    }

    /**
     * Copies the write-ahead log into the main file (SQLite {@code wal_checkpoint(TRUNCATE)}), so that
     * {@code results.db} alone is complete. Best effort: a checkpoint blocked by another process's reader is retried at
     * the next one; a failure here never loses data (the log still holds it).
     */
    public synchronized void checkpoint() {
        if (readOnly) {
            return;
        }
        lastCheckpoint = System.currentTimeMillis();
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // Busy or read-only medium: the log keeps the data; the next checkpoint tries again.
        }
    }

    /**
     * Claims a cell for {@code owner} for {@code leaseMillis} (renew with {@link #renewClaims}): {@link Claim#CLAIMED}
     * when this owner may compute it, {@link Claim#DONE} when it is already stored, {@link Claim#TAKEN} when another
     * live owner holds it. Atomic across processes.
     */
    public synchronized Claim claim(String key, String owner, long leaseMillis) {
        try {
            return StoreConnections.retrying(() -> CellClaims.claim(conn, key, owner, leaseMillis));
        } catch (SQLException e) {
            throw new StoreWriteException("cannot claim a cell in result database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The heartbeat: extends every claim of {@code owner} by {@code leaseMillis} from now; returns how many. */
    public synchronized int renewClaims(String owner, long leaseMillis) {
        try {
            return StoreConnections.retrying(() -> CellClaims.renew(conn, owner, leaseMillis));
        } catch (SQLException e) {
            throw new StoreWriteException("cannot renew claims in result database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The owners holding claims now (for reaping owners known to be dead). */
    public synchronized List<String> claimOwners() {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT owner FROM claims")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw fail("read", e);
        }
        return out;
    }

    /** Drops {@code owner}'s claim on {@code key} (null: on every cell). */
    public synchronized void release(String key, String owner) {
        try {
            StoreConnections.retrying(() -> {
                CellClaims.release(conn, key, owner);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreWriteException(
                    "cannot release claims in result database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every cell of one experiment, oldest first. */
    public synchronized List<StoredCell> list(String experiment) {
        return query("SELECT * FROM cells WHERE experiment = ? ORDER BY created_at, key", experiment);
    }

    /** Every cell in the database, grouped by experiment, oldest first. */
    public synchronized List<StoredCell> listAll() {
        return query("SELECT * FROM cells ORDER BY experiment, created_at, key", null);
    }

    /** The experiment names present, sorted. */
    public synchronized List<String> experiments() {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT experiment FROM cells ORDER BY experiment")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw fail("read", e);
        }
        return out;
    }

    /** Number of cells stored. */
    public synchronized int count() {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cells")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /** Inserts or replaces a report section. */
    public synchronized void putSection(StoredSection section) {
        try {
            StoreConnections.retrying(() -> {
                SectionTable.put(conn, section);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreWriteException("cannot write result database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every stored report section, ordered by id. */
    public synchronized List<StoredSection> sections() {
        try {
            return SectionTable.list(conn);
        } catch (SQLException e) {
            throw fail("read", e);
        }
    }

    /**
     * Copies every cell and section of another database into this one (insert-or-replace): merges the databases that
     * shards wrote separately. Returns the number of cells copied.
     */
    public int mergeFrom(Path otherDb) {
        int n = 0;
        try (ResultStore other = openReadOnly(otherDb)) {
            for (StoredCell c : other.listAll()) {
                put(c);
                n++;
            }
            for (StoredSection s : other.sections()) {
                putSection(s);
            }
        }
        return n;
    }

    /** SQLite's own consistency check; "ok" when the file is sound. */
    public synchronized String integrityCheck() {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            throw fail("check", e);
        }
    }

    private List<StoredCell> query(String sql, String arg) {
        List<StoredCell> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(cell(rs));
                }
            }
        } catch (SQLException e) {
            throw fail("read", e);
        }
        return out;
    }

    /**
     * Every readable cell: all of them for a sound file; for a damaged one (SQLite reports corruption) the rows that
     * can still be read, and the others named in {@link Salvage#unreadable()}.
     */
    public synchronized Salvage salvage() {
        try {
            return new Salvage(query("SELECT * FROM cells ORDER BY experiment, created_at, key", null), List.of());
        } catch (StoreException e) {
            String m = String.valueOf(e.getMessage());
            if (!(m.contains("CORRUPT") || m.contains("malformed") || m.contains("NOTADB"))) {
                throw e;
            }
        }
        return StoreSalvage.salvage(conn);
    }

    static StoredCell cell(ResultSet rs) throws SQLException {
        return new StoredCell(
                rs.getString("key"),
                rs.getString("experiment"),
                rs.getString("config_json"),
                rs.getString("result_json"),
                rs.getDouble("seconds"),
                rs.getString("version"),
                rs.getLong("created_at"));
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("cannot " + what + " result database " + file + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        checkpoint();
        try {
            conn.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
