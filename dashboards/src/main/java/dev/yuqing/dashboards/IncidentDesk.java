package dev.yuqing.dashboards;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.ResponseConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The incident desk as the dashboard and the summary report see it: the inbox sorted by grade and
 * deadline, one incident with its response log and deliveries, and what people do to it (each
 * change naming its user), all through the alerts module's store in its transactions, so the
 * dashboard and a running alert service (another process, another host) take turns. Thread-safe.
 *
 * @param config the alerts config, for the response plan's deadlines ({@code alerts.response})
 */
public record IncidentDesk(JdbcIncidentStore store, AlertsConfig config, Clock clock) {
  /** Each incident as one alert: for the overview and the daily and weekly reports. */
  public AlertInbox alerts() {
    return new StoreAlertInbox(store, clock);
  }

  public Database database() {
    return store.database();
  }

  public Instant now() {
    return clock.instant();
  }

  /** The plan's deadlines for incidents of the grade of {@code i}. */
  public ResponseConfig plan(Incident i) {
    return config.response(i.grade());
  }

  /**
   * One line of the inbox.
   *
   * @param incident the incident
   * @param next its first deadline still to meet, or null
   * @param overdue that deadline has passed
   */
  public record Row(Incident incident, IncidentResponse.Status next, boolean overdue) {}

  /**
   * The inbox: open incidents first, the highest grade first, then the nearest deadline (overdue
   * ones are the nearest); then the rest, newest first.
   *
   * @param project only this project, or null
   * @param openOnly leave out resolved and closed incidents
   */
  public List<Row> inbox(String project, boolean openOnly, int limit) {
    Instant now = clock.instant();
    return store.inTransaction(IncidentStore.Tx::all).stream()
        .filter(i -> project == null || project.equals(i.project()))
        .filter(i -> !openOnly || i.open())
        .map(
            i -> {
              IncidentResponse.Status next = IncidentResponse.next(i, plan(i));
              return new Row(i, next, next != null && next.overdue(now));
            })
        .sorted(
            Comparator.comparing((Row r) -> !r.incident().open())
                .thenComparing(r -> r.incident().grade(), Comparator.reverseOrder())
                .thenComparing(r -> r.next() == null ? Instant.MAX : r.next().due())
                .thenComparing(r -> r.incident().openedAt(), Comparator.reverseOrder()))
        .limit(limit)
        .toList();
  }

  /**
   * An incident with everything about it.
   *
   * @param incident the incident
   * @param log its response log, oldest first
   * @param deliveries its messages per channel, in queue order
   * @param deadlines where the plan's deadlines stand
   */
  public record View(
      Incident incident,
      List<LogEntry> log,
      List<Delivery> deliveries,
      List<IncidentResponse.Status> deadlines) {}

  /** The incident, or empty for an unknown or malformed id (ids come from URLs). */
  public Optional<View> view(String id) {
    return store.inTransaction(
        tx ->
            tx.incident(id)
                .map(
                    i ->
                        new View(
                            i,
                            tx.log(i.id()),
                            tx.deliveries(i.id()),
                            IncidentResponse.deadlines(i, plan(i)))));
  }

  /**
   * Everything that happened to an incident, oldest first, one line each: its history (but the
   * lines the log and the deliveries tell better), its response log with who logged it, and each
   * notice sent with its channel and recipients.
   */
  public static List<Step> steps(View v) {
    List<Step> out = new ArrayList<>();
    for (Incident.Event e : v.incident().history()) {
      if (!e.type().equals("sent") && !e.type().equals("log")) {
        out.add(new Step(e.at(), e.type(), e.text()));
      }
    }
    for (LogEntry e : v.log()) {
      out.add(new Step(e.at(), "log", e.user() + " · " + e.action().chinese() + "：" + e.text()));
    }
    for (Delivery d : v.deliveries()) {
      if (d.status() == Delivery.Status.SENT && d.doneAt() != null) {
        String to =
            d.notice().recipients().isEmpty() ? "" : "，" + d.notice().recipients().size() + " 位收件人";
        out.add(
            new Step(
                d.doneAt(),
                "sent",
                "发出" + d.notice().kind().chinese() + "通知（" + d.channel() + to + "）"));
      }
    }
    out.sort(Comparator.comparing(Step::at));
    return out;
  }

  /**
   * One line of an incident's timeline.
   *
   * @param at when (service clock)
   * @param kind received, joined, update, notice, escalate, ack, assign, log, resolve, close, sent
   * @param text what happened, with who did it
   */
  public record Step(Instant at, String kind, String text) {}

  /** A number that grows with every change to any incident: what live pages listen for. */
  public long changes() {
    return store.changes();
  }

  /**
   * @throws NoSuchElementException when there is no such incident
   * @throws IllegalStateException when the change is not allowed (a closed incident)
   */
  public Incident acknowledge(String id, String user) {
    return act(id, s -> AlertService.acknowledge(s, id, user, clock.instant()));
  }

  /** See {@link #acknowledge} for the exceptions; a bad name throws IllegalArgumentException. */
  public Incident assign(String id, Assignment.Kind kind, String name, String user) {
    return act(
        id, s -> AlertService.assign(s, id, new Assignment(kind, name, user, clock.instant())));
  }

  /** Logs a step of the response; see {@link #assign} for the exceptions. */
  public Incident log(
      String id, dev.yuqing.alerts.incident.ResponseAction action, String text, String user) {
    return act(id, s -> AlertService.log(s, new LogEntry(id, clock.instant(), user, action, text)));
  }

  /** Resolves by hand; the recovery notice goes out through the running service. */
  public Incident resolve(String id, String user) {
    return act(id, s -> AlertService.resolve(s, id, user, clock.instant()));
  }

  /** Closes (resolving first when still open); see {@link #acknowledge} for the exceptions. */
  public Incident close(String id, String user) {
    return act(id, s -> AlertService.close(s, id, user, clock.instant()));
  }

  private Incident act(String id, Function<IncidentStore, Optional<Incident>> change) {
    if (store.inTransaction(tx -> tx.incident(id)).isEmpty()) {
      throw new NoSuchElementException(id);
    }
    return change.apply(store).orElseThrow(() -> new NoSuchElementException(id));
  }
}
