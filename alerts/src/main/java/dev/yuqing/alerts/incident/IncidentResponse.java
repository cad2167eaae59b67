package dev.yuqing.alerts.incident;

import dev.yuqing.alerts.incident.Incident.Event;
import dev.yuqing.alerts.incident.Incident.Handling;
import dev.yuqing.alerts.incident.IncidentLifecycle.Step;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.config.ResponseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The response workflow that people drive, pure like the lifecycle: new → acknowledged → responding
 * → resolved → closed. Assigning an incident or logging a step takes it up (it counts as the
 * acknowledgement when nobody gave one); a resolved incident can still be logged (善后) until it is
 * closed; a closed one changes no more.
 */
public final class IncidentResponse {
  private IncidentResponse() {}

  /**
   * Assigns the incident to a person or department.
   *
   * @throws IllegalStateException when it is closed
   */
  public static Incident assign(Incident i, Assignment a) {
    requireNotClosed(i);
    return takeUp(
        i,
        a.by(),
        a.at(),
        i.response().assigned(a),
        new Event(a.at(), "assign", a.by() + " 指派给" + a.label()));
  }

  /**
   * Records a step of the response in the incident (the entry itself goes to the response log).
   *
   * @throws IllegalStateException when it is closed
   */
  public static Incident log(Incident i, LogEntry e) {
    requireNotClosed(i);
    return takeUp(
        i,
        e.user(),
        e.at(),
        i.response().logged(e),
        new Event(e.at(), "log", e.user() + " 记录" + e.action().chinese() + "：" + e.text()));
  }

  /**
   * Closes the incident: resolves it first when it is still open (with the recovery notice to
   * whoever heard of it), then nothing changes it any more.
   *
   * @throws IllegalStateException when it is closed already
   */
  public static Step close(Incident i, String who, Instant now) {
    requireNotClosed(i);
    Step resolved = i.open() ? IncidentLifecycle.resolve(i, who, now) : Step.NONE;
    Incident base = resolved.incidents().isEmpty() ? i : resolved.incidents().get(0);
    Incident closed =
        base.responded(
            AlertState.CLOSED,
            base.grade(),
            base.gradeSince(),
            base.handling().closed(who, now),
            base.response(),
            new Event(now, "close", who + " 关闭事件"));
    return new Step(List.of(closed), resolved.notices());
  }

  private static Incident takeUp(Incident i, String who, Instant at, Response r, Event e) {
    boolean waiting =
        i.open()
            && (i.state() == AlertState.FIRING
                || i.state() == AlertState.ESCALATED
                || i.state() == AlertState.ACKNOWLEDGED);
    Handling h =
        waiting && i.handling().ackedBy() == null ? i.handling().acked(who, at) : i.handling();
    AlertState s = waiting ? AlertState.RESPONDING : i.state();
    return i.responded(s, i.grade(), i.gradeSince(), h, r, e);
  }

  private static void requireNotClosed(Incident i) {
    if (i.closed()) {
      throw new IllegalStateException("事件 " + i.id() + " 已关闭，不能再更改");
    }
  }

  /**
   * Where one deadline of the response plan stands.
   *
   * @param deadline which
   * @param within how long the plan allows
   * @param due when it falls due
   * @param metAt when it was met, or null
   */
  public record Status(Deadline deadline, Duration within, Instant due, Instant metAt) {
    /** Unmet and past due at {@code now} (only an open incident's deadlines can be overdue). */
    public boolean overdue(Instant now) {
      return metAt == null && !now.isBefore(due);
    }

    /** Met, and in time. */
    public boolean metInTime() {
      return metAt != null && !metAt.isAfter(due);
    }
  }

  /**
   * The incident's deadlines under {@code plan} (its grade's), in the order they fall due: to
   * acknowledge from when its grade was told, to contact the homeowners and to report progress from
   * when it opened. A deadline the plan leaves out (null) is not listed.
   */
  public static List<Status> deadlines(Incident i, ResponseConfig plan) {
    List<Status> out = new ArrayList<>();
    listed(out, Deadline.ACKNOWLEDGE, plan.acknowledge(), i.gradeSince(), i.handling().ackedAt());
    listed(out, Deadline.CONTACT, plan.contact(), i.openedAt(), i.response().contactedAt());
    listed(out, Deadline.PROGRESS, plan.progress(), i.openedAt(), i.response().progressAt());
    out.sort(java.util.Comparator.comparing(Status::due));
    return out;
  }

  /**
   * Adds deadline {@code d}, due {@code within} after {@code from}, unless the plan leaves it out.
   */
  private static void listed(
      List<Status> out, Deadline d, Duration within, Instant from, Instant metAt) {
    if (within != null) {
      out.add(new Status(d, within, from.plus(within), metAt));
    }
  }

  /** The first deadline still to meet, or null when all are met (or the incident is not open). */
  public static Status next(Incident i, ResponseConfig plan) {
    if (!i.open()) {
      return null;
    }
    return deadlines(i, plan).stream().filter(s -> s.metAt() == null).findFirst().orElse(null);
  }
}
