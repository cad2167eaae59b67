package dev.yuqing.alerts.rules;

import dev.yuqing.core.Alert;
import java.time.Instant;
import java.util.List;

/**
 * What a rule call returns: the state to keep, the alerts to hand to the alert service (in order),
 * and when to call {@code onTime} next.
 *
 * @param state the next state; store it in place of the one passed in
 * @param alerts new alerts (revision 1), updates (revision &gt; 1) and recoveries (state resolved);
 *     usually empty
 * @param wakeAt the event time at which an open alert would resolve if nothing else arrives:
 *     register an event-time timer for it and call {@code onTime}; null when nothing is open
 */
public record RuleOutcome<S>(S state, List<Alert> alerts, Instant wakeAt) {
  public RuleOutcome {
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }
}
