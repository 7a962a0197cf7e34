package org.collapselab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded result database (SQLite through its JDBC driver). Every {@link #put} is its own committed
 * transaction, so a process killed at any moment keeps every cell it had finished. The database runs in WAL mode
 * with a busy timeout, so several threads (one connection, serialised here) and several processes (their own
 * connections) can write the same file at once without corrupting it.
 *
 * <p>Tables: {@code cells} (one row per cell key, generic JSON payloads) and {@code sections} (report sections).
 */
public final class ResultStore implements AutoCloseable {
  /** How long a writer waits for another process's lock before failing. */
  public static final int BUSY_TIMEOUT_MILLIS = 60_000;

  private final Path file;
  private final Connection conn;

  private ResultStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /** Opens (creating the file, its folder and the tables if needed) a result database. */
  public static ResultStore open(Path dbFile) {
    try {
      Path parent = dbFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder of " + dbFile + ": " + e.getMessage(), e);
    }
    try {
      Properties props = new Properties();
      props.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(), props);
      ResultStore store = new ResultStore(dbFile, c);
      store.init();
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open result database " + dbFile + ": " + e.getMessage(), e);
    }
  }

  private void init() throws SQLException {
    retrying(() -> {
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
        s.execute("PRAGMA journal_mode=WAL");
        // NORMAL in WAL mode: a committed transaction survives a killed process (not necessarily a power cut).
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("CREATE TABLE IF NOT EXISTS cells (key TEXT PRIMARY KEY, experiment TEXT NOT NULL, "
            + "config_json TEXT NOT NULL, result_json TEXT NOT NULL, seconds REAL NOT NULL, version TEXT NOT NULL, "
            + "created_at INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS cells_experiment ON cells(experiment)");
        s.execute("CREATE TABLE IF NOT EXISTS sections (id TEXT PRIMARY KEY, title TEXT NOT NULL, "
            + "body_html TEXT NOT NULL, claims_json TEXT NOT NULL, updated_at INTEGER NOT NULL)");
      }
      return null;
    });
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
      retrying(() -> {
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
      throw fail("write", e);
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
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cells")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw fail("read", e);
    }
  }

  /** Inserts or replaces a report section. */
  public synchronized void putSection(StoredSection section) {
    try {
      retrying(() -> {
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT OR REPLACE INTO sections (id, title, body_html, claims_json, updated_at) VALUES (?, ?, ?, ?, ?)")) {
          ps.setString(1, section.id());
          ps.setString(2, section.title());
          ps.setString(3, section.bodyHtml());
          ps.setString(4, section.claimsJson());
          ps.setLong(5, section.updatedAtMillis());
          ps.executeUpdate();
        }
        return null;
      });
    } catch (SQLException e) {
      throw fail("write", e);
    }
  }

  /** Every stored report section, ordered by id. */
  public synchronized List<StoredSection> sections() {
    List<StoredSection> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT id, title, body_html, claims_json, updated_at FROM sections ORDER BY id")) {
      while (rs.next()) {
        out.add(new StoredSection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
      }
    } catch (SQLException e) {
      throw fail("read", e);
    }
    return out;
  }

  /**
   * Copies every cell and section of another database into this one (insert-or-replace): merges the databases that
   * shards wrote separately. Returns the number of cells copied.
   */
  public int mergeFrom(Path otherDb) {
    int n = 0;
    try (ResultStore other = open(otherDb)) {
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
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
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

  private static StoredCell cell(ResultSet rs) throws SQLException {
    return new StoredCell(rs.getString("key"), rs.getString("experiment"), rs.getString("config_json"),
        rs.getString("result_json"), rs.getDouble("seconds"), rs.getString("version"), rs.getLong("created_at"));
  }

  private StoreException fail(String what, SQLException e) {
    return new StoreException("cannot " + what + " result database " + file + ": " + e.getMessage(), e);
  }

  private interface SqlAction<T> {
    T run() throws SQLException;
  }

  /** The busy timeout covers most contention; a few extra tries cover lock upgrades SQLite refuses to wait on. */
  private static <T> T retrying(SqlAction<T> action) throws SQLException {
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

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw fail("close", e);
    }
  }
}
