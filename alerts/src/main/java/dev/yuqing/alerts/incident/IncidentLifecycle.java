package dev.yuqing.alerts.incident;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.GroupingConfig;
import java.time.Instant;
import java.util.List;

/**
 * How alerts become incidents and when an incident's thread speaks. Pure: an incident (or the
 * project's open ones) and an event in — an alert from the rules, time passing, a person's
 * acknowledgement or resolve — the incident after it and the notices out. No I/O and no clock:
 * "now" is the service time it is given. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Grouping.</b> An alert joins an open incident of its project when it quotes a post a
 *       member quotes or its event-time span comes within {@code grouping.window} of the
 *       incident's; otherwise it opens one.
 *   <li><b>Inhibition.</b> While a critical incident of the project is open, a lower-grade alert
 *       joins it (however much later) and sends nothing of its own: what it adds rides on the
 *       incident's next message. An alert about a time before the incident (less the window) is
 *       another event.
 *   <li><b>Wait.</b> A new incident's first message waits {@code grouping.wait} for more members; a
 *       critical one, or one whose grade rises meanwhile, goes at once.
 *   <li><b>Interval.</b> A change (a member, a count, new posts) is told at most once per {@code
 *       grouping.interval}; a rise in grade at once, to everyone the new grade reaches.
 *   <li><b>Resolution.</b> A member whose rule went quiet says so in the next message; when the
 *       last one did, the incident resolves with one recovery notice (the thread's only message
 *       when it resolved before its first).
 * </ul>
 */
public final class IncidentLifecycle {
  private final GroupingConfig grouping;

  public IncidentLifecycle(GroupingConfig grouping) {
    this.grouping = grouping;
  }

  /**
   * What one event did.
   *
   * @param incidents the incidents it changed, to store
   * @param notices the messages to send, in order, not yet addressed
   */
  public record Step(List<Incident> incidents, List<Notice> notices) {
    public static final Step NONE = new Step(List.of(), List.of());

    public Step {
      incidents = List.copyOf(incidents);
      notices = List.copyOf(notices);
    }

    static Step of(Incident i) {
      return new Step(List.of(i), List.of());
    }

    static Step of(Incident.Issued i) {
      return new Step(List.of(i.incident()), List.of(i.notice()));
    }
  }

  /**
   * An alert from the rules.
   *
   * @param owner the incident the alert is already a member of, or null
   * @param open the open incidents of the alert's project, oldest first (ignored with an owner)
   * @return what changed; null when the alert is a replay (this id and revision, or a later one,
   *     was received before)
   */
  public Step onAlert(Alert a, Incident owner, List<Incident> open, Instant now) {
    if (owner != null) {
      Incident.Member m = owner.member(a.id()).orElseThrow();
      return a.revision() <= m.alert().revision() ? null : update(owner, a, now);
    }
    if (a.state() == AlertState.RESOLVED) {
      return Step.NONE; // over before we heard of it (rules replayed from further back): untold
    }
    Incident target = join(a, open);
    if (target != null) {
      return update(target, a, now);
    }
    Instant due = a.grade() == Grade.CRITICAL ? now : now.plus(grouping.groupWait());
    return flush(Incident.open(a, now, due), now);
  }

  /** The open incident {@code a} joins, or null: inhibition first, then the grouping rule. */
  private Incident join(Alert a, List<Incident> open) {
    List<Incident> mine =
        open.stream().filter(i -> i.open() && i.project().equals(a.project())).toList();
    if (a.grade() != Grade.CRITICAL) {
      for (Incident i : mine) {
        // an alert about an earlier time that arrives late (a window rule behind the watermark in
        // a replay) is another event, not one the critical incident covers
        boolean since = !a.updatedAt().isBefore(i.firstAt().minus(grouping.window()));
        if (i.grade() == Grade.CRITICAL && since) {
          return i;
        }
      }
    }
    for (Incident i : mine) {
      if (i.touches(a, grouping.window())) {
        return i;
      }
    }
    return null;
  }

  private Step update(Incident i, Alert a, Instant now) {
    Grade before = i.grade();
    Incident j = i.withMember(a, now);
    if (!j.open()) {
      return Step.of(j); // resolved by a person while the rules still see it: recorded, untold
    }
    if (j.allQuiet()) {
      return Step.of(j.resolved("rule", now).issue(NoticeKind.RECOVERY, null, now));
    }
    // a member going quiet while others go on is news for the next message, not one of its own
    boolean quiet = a.state() == AlertState.RESOLVED;
    boolean inhibited = before == Grade.CRITICAL && a.grade() != Grade.CRITICAL;
    if (j.grade().compareTo(before) > 0) {
      j = j.dueBy(now);
    } else if (!inhibited && !quiet && j.messages().count() > 0) {
      Instant next = j.messages().lastAt().plus(grouping.interval());
      j = j.dueBy(next.isAfter(now) ? next : now);
    }
    return flush(j, now);
  }

  /**
   * Time passed: the message whose group wait or interval ended.
   *
   * @return null when nothing is due
   */
  public Step onTime(Incident i, Instant now) {
    Instant due = i.messages().dueAt();
    return !i.open() || due == null || now.isBefore(due) ? null : flush(i, now);
  }

  /**
   * The input ended (a bounded replay): no member can join any more, so what waits for the end of
   * the group wait or of an interval is issued now.
   *
   * @return null when nothing waits
   */
  public Step onEndOfInput(Incident i, Instant now) {
    return !i.open() || i.messages().dueAt() == null ? null : flush(i.dueBy(now), now);
  }

  /** The incident's next message if it is due; a due update with nothing to tell is dropped. */
  private static Step flush(Incident i, Instant now) {
    Instant due = i.messages().dueAt();
    if (due == null || now.isBefore(due)) {
      return Step.of(i);
    }
    boolean first = i.messages().count() == 0;
    if (!first && i.changes().isEmpty()) {
      return Step.of(i.notDue());
    }
    return Step.of(i.issue(first ? NoticeKind.NEW : NoticeKind.UPDATE, null, now));
  }

  /** A person acknowledged the incident: it will not escalate. Nothing is sent. */
  public static Step acknowledge(Incident i, String who, Instant now) {
    if (!i.open() || i.state() == AlertState.ACKNOWLEDGED || i.state() == AlertState.RESPONDING) {
      return Step.NONE;
    }
    return Step.of(i.acknowledged(who, now));
  }

  /**
   * A person resolved the incident: a recovery notice to whoever heard of it (nothing when its
   * first message had not gone out yet); later alerts of its members are recorded, not sent.
   */
  public static Step resolve(Incident i, String who, Instant now) {
    if (!i.open()) {
      return Step.NONE;
    }
    Incident closed = i.resolved(who, now);
    if (i.messages().count() == 0) {
      return Step.of(closed);
    }
    return Step.of(closed.issue(NoticeKind.RECOVERY, "已由" + who + "手动解除。", now));
  }
}
