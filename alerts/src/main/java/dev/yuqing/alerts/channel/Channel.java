package dev.yuqing.alerts.channel;

import dev.yuqing.core.Grade;

/**
 * A way to reach people: SMTP, the outbox directory, a chat robot. Implementations are small and
 * stateless between calls; the alert service persists, retries and deduplicates around them.
 *
 * <p>Contract: {@link #deliver} either hands the message over completely or throws; it may be
 * called again with the same notice after a failure or a crash, so a channel that can (the outbox)
 * makes a repeat a no-op. Called from one thread at a time.
 */
public interface Channel {
  /** Channel id: {@code smtp}, {@code outbox} or the robot's configured id. */
  String id();

  /** Whether messages of this grade go to this channel. */
  boolean accepts(Grade grade);

  /** Delivers one notice. */
  void deliver(Notice notice) throws DeliveryException;

  /**
   * Whether delivering a notice again leaves one message, not two (the outbox: a file named after
   * the notice, which is not written again). The service then records the outcomes of a tick's
   * deliveries on such a channel together, in one transaction after them, instead of one each (a
   * journal line and a force per message): should it stop in between, the next tick delivers them
   * again, which sends nothing twice. Mail and robots send on every attempt, so each of their
   * outcomes is recorded as soon as it is known.
   */
  default boolean idempotent() {
    return false;
  }
}
