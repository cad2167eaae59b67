package dev.yuqing.alerts;

import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.alerts.channel.Channel;
import dev.yuqing.alerts.channel.DeliveryException;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.incident.NoticeKind;
import dev.yuqing.core.Alert;
import dev.yuqing.core.config.AlertsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notices: routes each to the channels that take its grade (mail to the grade's
 * recipients, robots from their {@code minGrade} up) as deliveries in the store's queue, then sends
 * what is due, oldest first, and retries what failed with exponential backoff ({@code retryInitial}
 * doubling to {@code retryMax}) until {@code giveUpAfter}. A delivery waits while an earlier one of
 * the same incident and channel is pending, so a thread arrives in order; a message still waiting
 * (a server down) is replaced by a newer one of the same incident, so people get the latest state
 * instead of a backlog.
 *
 * <p>Each delivery is claimed from the store ({@link IncidentStore#claimNext}) and its outcome
 * recorded with the claim, so dispatchers of several services on one shared database never send one
 * twice. Call {@link #deliverDue} from one thread at a time.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final IncidentStore store;
  private final AlertsConfig cfg;
  private final Channels channels;
  private final Clock clock;

  /**
   * The channels of a service.
   *
   * @param mail the mail channel (SMTP or the outbox), which takes every grade's recipients
   * @param robots chat robots, which take no addresses
   */
  record Channels(Channel mail, List<Channel> robots) {
    Channels {
      robots = List.copyOf(robots);
      Set<String> ids = new HashSet<>();
      for (Channel c : all(mail, robots)) {
        if (!ids.add(c.id())) {
          throw new IllegalArgumentException("two channels with id '" + c.id() + "'");
        }
      }
    }

    List<Channel> all() {
      return all(mail, robots);
    }

    private static List<Channel> all(Channel mail, List<Channel> robots) {
      List<Channel> all = new ArrayList<>();
      if (mail != null) {
        all.add(mail);
      }
      all.addAll(robots);
      return all;
    }
  }

  Dispatcher(IncidentStore store, AlertsConfig cfg, Channels channels, Clock clock) {
    this.store = store;
    this.cfg = cfg;
    this.channels = channels;
    this.clock = clock;
  }

  /** Queues {@code n} to every channel that takes its grade (call inside a transaction). */
  void queue(IncidentStore.Tx tx, Notice n, Instant now) {
    Alert a = n.alert();
    String link = Links.alert(cfg.dashboardUrl(), a);
    String posts = Links.posts(cfg.dashboardUrl(), a);
    for (Channel c : channels.all()) {
      if (c.accepts(a.grade())) {
        List<String> to = c == channels.mail() ? cfg.recipientsFor(a.grade()) : List.of();
        enqueue(tx, c.id(), n.addressed(to, link, posts), now);
      }
    }
  }

  /**
   * Queues {@code n} to the channels the incident's earlier messages went to, with their recipients
   * and links: for a process without the service's channels and config ({@code yuqing alerts
   * resolve}, the dashboard); the running service, or the next one to start, sends it.
   */
  static void queueAsBefore(IncidentStore.Tx tx, Notice n, Instant now) {
    Map<String, Delivery> last = new LinkedHashMap<>();
    for (Delivery d : tx.deliveries(n.incident().id())) {
      last.put(d.channel(), d);
    }
    for (Delivery d : last.values()) {
      Notice before = d.notice();
      Notice to = n.addressed(before.recipients(), before.dashboardLink(), before.postsLink());
      enqueueOnce(tx, d.channel(), to, now);
    }
  }

  /**
   * Queues one delivery, folding a waiting message of the same incident into it: a first message
   * still waiting takes an update's content (and stays the first); a waiting update is superseded,
   * its changes carried over.
   */
  private void enqueue(IncidentStore.Tx tx, String channel, Notice n, Instant now) {
    List<String> carried = new ArrayList<>();
    // a delivery being sent is not foldable: the store leaves it out
    for (Delivery d : tx.foldable(n.incident().id(), channel)) {
      Notice waiting = d.notice();
      if (waiting.kind() == NoticeKind.NEW && n.kind() == NoticeKind.UPDATE) {
        Notice merged =
            new Notice(
                NoticeKind.NEW,
                n.incident(),
                List.of(),
                n.recipients(),
                waiting.messageId(),
                waiting.references(),
                n.dashboardLink(),
                n.postsLink(),
                waiting.note(),
                waiting.createdAt());
        tx.put(
            new Delivery(
                d.id(),
                d.seq(),
                channel,
                merged,
                d.status(),
                d.attempts(),
                d.nextAttemptAt(),
                null,
                d.lastError()));
        return;
      }
      if (waiting.kind() == NoticeKind.UPDATE) {
        carried.addAll(waiting.changes());
        String by = "被第" + n.incident().messages().count() + "封取代";
        tx.put(d.with(Status.SUPERSEDED, d.attempts(), d.nextAttemptAt(), now, by));
      }
    }
    if (!carried.isEmpty()) {
      Set<String> changes = new LinkedHashSet<>(carried);
      changes.addAll(n.changes());
      n = n.withChanges(List.copyOf(changes));
    }
    enqueueOnce(tx, channel, n, now);
  }

  private static void enqueueOnce(IncidentStore.Tx tx, String channel, Notice n, Instant now) {
    String id = n.messageId() + "~" + channel;
    if (tx.delivery(id).isEmpty()) { // queued before: a repeat must not be sent twice
      tx.put(new Delivery(id, tx.nextSeq(), channel, n, Status.PENDING, 0, now, null, null));
    }
  }

  /**
   * Attempts every due pending delivery once, oldest first.
   *
   * @return deliveries sent
   */
  int deliverDue() {
    Set<String> tried = new HashSet<>(); // each at most once per call, whatever its outcome
    int sent = 0;
    while (true) {
      Optional<Boolean> outcome =
          store.claimNext(
              clock.instant(),
              tried,
              claim -> {
                Delivery d = claim.delivery();
                tried.add(d.id());
                DeliveryException failure = send(d);
                return claim.record(tx -> record(tx, d, failure));
              });
      if (outcome.isEmpty()) {
        return sent;
      }
      sent += outcome.get() ? 1 : 0;
    }
  }

  /** One attempt; null when it went out. */
  private DeliveryException send(Delivery d) {
    Channel ch =
        channels.all().stream().filter(c -> c.id().equals(d.channel())).findFirst().orElse(null);
    if (ch == null) {
      return new DeliveryException(
          "channel '" + d.channel() + "' is not configured now", false, null);
    }
    try {
      ch.deliver(d.notice());
      return null;
    } catch (DeliveryException e) {
      return e;
    } catch (RuntimeException e) {
      return new DeliveryException(e.toString(), false, e);
    }
  }

  private boolean record(IncidentStore.Tx tx, Delivery d, DeliveryException failure) {
    Instant now = clock.instant();
    Delivery current = tx.delivery(d.id()).orElse(d);
    String kind = d.notice().kind().chinese();
    if (failure == null) {
      tx.put(current.with(Status.SENT, current.attempts() + 1, current.nextAttemptAt(), now, null));
      note(tx, d, new Incident.Event(now, "sent", kind + " → " + d.channel()));
      LOG.info("incident {} {} sent via {}", d.incidentId(), d.notice().kind().json(), d.channel());
      return true;
    }
    int attempts = current.attempts() + 1;
    String error = oneLine(failure.getMessage());
    boolean giveUp =
        failure.permanent() || !now.isBefore(d.notice().createdAt().plus(cfg.giveUpAfter()));
    if (giveUp) {
      tx.put(current.with(Status.FAILED, attempts, current.nextAttemptAt(), now, error));
      note(tx, d, new Incident.Event(now, "failed", d.channel() + " 发送失败：" + error));
      LOG.error(
          "incident {} via {}: giving up after {} attempts: {}",
          d.incidentId(),
          d.channel(),
          attempts,
          error);
    } else {
      tx.put(current.with(Status.PENDING, attempts, now.plus(backoff(attempts)), null, error));
      LOG.warn(
          "incident {} via {}: attempt {} failed, will retry: {}",
          d.incidentId(),
          d.channel(),
          attempts,
          error);
    }
    return false;
  }

  private static void note(IncidentStore.Tx tx, Delivery d, Incident.Event e) {
    tx.incident(d.incidentId()).ifPresent(i -> tx.put(i.noted(e)));
  }

  /** Wait after the n-th failed attempt: retryInitial · 2^(n-1), at most retryMax. */
  Duration backoff(int attempts) {
    Duration d = cfg.retryInitial();
    for (int i = 1; i < attempts && d.compareTo(cfg.retryMax()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(cfg.retryMax()) > 0 ? cfg.retryMax() : d;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "…";
  }
}
