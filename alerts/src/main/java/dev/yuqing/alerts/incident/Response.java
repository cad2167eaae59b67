package dev.yuqing.alerts.incident;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An incident's side of the response plan.
 *
 * @param assignment who it is assigned to, or null
 * @param contactedAt the first response log entry of kind contact, or null
 * @param progressAt the first progress report, or null
 * @param overdue the deadlines (contact, progress) already escalated for being missed: each only
 *     once
 */
public record Response(
    Assignment assignment, Instant contactedAt, Instant progressAt, Set<Deadline> overdue) {
  public static final Response NONE = new Response(null, null, null, Set.of());

  public Response {
    overdue = overdue == null || overdue.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(overdue));
  }

  Response assigned(Assignment a) {
    return new Response(a, contactedAt, progressAt, overdue);
  }

  Response logged(LogEntry e) {
    boolean contact = e.action() == ResponseAction.CONTACT && contactedAt == null;
    boolean progress = e.action() == ResponseAction.PROGRESS && progressAt == null;
    return new Response(
        assignment, contact ? e.at() : contactedAt, progress ? e.at() : progressAt, overdue);
  }

  Response escalated(Deadline d) {
    EnumSet<Deadline> s =
        overdue.isEmpty() ? EnumSet.noneOf(Deadline.class) : EnumSet.copyOf(overdue);
    s.add(d);
    return new Response(assignment, contactedAt, progressAt, s);
  }
}
