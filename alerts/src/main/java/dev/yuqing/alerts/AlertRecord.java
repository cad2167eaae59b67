package dev.yuqing.alerts;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alert as the service keeps it in the {@link AlertStore}: the latest revision the rules sent,
 * with the lifecycle the service and people added (grade after escalation, state, who acknowledged
 * or resolved it), and its history.
 *
 * @param alert the latest revision, with the current grade and state applied
 * @param revision highest revision received from the rules (the dedup key with the id)
 * @param receivedAt when the service first received the alert (service clock)
 * @param gradeSince when the current grade was notified; escalation counts from here
 * @param ackedBy who acknowledged it, or null
 * @param ackedAt when, or null
 * @param resolvedBy who resolved it ({@code rule} for a recovery by the rule), or null
 * @param resolvedAt when (service clock), or null
 * @param history what happened, oldest first
 */
public record AlertRecord(
    Alert alert,
    int revision,
    Instant receivedAt,
    Instant gradeSince,
    String ackedBy,
    Instant ackedAt,
    String resolvedBy,
    Instant resolvedAt,
    List<Event> history) {

  public AlertRecord {
    Objects.requireNonNull(alert, "alert");
    history = history == null ? List.of() : List.copyOf(history);
  }

  public String id() {
    return alert.id();
  }

  public AlertState state() {
    return alert.state();
  }

  /** Open: neither resolved by the rule nor by a person. */
  public boolean open() {
    return alert.state() != AlertState.RESOLVED;
  }

  AlertRecord with(Alert a, int rev, Instant gradeSince, Event e) {
    return new AlertRecord(
        a, rev, receivedAt, gradeSince, ackedBy, ackedAt, resolvedBy, resolvedAt, add(e));
  }

  AlertRecord acked(String who, Instant at) {
    return new AlertRecord(
        alert.withState(AlertState.ACKNOWLEDGED, alert.updatedAt()),
        revision,
        receivedAt,
        gradeSince,
        who,
        at,
        resolvedBy,
        resolvedAt,
        add(new Event(at, "ack", who + " 确认")));
  }

  AlertRecord resolved(String who, Instant at, Alert a) {
    return new AlertRecord(
        a.withState(AlertState.RESOLVED, a.updatedAt()),
        Math.max(revision, a.revision()),
        receivedAt,
        gradeSince,
        ackedBy,
        ackedAt,
        who,
        at,
        add(new Event(at, "resolve", who.equals("rule") ? "规则判定已恢复" : who + " 解除")));
  }

  private List<Event> add(Event e) {
    List<Event> h = new ArrayList<>(history);
    if (e != null) {
      h.add(e);
    }
    return h;
  }

  /**
   * One line of history.
   *
   * @param at service clock
   * @param type received, update, escalate, ack, resolve, sent, failed
   * @param text for people
   */
  public record Event(Instant at, String type, String text) {}
}
