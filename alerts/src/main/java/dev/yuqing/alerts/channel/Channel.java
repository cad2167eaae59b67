package dev.yuqing.alerts.channel;

import dev.yuqing.alerts.incident.Notice;
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
}
