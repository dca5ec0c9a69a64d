package io.tranche.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The database a packaged server under test ({@link ServerProcess}) runs on: its embedded H2 under
 * the data directory, or, when the tests run against PostgreSQL, a fresh database of its own on
 * that server (created here, dropped by {@link #close()}).
 */
public final class ServerDatabase implements AutoCloseable {
  private final @Nullable String name;
  private final Map<String, String> env = new HashMap<>();

  private ServerDatabase(@Nullable String name) {
    this.name = name;
  }

  /** A fresh database for a server: its own PostgreSQL database, or its embedded H2. */
  public static ServerDatabase fresh(String prefix) throws SQLException {
    if (!TestDatabase.isPostgres()) {
      return new ServerDatabase(null);
    }
    ServerDatabase db =
        new ServerDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
    admin("create database " + db.name);
    String url = System.getProperty("tranche.test.db.url");
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    db.env.put(
        "TRANCHE_DB_URL",
        base.substring(0, base.lastIndexOf('/') + 1)
            + db.name
            + (query < 0 ? "" : url.substring(query)));
    db.env.put("TRANCHE_DB_USER", System.getProperty("tranche.test.db.user", ""));
    db.env.put("TRANCHE_DB_PASSWORD", System.getProperty("tranche.test.db.password", ""));
    return db;
  }

  /** Whether this is a PostgreSQL database (two servers can share it). */
  public boolean shared() {
    return name != null;
  }

  /** The environment that points a server at this database (empty for H2). */
  public Map<String, String> env() {
    return env;
  }

  /**
   * The rows {@code sql} returns from this database, one line each (columns joined by " | "), for a
   * failure message; empty for H2, which only its server may open.
   */
  public java.util.List<String> rows(String sql) throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (name == null) {
      return out;
    }
    try (Connection c =
            DriverManager.getConnection(
                env.get("TRANCHE_DB_URL"),
                env.get("TRANCHE_DB_USER"),
                env.get("TRANCHE_DB_PASSWORD"));
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    if (name != null) {
      admin("drop database if exists " + name + " with (force)");
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("tranche.test.db.url"),
                System.getProperty("tranche.test.db.user", ""),
                System.getProperty("tranche.test.db.password", ""));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
