package dev.yuqing.alerts.store;

import static dev.yuqing.alerts.store.Rows.bind;
import static dev.yuqing.alerts.store.Rows.instant;

import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Deadline;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.Response;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link Incident} as rows: one in {@code incidents}, one per member in {@code incident_alerts},
 * one per line of history in {@code incident_events}. Writing a new version touches only what
 * changed: the incident's row, members with a new revision, history lines not stored yet.
 */
final class IncidentRows {
  private static final String COLUMNS =
      "id, project, grade, state, opened_at, grade_since, thread, acked_by, acked_at,"
          + " resolved_by, resolved_at, closed_by, closed_at, assignee_kind, assignee, assigned_by,"
          + " assigned_at, contacted_at, progress_at, overdue";

  private static final String UPSERT =
      "INSERT INTO incidents ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET "
          + List.of(COLUMNS.split(",\\s*")).stream()
              .skip(1)
              .map(c -> c + " = excluded." + c)
              .collect(Collectors.joining(", "));

  private IncidentRows() {}

  static void put(Connection c, Incident i) throws SQLException {
    Incident.Handling h = i.handling();
    Response r = i.response();
    Assignment a = r.assignment();
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      bind(
              ps,
              i.id(),
              i.project(),
              i.grade().json(),
              i.state().json(),
              i.openedAt(),
              i.gradeSince(),
              Json.line(i.messages()),
              h.ackedBy(),
              h.ackedAt(),
              h.resolvedBy(),
              h.resolvedAt(),
              h.closedBy(),
              h.closedAt(),
              a == null ? null : a.kind().json(),
              a == null ? null : a.name(),
              a == null ? null : a.by(),
              a == null ? null : a.at(),
              r.contactedAt(),
              r.progressAt(),
              r.overdue().stream().map(Deadline::json).sorted().collect(Collectors.joining(",")))
          .executeUpdate();
    }
    putMembers(c, i);
    putHistory(c, i);
  }

  private static void putMembers(Connection c, Incident i) throws SQLException {
    Map<String, Integer> stored = new HashMap<>();
    try (PreparedStatement ps =
        bind(
            c.prepareStatement(
                "SELECT alert_id, revision FROM incident_alerts WHERE incident_id = ?"),
            i.id())) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    for (int n = 0; n < i.members().size(); n++) {
      Incident.Member m = i.members().get(n);
      Alert al = m.alert();
      Integer rev = stored.get(al.id());
      if (rev != null && rev == al.revision()) {
        continue;
      }
      String sql =
          rev == null
              ? "INSERT INTO incident_alerts (ord, revision, rule_name, grade, joined_at, hot_until,"
                  + " alert, incident_id, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
              : "UPDATE incident_alerts SET ord = ?, revision = ?, rule_name = ?, grade = ?,"
                  + " joined_at = ?, hot_until = ?, alert = ? WHERE incident_id = ? AND alert_id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(
                ps,
                n,
                al.revision(),
                al.rule(),
                al.grade().json(),
                m.joinedAt(),
                m.hotUntil(),
                Json.line(al),
                i.id(),
                al.id())
            .executeUpdate();
      }
    }
  }

  private static void putHistory(Connection c, Incident i) throws SQLException {
    int stored;
    try (PreparedStatement ps =
        bind(
            c.prepareStatement("SELECT COUNT(*) FROM incident_events WHERE incident_id = ?"),
            i.id())) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        stored = rs.getInt(1);
      }
    }
    if (stored >= i.history().size()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO incident_events (incident_id, seq, at, kind, text) VALUES (?, ?, ?, ?, ?)")) {
      for (int n = stored; n < i.history().size(); n++) {
        Incident.Event e = i.history().get(n);
        bind(ps, i.id(), n, e.at(), e.type(), e.text()).addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The incidents that {@code where} selects (a condition on table {@code incidents}, with its
   * arguments), in the order {@code orderBy} gives; three queries whatever their number.
   */
  static List<Incident> select(Connection c, String where, String orderBy, Object... args)
      throws SQLException {
    String ids = "SELECT id FROM incidents WHERE " + where;
    Map<String, List<Incident.Member>> members = new HashMap<>();
    try (PreparedStatement ps =
        bind(
            c.prepareStatement(
                "SELECT incident_id, joined_at, hot_until, alert FROM incident_alerts WHERE"
                    + " incident_id IN ("
                    + ids
                    + ") ORDER BY incident_id, ord"),
            args)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          members
              .computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>())
              .add(
                  new Incident.Member(
                      Rows.json(rs, "alert", Alert.class),
                      instant(rs, "joined_at"),
                      instant(rs, "hot_until")));
        }
      }
    }
    Map<String, List<Incident.Event>> history = new HashMap<>();
    try (PreparedStatement ps =
        bind(
            c.prepareStatement(
                "SELECT incident_id, at, kind, text FROM incident_events WHERE incident_id IN ("
                    + ids
                    + ") ORDER BY incident_id, seq"),
            args)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          history
              .computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>())
              .add(
                  new Incident.Event(
                      instant(rs, "at"), rs.getString("kind"), rs.getString("text")));
        }
      }
    }
    Map<String, Incident> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        bind(
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM incidents WHERE " + where + " ORDER BY " + orderBy),
            args)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("id");
          out.put(id, incident(rs, members.get(id), history.get(id)));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static Incident incident(
      ResultSet rs, List<Incident.Member> members, List<Incident.Event> history)
      throws SQLException {
    String kind = rs.getString("assignee_kind");
    Assignment a =
        kind == null
            ? null
            : new Assignment(
                Assignment.Kind.parse(kind),
                rs.getString("assignee"),
                rs.getString("assigned_by"),
                instant(rs, "assigned_at"));
    Set<Deadline> overdue = EnumSet.noneOf(Deadline.class);
    for (String d : rs.getString("overdue").split(",")) {
      if (!d.isBlank()) {
        overdue.add(Deadline.parse(d));
      }
    }
    return new Incident(
        rs.getString("id"),
        rs.getString("project"),
        Grade.parse(rs.getString("grade")),
        AlertState.parse(rs.getString("state")),
        members == null ? List.of() : members,
        instant(rs, "opened_at"),
        instant(rs, "grade_since"),
        Rows.json(rs, "thread", Incident.Messages.class),
        new Incident.Handling(
            rs.getString("acked_by"),
            instant(rs, "acked_at"),
            rs.getString("resolved_by"),
            instant(rs, "resolved_at"),
            rs.getString("closed_by"),
            instant(rs, "closed_at")),
        history,
        new Response(a, instant(rs, "contacted_at"), instant(rs, "progress_at"), overdue));
  }
}
