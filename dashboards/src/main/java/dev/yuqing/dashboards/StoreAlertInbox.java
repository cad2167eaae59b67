package dev.yuqing.dashboards;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The alert inbox over the alerts module's durable store ({@code DATA/alerts}): each incident shown
 * as one alert ({@link Incident#summary}). Acknowledging and resolving go through {@link
 * AlertService}'s store-level operations, in the store's transactions: the dashboard and a running
 * alert service (another process) take turns, and a resolve queues the recovery notice that the
 * service then sends.
 */
public record StoreAlertInbox(IncidentStore store, Clock clock) implements AlertInbox {
  @Override
  public List<Alert> list(String project, Set<AlertState> states, int limit) {
    List<Incident> all = store.inTransaction(IncidentStore.Tx::all);
    return all.stream()
        .filter(i -> project == null || project.equals(i.project()))
        .filter(i -> states.isEmpty() || states.contains(i.state()))
        .limit(limit)
        .map(Incident::summary)
        .toList();
  }

  @Override
  public Optional<Alert> get(String id) {
    return incident(id).map(Incident::summary);
  }

  @Override
  public Alert acknowledge(String id, String user) {
    requireKnown(id);
    Incident i =
        AlertService.acknowledge(store, id, user, clock.instant())
            .orElseThrow(() -> new NoSuchElementException(id));
    if (i.state() == AlertState.RESOLVED) {
      throw new IllegalStateException("alert " + id + " is already resolved");
    }
    return i.summary();
  }

  @Override
  public Alert resolve(String id, String user) {
    requireKnown(id);
    return AlertService.resolve(store, id, user, clock.instant())
        .orElseThrow(() -> new NoSuchElementException(id))
        .summary();
  }

  @Override
  public List<AlertChange> history(String id) {
    return incident(id).map(Incident::history).orElse(List.of()).stream()
        .map(e -> new AlertChange(e.at(), e.type(), e.text()))
        .toList();
  }

  private void requireKnown(String id) {
    if (incident(id).isEmpty()) {
      throw new NoSuchElementException(id);
    }
  }

  /** The incident, or empty for an unknown or malformed id (ids come from URLs). */
  private Optional<Incident> incident(String id) {
    return store.inTransaction(tx -> tx.incident(id));
  }
}
