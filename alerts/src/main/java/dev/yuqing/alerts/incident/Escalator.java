package dev.yuqing.alerts.incident;

import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.ResponseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Raises an incident whose response plan slipped to the next grade, and so to that grade's
 * recipients (分级负责: what the people on duty did not take up goes up the chain). Pure, like the
 * lifecycle.
 *
 * <ul>
 *   <li>Nobody acknowledged within the grade's {@code acknowledge} of its being told: raised one
 *       grade (and again from there, if still nobody takes it up).
 *   <li>The homeowners were not contacted within {@code contact}, or no progress was reported
 *       within {@code progress}, of the incident opening: raised once per deadline; a critical
 *       incident's message goes to everyone again instead.
 * </ul>
 */
public final class Escalator {
  private final Function<Grade, ResponseConfig> plan;

  /**
   * @param escalateAfter how long a grade may go unacknowledged after it was first told; no other
   *     deadline
   */
  public Escalator(Duration escalateAfter) {
    this(g -> new ResponseConfig(escalateAfter, null, null));
  }

  /**
   * @param plan the deadlines of each grade; a null deadline is none
   */
  public Escalator(Function<Grade, ResponseConfig> plan) {
    this.plan = plan;
  }

  /**
   * The escalation of {@code i} at {@code now}, or null when none is due: the incident is resolved,
   * nothing about it has been sent yet, or no deadline passed that was not escalated before. One
   * escalation per call: when two deadlines passed, the next call escalates the second.
   */
  public IncidentLifecycle.Step escalate(Incident i, Instant now) {
    if (!i.open() || i.messages().count() == 0) {
      return null;
    }
    ResponseConfig p = plan.apply(i.grade());
    boolean waiting = i.state() == AlertState.FIRING || i.state() == AlertState.ESCALATED;
    if (waiting
        && i.grade() != Grade.CRITICAL
        && p.acknowledge() != null
        && !now.isBefore(i.gradeSince().plus(p.acknowledge()))) {
      Grade to = i.grade().next();
      String why = Texts.duration(p.acknowledge()) + "内无人确认";
      Incident up = i.escalated(to, now, why + "，升级为" + to.level());
      return IncidentLifecycle.Step.of(up.issue(NoticeKind.ESCALATION, why + "。", now));
    }
    for (IncidentResponse.Status s : IncidentResponse.deadlines(i, p)) {
      if (s.deadline() == Deadline.ACKNOWLEDGE
          || !s.overdue(now)
          || i.response().overdue().contains(s.deadline())) {
        continue;
      }
      Grade to = i.grade().next();
      String why = Texts.duration(s.within()) + "内未" + s.deadline().chinese();
      String step = to == i.grade() ? "，再次通知全体" : "，升级为" + to.level();
      Incident up = i.overdue(s.deadline(), to, now, why + step);
      return IncidentLifecycle.Step.of(up.issue(NoticeKind.ESCALATION, why + "。", now));
    }
    return null;
  }

  /** The deadlines this escalator holds incidents of {@code grade} to. */
  public List<IncidentResponse.Status> deadlines(Incident i) {
    return IncidentResponse.deadlines(i, plan.apply(i.grade()));
  }
}
