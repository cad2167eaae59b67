package dev.yuqing.dashboards;

import dev.yuqing.alerts.AlertRecord;
import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.AlertStore;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The alert inbox over the alerts module's durable store ({@code DATA/alerts}). Acknowledging and
 * resolving go through {@link AlertService}'s store-level operations, which take the store's file
 * lock: the dashboard and a running alert service (another process) take turns, and a resolve
 * queues the recovery notice that the service then sends.
 */
public final class StoreAlertInbox implements AlertInbox {
  private final AlertStore store;
  private final Clock clock;

  public StoreAlertInbox(AlertStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public List<Alert> list(String project, Set<AlertState> states, int limit) {
    return store.all().stream()
        .map(AlertRecord::alert)
        .filter(a -> project == null || project.equals(a.project()))
        .filter(a -> states.isEmpty() || states.contains(a.state()))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Alert> get(String id) {
    return record(id).map(AlertRecord::alert);
  }

  @Override
  public Alert acknowledge(String id, String user) {
    requireKnown(id);
    AlertRecord r =
        AlertService.acknowledge(store, id, user, clock.instant())
            .orElseThrow(() -> new NoSuchElementException(id));
    if (r.state() == AlertState.RESOLVED) {
      throw new IllegalStateException("alert " + id + " is already resolved");
    }
    return r.alert();
  }

  @Override
  public Alert resolve(String id, String user) {
    requireKnown(id);
    return AlertService.resolve(store, id, user, clock.instant())
        .orElseThrow(() -> new NoSuchElementException(id))
        .alert();
  }

  @Override
  public List<AlertChange> history(String id) {
    return record(id).map(AlertRecord::history).orElse(List.of()).stream()
        .map(e -> new AlertChange(e.at(), e.type(), e.text()))
        .toList();
  }

  private void requireKnown(String id) {
    if (record(id).isEmpty()) {
      throw new NoSuchElementException(id);
    }
  }

  /** The record, or empty for an unknown or malformed id (ids come from URLs). */
  private Optional<AlertRecord> record(String id) {
    try {
      return store.get(id);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
