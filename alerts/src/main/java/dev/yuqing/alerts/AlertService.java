package dev.yuqing.alerts;

import dev.yuqing.alerts.channel.Channel;
import dev.yuqing.alerts.channel.OutboxChannel;
import dev.yuqing.alerts.channel.RobotChannels;
import dev.yuqing.alerts.channel.SmtpChannel;
import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Escalator;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentLifecycle;
import dev.yuqing.alerts.incident.IncidentLifecycle.Step;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.Alert;
import dev.yuqing.core.DaemonThreads;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives alert decisions from the rules and turns them into incidents and messages, durably: the
 * state in an {@link IncidentStore}, the messages through a {@link Dispatcher}.
 *
 * <ul>
 *   <li>{@link #submit}: the alert joins or opens an incident ({@link IncidentLifecycle}) and the
 *       incident's due messages are queued, in one transaction with the alert. Idempotent on the
 *       alert's (id, revision): one already received is dropped, so a Flink replay after a crash
 *       never sends twice. Never blocks on the network.
 *   <li>{@link #tick}: escalates incidents not acknowledged in time ({@link Escalator}), issues the
 *       messages whose group wait or interval ended, and delivers what is due. {@link #start} ticks
 *       in the background. All timing uses the injected {@link Clock}.
 *   <li>{@link #acknowledge}, {@link #assign}, {@link #log}, {@link #resolve}, {@link #close}: what
 *       people do (also from {@code yuqing incidents} or the dashboard in another process, through
 *       the store).
 * </ul>
 *
 * Thread-safe.
 */
public final class AlertService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  private final IncidentStore store;
  private final AutoCloseable claim;
  private final IncidentLifecycle lifecycle;
  private final Escalator escalator;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final ReentrantLock tickLock = new ReentrantLock();

  /** A tick asked for by {@link #wake} is queued and has not started yet. */
  private final AtomicBoolean tickQueued = new AtomicBoolean();

  private ScheduledExecutorService ticker;

  /**
   * @param claim what keeps other services off the store, released by {@link #close}; or null
   * @param mail the mail channel (SMTP or the outbox), or null for none
   * @param robots the chat robots
   */
  public AlertService(
      IncidentStore store,
      AutoCloseable claim,
      AlertsConfig cfg,
      Channel mail,
      List<Channel> robots,
      Clock clock) {
    this.store = store;
    this.claim = claim;
    this.lifecycle = new IncidentLifecycle(cfg.grouping());
    this.escalator = new Escalator(cfg::response);
    this.dispatcher = new Dispatcher(store, cfg, new Dispatcher.Channels(mail, robots), clock);
    this.clock = clock;
  }

  /**
   * The service of a data directory: its store under {@code DIR/alerts} (claimed until {@link
   * #close}), mail over SMTP when {@code smtp} is set and otherwise into {@code DIR/outbox}, and
   * the configured robots.
   *
   * @param smtp null for the outbox
   * @param secrets where passwords, webhook URLs and secrets come from
   * @throws IllegalArgumentException when a secret the config names is missing
   * @throws IllegalStateException when another service holds the directory
   */
  public static AlertService open(
      Path dataDir, AlertsConfig cfg, SmtpConfig smtp, Secrets secrets, Clock clock) {
    return open(Database.embedded(dataDir), dataDir, cfg, smtp, secrets, clock);
  }

  /**
   * The service on {@code db} (the embedded store is claimed until {@link #close}; on PostgreSQL
   * several services may run, each dispatcher claiming deliveries), with the channels of {@link
   * #open(Path, AlertsConfig, SmtpConfig, Secrets, Clock)}; the outbox under {@code dataDir}.
   */
  public static AlertService open(
      Database db, Path dataDir, AlertsConfig cfg, SmtpConfig smtp, Secrets secrets, Clock clock) {
    Channel mail = mailChannel(dataDir, cfg, smtp, secrets, clock);
    List<Channel> robots = RobotChannels.of(cfg.robots(), secrets, clock, cfg.zone());
    JdbcIncidentStore store = new JdbcIncidentStore(db);
    return new AlertService(store, store.claimService(), cfg, mail, robots, clock);
  }

  /** The mail channel {@link #open} uses: SMTP when configured, else the outbox directory. */
  public static Channel mailChannel(
      Path dataDir, AlertsConfig cfg, SmtpConfig smtp, Secrets secrets, Clock clock) {
    String ack = "yuqing incidents ack %s --data " + dataDir.toAbsolutePath().normalize();
    if (smtp != null) {
      return new SmtpChannel(smtp, secrets, new AlertMail(cfg.zone(), smtp.from(), ack), clock);
    }
    AlertMail mail = new AlertMail(cfg.zone(), "yuqing@localhost", ack);
    return new OutboxChannel(dataDir.resolve("outbox"), mail, cfg.zone());
  }

  public IncidentStore store() {
    return store;
  }

  /**
   * Takes one alert from the rules.
   *
   * @return false when this id and revision (or a later one) was already received: a replay
   */
  public boolean submit(Alert a) {
    return submitAll(List.of(a)) == 1;
  }

  /**
   * {@link #submit} for each, in order, as one transaction: none is kept when one fails. Returns
   * how many were new.
   */
  public int submitAll(List<Alert> alerts) {
    int n =
        store.inTransaction(
            tx -> {
              int fresh = 0;
              for (Alert a : alerts) {
                Instant now = clock.instant();
                Incident owner = tx.incidentOf(a.id()).orElse(null);
                List<Incident> open = owner == null ? tx.open(a.project()) : List.of();
                Step s = lifecycle.onAlert(a, owner, open, now);
                if (s != null) {
                  commit(tx, s, now);
                  fresh++;
                }
              }
              return fresh;
            });
    if (n > 0) {
      wake();
    }
    return n;
  }

  private void commit(IncidentStore.Tx tx, Step s, Instant now) {
    s.incidents().forEach(tx::put);
    s.notices().forEach(n -> dispatcher.queue(tx, n, now));
  }

  /**
   * Escalates, issues and delivers what is due. Ticks never overlap (a caller's tick waits for the
   * background one), so a delivery is never attempted twice at once.
   */
  public void tick() {
    tickLock.lock();
    try {
      escalateDue();
      issueDue();
      dispatcher.deliverDue();
    } finally {
      tickLock.unlock();
    }
  }

  /** Raises unacknowledged incidents whose grade has stood for {@code escalateAfter}. */
  public int escalateDue() {
    return eachOpen(escalator::escalate);
  }

  /** Issues the messages whose group wait or interval ended. */
  public int issueDue() {
    return eachOpen(lifecycle::onTime);
  }

  /**
   * The input ended (a bounded replay, the demo): no member can join any more, so what waits for
   * the group wait or the interval is issued now. Delivered by the next tick.
   */
  public int issueWaiting() {
    return eachOpen(lifecycle::onEndOfInput);
  }

  /** Applies {@code event} to every open incident in one transaction; returns messages queued. */
  private int eachOpen(BiFunction<Incident, Instant, Step> event) {
    return store.inTransaction(
        tx -> {
          Instant now = clock.instant();
          int n = 0;
          for (Incident i : tx.open()) {
            Step s = event.apply(i, now);
            if (s != null) {
              commit(tx, s, now);
              n += s.notices().size();
            }
          }
          return n;
        });
  }

  /**
   * Attempts every due pending delivery once.
   *
   * @return deliveries sent
   */
  public int deliverDue() {
    tickLock.lock();
    try {
      return dispatcher.deliverDue();
    } finally {
      tickLock.unlock();
    }
  }

  /** Marks an incident acknowledged: it will not escalate. Empty when unknown. */
  public Optional<Incident> acknowledge(String id, String who) {
    return acknowledge(store, id, who, clock.instant());
  }

  /** {@link #acknowledge} on a store without a running service (the CLI, the dashboard). */
  public static Optional<Incident> acknowledge(
      IncidentStore store, String id, String who, Instant now) {
    return byHand(store, id, now, i -> IncidentLifecycle.acknowledge(i, who, now));
  }

  /** Resolves an incident by hand and queues the recovery notice. Empty when unknown. */
  public Optional<Incident> resolve(String id, String who) {
    return resolve(store, id, who, clock.instant());
  }

  /**
   * {@link #resolve} on a store without a running service: the recovery notice goes to the channels
   * and recipients the incident's earlier messages went to, and the running service (or the next
   * one to start) sends it.
   */
  public static Optional<Incident> resolve(
      IncidentStore store, String id, String who, Instant now) {
    return byHand(store, id, now, i -> IncidentLifecycle.resolve(i, who, now));
  }

  /**
   * Assigns incident {@code id} to a person or department (on a store without a running service,
   * too). Empty when unknown.
   *
   * @throws IllegalStateException when it is closed
   */
  public static Optional<Incident> assign(IncidentStore store, String id, Assignment a) {
    return byHand(
        store, id, a.at(), i -> new Step(List.of(IncidentResponse.assign(i, a)), List.of()));
  }

  /**
   * Appends {@code e} to its incident's response log and records it in the incident. Empty when the
   * incident is unknown.
   *
   * @throws IllegalStateException when it is closed
   */
  public static Optional<Incident> log(IncidentStore store, LogEntry e) {
    return store.inTransaction(
        tx ->
            tx.incident(e.incidentId())
                .map(
                    i -> {
                      Incident j = IncidentResponse.log(i, e);
                      tx.put(j);
                      tx.append(e);
                      return j;
                    }));
  }

  /**
   * Closes incident {@code id} (resolving it first, with its recovery notice, when still open).
   * Empty when unknown.
   *
   * @throws IllegalStateException when it is closed already
   */
  public static Optional<Incident> close(IncidentStore store, String id, String who, Instant now) {
    return byHand(store, id, now, i -> IncidentResponse.close(i, who, now));
  }

  /** What a person did to incident {@code id}, in one transaction; the incident after it. */
  private static Optional<Incident> byHand(
      IncidentStore store,
      String id,
      Instant now,
      java.util.function.Function<Incident, Step> act) {
    return store.inTransaction(
        tx -> {
          Optional<Incident> i = tx.incident(id);
          if (i.isEmpty()) {
            return i;
          }
          Step s = act.apply(i.get());
          s.incidents().forEach(tx::put);
          s.notices().forEach(n -> Dispatcher.queueAsBefore(tx, n, now));
          return s.incidents().isEmpty() ? i : Optional.of(s.incidents().get(0));
        });
  }

  /** Wait after the n-th failed delivery attempt (visible for tests). */
  Duration backoff(int attempts) {
    return dispatcher.backoff(attempts);
  }

  /**
   * With a background ticker, runs a tick now instead of at the next period. A burst of submits
   * asks for one tick, not one each; the flag is cleared before the tick starts, so a submit during
   * a tick still gets a tick after it.
   */
  private synchronized void wake() {
    if (ticker != null && tickQueued.compareAndSet(false, true)) {
      ticker.execute(
          () -> {
            tickQueued.set(false);
            safeTick();
          });
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("alert service tick failed", e);
    }
  }

  /** Ticks every {@code period} on a daemon thread until {@link #close}. */
  public synchronized void start(Duration period) {
    if (ticker != null) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("yuqing-alerts"));
    ticker.scheduleWithFixedDelay(this::safeTick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops ticking (waiting for a tick in progress) and releases the store. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdown();
      try {
        ticker.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticker = null;
    }
    if (claim != null) {
      try {
        claim.close();
      } catch (Exception e) {
        LOG.warn("cannot release {}: {}", store, e.toString());
      }
    }
  }
}
