package dev.yuqing.dashboards.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins: after {@code maxFailures} failures within {@code window} for one key (a
 * user name, or a client address), that key is locked until the oldest counted failure leaves the
 * window. Keying on both stops guessing one user's password from many addresses and many users'
 * passwords from one address. Thread-safe; time comes from the injected clock.
 */
public final class LoginThrottle {
  /** Keys kept before expired ones are swept out: bounds memory under a flood of names. */
  static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long the key stays locked; {@link Duration#ZERO} when it may try now. */
  public Duration lockedFor(String key) {
    Deque<Instant> q = failures.get(key);
    if (q == null) {
      return Duration.ZERO;
    }
    synchronized (q) {
      Instant now = clock.instant();
      prune(q, now);
      if (q.size() < maxFailures) {
        return Duration.ZERO;
      }
      return Duration.between(now, q.peekFirst().plus(window));
    }
  }

  public void failed(String key) {
    if (failures.size() >= MAX_KEYS) {
      // someone is trying many names: forget the keys whose failures have all expired
      sweep();
    }
    Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      Instant now = clock.instant();
      prune(q, now);
      q.addLast(now);
      while (q.size() > maxFailures) {
        q.removeFirst();
      }
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void sweep() {
    Instant now = clock.instant();
    failures
        .values()
        .removeIf(
            q -> {
              synchronized (q) {
                prune(q, now);
                return q.isEmpty();
              }
            });
  }

  int keys() {
    return failures.size();
  }

  private void prune(Deque<Instant> q, Instant now) {
    while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
      q.removeFirst();
    }
  }
}
