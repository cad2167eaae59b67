package dev.yuqing.alerts.store;

import dev.yuqing.core.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Column helpers shared by the stores: instants as epoch milliseconds, values as JSON text. */
final class Rows {
  private Rows() {}

  static void set(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.NULL); // untyped: the column's type decides (PostgreSQL)
    } else if (v instanceof Instant t) {
      ps.setLong(i, t.toEpochMilli());
    } else if (v instanceof Long l) {
      ps.setLong(i, l);
    } else if (v instanceof Integer n) {
      ps.setInt(i, n);
    } else {
      ps.setString(i, v.toString());
    }
  }

  /** Binds {@code args} to {@code ps} in order. */
  static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      set(ps, i + 1, args[i]);
    }
    return ps;
  }

  static Instant instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static <T> T json(ResultSet rs, String col, Class<T> type) throws SQLException {
    return Json.read(rs.getString(col), type);
  }

  /** A failed statement inside a transaction's work: rolls the transaction back. */
  static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("database: " + e.getMessage(), e);
  }
}
