package org.collapselab.experiments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sections} table: the report sections of {@code report.html}, one row per section id, kept beside the
 * cells so that a report gathers every section ever produced in its folder. Package-private: used through
 * {@link ResultStore}.
 */
final class SectionTable {
    private SectionTable() {}

    static void create(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS sections (id TEXT PRIMARY KEY, title TEXT NOT NULL, "
                + "body_html TEXT NOT NULL, claims_json TEXT NOT NULL, updated_at INTEGER NOT NULL)");
    }

    static void put(Connection conn, StoredSection section) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO sections (id, title, body_html, claims_json, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, section.id());
            ps.setString(2, section.title());
            ps.setString(3, section.bodyHtml());
            ps.setString(4, section.claimsJson());
            ps.setLong(5, section.updatedAtMillis());
            ps.executeUpdate();
        }
    }

    static List<StoredSection> list(Connection conn) throws SQLException {
        List<StoredSection> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, title, body_html, claims_json, updated_at FROM sections ORDER BY id")) {
            while (rs.next()) {
                out.add(new StoredSection(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return out;
    }
}
