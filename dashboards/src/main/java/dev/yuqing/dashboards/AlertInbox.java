package dev.yuqing.dashboards;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard and the reports need from the alert store: list, show, acknowledge, resolve,
 * and each alert's history. Implemented over the alerts module's durable store; the dashboard never
 * keeps alerts of its own.
 *
 * <p>Threading: implementations are safe for concurrent use (many dashboard requests at once).
 */
public interface AlertInbox {

  /**
   * Alerts newest first.
   *
   * @param project only this project, or null for all
   * @param states only these states; empty for all
   * @param limit at most this many
   */
  List<Alert> list(String project, Set<AlertState> states, int limit);

  Optional<Alert> get(String id);

  /**
   * Marks the alert acknowledged by {@code user}: escalation stops. Acknowledging an acknowledged
   * alert changes nothing.
   *
   * @throws java.util.NoSuchElementException when there is no such alert
   * @throws IllegalStateException when the alert is already resolved
   */
  Alert acknowledge(String id, String user);

  /**
   * Marks the alert resolved by {@code user}.
   *
   * @throws java.util.NoSuchElementException when there is no such alert
   */
  Alert resolve(String id, String user);

  /**
   * Every change of the alert, oldest first: raised, updated, escalated, acknowledged, resolved.
   */
  List<AlertChange> history(String id);
}
