package dev.yuqing.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.core.LowerCaseNamed;
import java.time.Instant;
import java.util.Objects;

/**
 * One notice to one channel, persisted in the {@link IncidentStore} before it is sent and updated
 * after every attempt: the durable queue.
 *
 * @param id {@code <message id>~<channel>}: deterministic, so a repeat cannot be queued twice
 * @param seq queue order; a delivery waits for earlier ones of the same incident and channel
 * @param channel channel id
 * @param notice what to send
 * @param status pending, sent, failed or superseded
 * @param attempts attempts so far
 * @param nextAttemptAt when to try next (service clock)
 * @param doneAt when it was sent or given up (service clock), or null
 * @param lastError the last failure, one line, or null
 */
public record Delivery(
    String id,
    long seq,
    String channel,
    Notice notice,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    Instant doneAt,
    String lastError) {

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(status, "status");
  }

  public String incidentId() {
    return notice.incident().id();
  }

  Delivery with(Status s, int att, Instant next, Instant done, String error) {
    return new Delivery(id, seq, channel, notice, s, att, next, done, error);
  }

  /** Where a delivery is. */
  public enum Status implements LowerCaseNamed {
    PENDING,
    SENT,
    /** Given up: a permanent error, or still failing after {@code alerts.giveUpAfter}. */
    FAILED,
    /** Replaced by a newer message before it could be sent (aggregation). */
    SUPERSEDED;

    @JsonCreator
    public static Status parse(String s) {
      return LowerCaseNamed.byName(Status.class, s);
    }
  }
}
