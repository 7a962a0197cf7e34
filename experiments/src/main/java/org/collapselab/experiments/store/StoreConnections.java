package org.collapselab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.collapselab.validation.ParameterException;

/**
 * Opening a result database for {@link ResultStore}: refusing a file that is not one (as bad input), creating the
 * folder and the tables of a new one in WAL mode, the read-only URI form, and the retry loop around SQLite's busy
 * errors. Package-private: used through {@link ResultStore}.
 */
final class StoreConnections {
    private static final byte[] SQLITE_HEADER =
            "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private StoreConnections() {}

    /** A connection to {@code dbFile} (created with its folder and tables if needed). */
    static Connection writable(Path dbFile) {
        if (Files.isDirectory(dbFile)) {
            throw new ParameterException("database", dbFile, "a database file (this is a folder)");
        }
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + dbFile + ": " + e.getMessage(), e);
        }
        if (Files.isRegularFile(dbFile)) {
            requireDatabase(dbFile, true);
        }
        try {
            Properties props = new Properties();
            props.setProperty("busy_timeout", Integer.toString(ResultStore.BUSY_TIMEOUT_MILLIS));
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(), props);
            init(c);
            return c;
        } catch (SQLException e) {
            throw new StoreException("cannot open result database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** A read-only connection to an existing result database (see {@link ResultStore#openReadOnly}). */
    static Connection readOnly(Path dbFile) {
        requireDatabase(dbFile, false);
        Path wal = Path.of(dbFile + "-wal");
        boolean logHoldsData;
        try {
            logHoldsData = Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            logHoldsData = true;
        }
        String uri = dbFile.toAbsolutePath().toUri().toString() + (logHoldsData ? "?mode=ro" : "?mode=ro&immutable=1");
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            config.setBusyTimeout(ResultStore.BUSY_TIMEOUT_MILLIS);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri, config.toProperties());
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cells'")) {
                if (!rs.next()) {
                    c.close();
                    throw new ParameterException(
                            "database", dbFile, "a Collapse Lab result database (this one has no cells table)");
                }
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("cannot open result database " + dbFile + " for reading: " + e.getMessage(), e);
        }
    }

    /** Refuses (as bad input) a file that is empty or does not start with SQLite's header. */
    private static void requireDatabase(Path dbFile, boolean emptyAllowed) {
        if (!Files.isRegularFile(dbFile)) {
            throw new ParameterException("database", dbFile, "an existing result database file");
        }
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(dbFile)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new StoreException("cannot read result database " + dbFile + ": " + e.getMessage(), e);
        }
        if (head.length == 0 && emptyAllowed) {
            return;
        }
        if (head.length == 0) {
            throw new ParameterException("database", dbFile + " (an empty file)", "a Collapse Lab result database");
        }
        if (!java.util.Arrays.equals(head, SQLITE_HEADER)) {
            throw new ParameterException(
                    "database", dbFile + " (not an SQLite file)", "a Collapse Lab result database");
        }
    }

    private static void init(Connection conn) throws SQLException {
        retrying(() -> {
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA busy_timeout=" + ResultStore.BUSY_TIMEOUT_MILLIS);
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode: a committed transaction survives a killed process (not necessarily a power cut).
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS cells (key TEXT PRIMARY KEY, experiment TEXT NOT NULL, "
                        + "config_json TEXT NOT NULL, result_json TEXT NOT NULL, seconds REAL NOT NULL, version TEXT NOT NULL, "
                        + "created_at INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS cells_experiment ON cells(experiment)");
                SectionTable.create(s);
                CellClaims.create(s);
                String maxPages = System.getProperty(ResultStore.MAX_PAGES_PROPERTY);
                if (maxPages != null) {
                    s.execute("PRAGMA max_page_count = " + Long.parseLong(maxPages.trim()));
                }
            }
            return null;
        });
    }

    /** One database action that may meet SQLite's busy error. */
    interface SqlAction<T> {
        T run() throws SQLException;
    }

    /** The busy timeout covers most contention; a few extra tries cover lock upgrades SQLite refuses to wait on. */
    static <T> T retrying(SqlAction<T> action) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return action.run();
            } catch (SQLException e) {
                String msg = String.valueOf(e.getMessage());
                if (!(msg.contains("SQLITE_BUSY") || msg.contains("database is locked"))) {
                    throw e;
                }
                last = e;
                try {
                    Thread.sleep(20L + 10L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }
}
