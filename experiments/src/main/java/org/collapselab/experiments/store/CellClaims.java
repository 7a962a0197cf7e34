package org.collapselab.experiments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code claims} table: which run is computing which cell, so that concurrent runs on one database never compute
 * a cell twice. A claim is a lease ({@code expires_at}, renewed by the owner's heartbeat); a dead run's claims expire
 * and its cells are taken over. Claiming is one SQL statement (atomic under SQLite's write lock) that succeeds only
 * when the cell is not stored and no other live owner holds it. Package-private: used through {@link ResultStore}.
 */
final class CellClaims {
    private CellClaims() {}

    static void create(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, owner TEXT NOT NULL, "
                + "expires_at INTEGER NOT NULL)");
    }

    static Claim claim(Connection conn, String key, String owner, long leaseMillis) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO claims (key, owner, expires_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM cells WHERE key = ?) ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, "
                        + "expires_at = excluded.expires_at WHERE claims.expires_at < ? OR claims.owner = excluded.owner")) {
            ps.setString(1, key);
            ps.setString(2, owner);
            ps.setLong(3, now + leaseMillis);
            ps.setString(4, key);
            ps.setLong(5, now);
            if (ps.executeUpdate() == 1) {
                return Claim.CLAIMED;
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM cells WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Claim.DONE : Claim.TAKEN;
            }
        }
    }

    static int renew(Connection conn, String owner, long leaseMillis) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE claims SET expires_at = ? WHERE owner = ?")) {
            ps.setLong(1, System.currentTimeMillis() + leaseMillis);
            ps.setString(2, owner);
            return ps.executeUpdate();
        }
    }

    static void release(Connection conn, String key, String owner) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                key == null
                        ? "DELETE FROM claims WHERE owner = ?"
                        : "DELETE FROM claims WHERE owner = ? AND key = ?")) {
            ps.setString(1, owner);
            if (key != null) {
                ps.setString(2, key);
            }
            ps.executeUpdate();
        }
    }
}
