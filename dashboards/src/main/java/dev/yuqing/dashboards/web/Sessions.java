package dev.yuqing.dashboards.web;

import dev.yuqing.core.config.UserConfig.Role;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a restart logs everyone out, which is acceptable for a dashboard and keeps
 * session secrets off the disk. Thread-safe. Expired sessions are dropped on access and swept on
 * each login.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleTimeout;

  public Sessions(Clock clock, Duration idleTimeout) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  /** A new session with fresh id and CSRF token (a new id on every login stops fixation). */
  public Session create(String user, Role role) {
    sweep();
    Instant now = clock.instant();
    Session s = new Session(token(), user, role, token(), now, now);
    byId.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      byId.remove(id, s);
      return Optional.empty();
    }
    Session touched = s.touch(now);
    byId.replace(id, s, touched);
    return Optional.of(touched);
  }

  public void invalidate(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  public int size() {
    return byId.size();
  }

  private void sweep() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> expired(s, now));
  }

  private boolean expired(Session s, Instant now) {
    return !s.lastSeen().plus(idleTimeout).isAfter(now);
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
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
