package dev.yuqing.dashboards.web;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.core.Ids;
import dev.yuqing.core.config.UserConfig.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Sessions in the incident desk's database (table {@code dashboard_sessions}): a restart of the
 * dashboard, or a second dashboard on the same PostgreSQL, keeps everyone logged in. The table
 * holds the SHA-256 of each session's cookie, never the cookie, so a copy of the database cannot be
 * used to log in. Thread-safe. Expired sessions are dropped on access and swept on each login; the
 * last-seen time is written at most every {@link #TOUCH_EVERY} of use, not on every request.
 */
public record Sessions(Database db, Clock clock, Duration idleTimeout) {
  static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new session with fresh id and CSRF token (a new id on every login stops fixation). */
  public Session create(String user, Role role) {
    Instant now = clock.instant();
    Session s = new Session(token(), user, role, token(), now, now);
    db.transaction(
        true,
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM dashboard_sessions WHERE last_seen <= ?")) {
            del.setLong(1, now.minus(idleTimeout).toEpochMilli());
            del.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO dashboard_sessions (id_hash, user_name, role, csrf_token,"
                      + " created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(s.id()));
            ps.setString(2, user);
            ps.setString(3, role.json());
            ps.setString(4, s.csrfToken());
            ps.setLong(5, now.toEpochMilli());
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
          }
          return null;
        });
    return s;
  }

  /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String h = hash(id);
    Session s =
        db.transaction(
            false,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT user_name, role, csrf_token, created_at, last_seen FROM"
                          + " dashboard_sessions WHERE id_hash = ?")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next()
                      ? new Session(
                          id,
                          rs.getString(1),
                          Role.parse(rs.getString(2)),
                          rs.getString(3),
                          Instant.ofEpochMilli(rs.getLong(4)),
                          Instant.ofEpochMilli(rs.getLong(5)))
                      : null;
                }
              }
            });
    if (s == null) {
      return Optional.empty();
    }
    if (!s.lastSeen().plus(idleTimeout).isAfter(now)) {
      invalidate(id);
      return Optional.empty();
    }
    if (!s.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
      update(
          "UPDATE dashboard_sessions SET last_seen = " + now.toEpochMilli() + " WHERE id_hash = ?",
          h);
    }
    return Optional.of(s.touch(now));
  }

  public void invalidate(String id) {
    if (id != null) {
      update("DELETE FROM dashboard_sessions WHERE id_hash = ?", hash(id));
    }
  }

  private void update(String sql, String idHash) {
    db.transaction(
        true,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, idHash);
            return ps.executeUpdate();
          }
        });
  }

  private static String hash(String id) {
    return Ids.sha256Hex(id).toLowerCase(Locale.ROOT);
  }

  /** 256 random bits, URL-safe. */
  public static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Compares two secrets in constant time; null never matches. */
  public static boolean sameSecret(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
