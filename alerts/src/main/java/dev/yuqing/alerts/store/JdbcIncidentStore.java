package dev.yuqing.alerts.store;

import static dev.yuqing.alerts.store.Rows.bind;
import static dev.yuqing.alerts.store.Rows.instant;

import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link IncidentStore} in a relational {@link Database}: incidents as rows ({@link
 * IncidentRows}), deliveries in {@code deliveries}, the response log in {@code response_log}. A
 * transaction is a database transaction with the writers' turn taken, so a running alert service,
 * the dashboard and the CLI in other processes (on other hosts, with PostgreSQL) take turns.
 *
 * <p>Claims: on PostgreSQL a dispatcher locks the delivery's row ({@code SELECT … FOR UPDATE SKIP
 * LOCKED}) for as long as it sends, and records the outcome in that same transaction, so two
 * dispatchers never send one delivery and a dispatcher that dies gives its claim back with its
 * connection. On SQLite one alert service owns the queue ({@link #claimService}): it sends outside
 * any transaction and records the outcome in a transaction of its own.
 */
public final class JdbcIncidentStore implements IncidentStore {
  private static final String DELIVERY =
      "id, seq, incident_id, channel, kind, message_id, status, attempts, next_attempt_at,"
          + " done_at, last_error, notice";

  private final Database db;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  /** Deliveries this process is sending (SQLite, where no row lock marks them). */
  private final Set<String> sending = ConcurrentHashMap.newKeySet();

  public JdbcIncidentStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public Database database() {
    return db;
  }

  /**
   * Claims the embedded store for one running alert service ({@code DATA/db/service.lock}) until
   * the returned handle is closed: on SQLite one service owns the delivery queue. On PostgreSQL
   * several services may run side by side (their dispatchers claim rows), and this claims nothing.
   *
   * @throws IllegalStateException when another service holds the embedded store
   */
  public AutoCloseable claimService() {
    if (db.file() == null) {
      return () -> {};
    }
    Path path = db.file().resolveSibling("service.lock");
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalStateException(
            db.file().getParent() + " is in use by another running yuqing alert service");
      }
      FileLock held = lock;
      return () -> {
        held.release();
        ch.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  /**
   * A number that grows with every change to any incident (its lines of history, which every change
   * adds to): what a live page compares to know whether to fetch again.
   */
  public long changes() {
    return db.transaction(
        false,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM incident_events");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    Tx open = current.get();
    if (open != null) {
      return work.apply(open); // part of the transaction already open
    }
    return db.transaction(true, c -> within(c, work));
  }

  private <T> T within(Connection c, Function<Tx, T> work) {
    current.set(new JdbcTx(c));
    try {
      return work.apply(current.get());
    } finally {
      current.remove();
    }
  }

  @Override
  public <T> Optional<T> claimNext(Instant now, Set<String> skip, Function<Claim, T> work) {
    if (db.dialect() == Database.Dialect.POSTGRESQL) {
      return db.transaction(
          false,
          c -> {
            Delivery d = nextDue(c, now, skip, " FOR UPDATE SKIP LOCKED");
            if (d == null) {
              return Optional.empty();
            }
            return Optional.of(work.apply(claim(d, c)));
          });
    }
    Delivery d =
        db.transaction(
            true,
            c -> {
              Set<String> not = new HashSet<>(skip);
              not.addAll(sending);
              Delivery next = nextDue(c, now, not, "");
              if (next != null) {
                sending.add(next.id()); // before the write lock goes: no fold takes it
              }
              return next;
            });
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.apply(claim(d, null)));
    } finally {
      sending.remove(d.id());
    }
  }

  /** A claim; {@code held} is the claiming transaction's connection, or null (SQLite). */
  private Claim claim(Delivery d, Connection held) {
    return new Claim() {
      @Override
      public Delivery delivery() {
        return d;
      }

      @Override
      public <R> R record(Function<Tx, R> work) {
        if (held == null) {
          return inTransaction(work);
        }
        try {
          db.lockWriters(held);
        } catch (SQLException e) {
          throw Rows.failed(e);
        }
        return within(held, work);
      }
    };
  }

  /** The oldest due delivery that is first in its incident and channel, or null. */
  private static Delivery nextDue(Connection c, Instant now, Set<String> skip, String lock)
      throws SQLException {
    List<Object> args = new ArrayList<>();
    args.add(now);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(DELIVERY)
            .append(
                " FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND NOT"
                    + " EXISTS (SELECT 1 FROM deliveries e WHERE e.incident_id = d.incident_id"
                    + " AND e.channel = d.channel AND e.status = 'pending' AND e.seq < d.seq)");
    if (!skip.isEmpty()) {
      sql.append(" AND d.id NOT IN (")
          .append(String.join(", ", Collections.nCopies(skip.size(), "?")))
          .append(')');
      args.addAll(skip);
    }
    sql.append(" ORDER BY d.seq LIMIT 1").append(lock);
    List<Delivery> ds = select(c, sql.toString(), args.toArray());
    return ds.isEmpty() ? null : ds.get(0);
  }

  private static List<Delivery> select(Connection c, String sql, Object... args)
      throws SQLException {
    List<Delivery> out = new ArrayList<>();
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Delivery(
                rs.getString("id"),
                rs.getLong("seq"),
                rs.getString("channel"),
                Rows.json(rs, "notice", Notice.class),
                Delivery.Status.parse(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "done_at"),
                rs.getString("last_error")));
      }
    }
    return out;
  }

  /** One transaction's reads and writes, on its connection. */
  private final class JdbcTx implements Tx {
    private final Connection c;
    private long maxSeq = -1;

    JdbcTx(Connection c) {
      this.c = c;
    }

    private List<Incident> incidents(String where, String orderBy, Object... args) {
      try {
        return IncidentRows.select(c, where, orderBy, args);
      } catch (SQLException e) {
        throw Rows.failed(e);
      }
    }

    private List<Delivery> queue(String where, Object... args) {
      try {
        return select(
            c,
            "SELECT " + DELIVERY + " FROM deliveries WHERE " + where + " ORDER BY seq, id",
            args);
      } catch (SQLException e) {
        throw Rows.failed(e);
      }
    }

    @Override
    public Optional<Incident> incident(String id) {
      return incidents("id = ?", "id", id).stream().findFirst();
    }

    @Override
    public Optional<Incident> incidentOf(String alertId) {
      return incidents(
              "id IN (SELECT incident_id FROM incident_alerts WHERE alert_id = ?)", "id", alertId)
          .stream()
          .findFirst();
    }

    @Override
    public List<Incident> open(String project) {
      return incidents(
          "state NOT IN ('resolved', 'closed') AND project = ?", "opened_at, id", project);
    }

    @Override
    public List<Incident> open() {
      return incidents("state NOT IN ('resolved', 'closed')", "opened_at, id");
    }

    @Override
    public List<Incident> all() {
      return incidents("1 = 1", "opened_at DESC, id DESC");
    }

    @Override
    public void put(Incident i) {
      Objects.requireNonNull(i, "incident");
      try {
        IncidentRows.put(c, i);
      } catch (SQLException e) {
        throw Rows.failed(e);
      }
    }

    @Override
    public Optional<Delivery> delivery(String id) {
      return queue("id = ?", id).stream().findFirst();
    }

    @Override
    public List<Delivery> pending() {
      return queue("status = 'pending'");
    }

    @Override
    public List<Delivery> deliveries(String incidentId) {
      return queue("incident_id = ?", incidentId);
    }

    @Override
    public List<Delivery> deliveries() {
      return queue("1 = 1");
    }

    @Override
    public List<Delivery> foldable(String incidentId, String channel) {
      String lane = "status = 'pending' AND incident_id = ? AND channel = ?";
      if (db.dialect() == Database.Dialect.POSTGRESQL) {
        try {
          // rows a dispatcher holds are being sent: skipped, and the rest held until this ends
          return select(
              c,
              "SELECT "
                  + DELIVERY
                  + " FROM deliveries WHERE "
                  + lane
                  + " ORDER BY seq FOR UPDATE SKIP LOCKED",
              incidentId,
              channel);
        } catch (SQLException e) {
          throw Rows.failed(e);
        }
      }
      return queue(lane, incidentId, channel).stream()
          .filter(d -> !sending.contains(d.id()))
          .toList();
    }

    @Override
    public void put(Delivery d) {
      Objects.requireNonNull(d, "delivery");
      String sql =
          "INSERT INTO deliveries ("
              + DELIVERY
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
              + " seq = excluded.seq, channel = excluded.channel, kind = excluded.kind,"
              + " message_id = excluded.message_id, status = excluded.status,"
              + " attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,"
              + " done_at = excluded.done_at, last_error = excluded.last_error,"
              + " notice = excluded.notice";
      try (PreparedStatement ps =
          bind(
              c.prepareStatement(sql),
              d.id(),
              d.seq(),
              d.incidentId(),
              d.channel(),
              d.notice().kind().json(),
              d.notice().messageId(),
              d.status().json(),
              d.attempts(),
              d.nextAttemptAt(),
              d.doneAt(),
              d.lastError(),
              Json.line(d.notice()))) {
        ps.executeUpdate();
      } catch (SQLException e) {
        throw Rows.failed(e);
      }
      maxSeq = Math.max(maxSeq, d.seq());
    }

    @Override
    public long nextSeq() {
      if (maxSeq < 0) {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM deliveries");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          maxSeq = rs.getLong(1);
        } catch (SQLException e) {
          throw Rows.failed(e);
        }
      }
      return ++maxSeq;
    }

    @Override
    public List<LogEntry> log(String incidentId) {
      List<LogEntry> out = new ArrayList<>();
      try (PreparedStatement ps =
              bind(
                  c.prepareStatement(
                      "SELECT at, user_name, action, text FROM response_log WHERE incident_id = ?"
                          + " ORDER BY seq"),
                  incidentId);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new LogEntry(
                  incidentId,
                  instant(rs, "at"),
                  rs.getString("user_name"),
                  ResponseAction.parse(rs.getString("action")),
                  rs.getString("text")));
        }
      } catch (SQLException e) {
        throw Rows.failed(e);
      }
      return out;
    }

    @Override
    public void append(LogEntry e) {
      try (PreparedStatement ps =
          bind(
              c.prepareStatement(
                  "INSERT INTO response_log (incident_id, seq, at, user_name, action, text)"
                      + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM response_log"
                      + " WHERE incident_id = ?"),
              e.incidentId(),
              e.at(),
              e.user(),
              e.action().json(),
              e.text(),
              e.incidentId())) {
        ps.executeUpdate();
      } catch (SQLException ex) {
        throw Rows.failed(ex);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcIncidentStore[" + db + "]";
  }
}
