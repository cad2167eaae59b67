package dev.yuqing.alerts.incident;

import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import java.time.Duration;
import java.time.Instant;

/**
 * Raises an incident nobody acknowledged to the next grade, and so to that grade's recipients
 * (分级负责: what the people on duty did not take up goes up the chain). Pure, like the lifecycle.
 */
public final class Escalator {
  private final Duration escalateAfter;

  /**
   * @param escalateAfter how long a grade may go unacknowledged after it was first told
   */
  public Escalator(Duration escalateAfter) {
    this.escalateAfter = escalateAfter;
  }

  /**
   * The escalation of {@code i} at {@code now}, or null when it is not due: the incident is
   * acknowledged, resolved or critical already, nothing about it has been sent yet, or its grade
   * was told less than {@code escalateAfter} ago.
   */
  public IncidentLifecycle.Step escalate(Incident i, Instant now) {
    boolean waiting = i.state() == AlertState.FIRING || i.state() == AlertState.ESCALATED;
    if (!waiting
        || i.grade() == Grade.CRITICAL
        || i.messages().count() == 0
        || now.isBefore(i.gradeSince().plus(escalateAfter))) {
      return null;
    }
    Grade to = i.grade().next();
    String why = Texts.duration(escalateAfter) + "内无人确认";
    Incident up = i.escalated(to, now, why + "，升级为" + to.level());
    return IncidentLifecycle.Step.of(up.issue(NoticeKind.ESCALATION, why + "。", now));
  }
}
