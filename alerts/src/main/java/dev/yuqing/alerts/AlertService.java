package dev.yuqing.alerts;

import dev.yuqing.alerts.AlertRecord.Event;
import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.alerts.channel.Channel;
import dev.yuqing.alerts.channel.DeliveryException;
import dev.yuqing.alerts.channel.Notice;
import dev.yuqing.alerts.channel.NoticeKind;
import dev.yuqing.alerts.channel.OutboxChannel;
import dev.yuqing.alerts.channel.SmtpChannel;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives alert decisions from the rules and owns their lifecycle and delivery, durably, under
 * {@code DIR/alerts} (state) and {@code DIR/outbox} (mail files when no SMTP is configured).
 *
 * <ul>
 *   <li>{@link #submit}: persists the alert, then queues its notices (new, update, recovery) to
 *       every channel for its grade. Idempotent on (id, revision): a revision already received is
 *       dropped, so a Flink replay after a crash never sends twice. Never blocks on the network.
 *   <li>{@link #tick}: escalates alerts not acknowledged within {@code escalateAfter} to the next
 *       grade (and its recipients), and attempts the deliveries that are due; a failed one is
 *       retried with exponential backoff ({@code retryInitial} doubling to {@code retryMax}) until
 *       {@code giveUpAfter}. All timing uses the injected {@link Clock}. {@link #start} ticks in
 *       the background.
 *   <li>{@link #acknowledge}, {@link #resolve}: what people do (also from {@code yuqing alerts} in
 *       another process, through {@link AlertStore}).
 * </ul>
 *
 * Routing: mail goes to {@link AlertsConfig#recipientsFor} the alert's grade (its own recipients
 * and those of the grades below); robots get the grades from their {@code minGrade} up.
 *
 * <p>One service per data directory: it holds {@code DIR/alerts/service.lock} until {@link #close}.
 * Thread-safe.
 */
public final class AlertService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  private final AlertStore store;
  private final AlertsConfig cfg;
  private final List<Channel> channels;
  private final Clock clock;
  private final FileChannel ownerFile;
  private final FileLock owner;
  private ScheduledExecutorService ticker;
  private final java.util.concurrent.locks.ReentrantLock tickLock =
      new java.util.concurrent.locks.ReentrantLock();

  /** A tick asked for by {@link #wake} is queued and has not started yet. */
  private final java.util.concurrent.atomic.AtomicBoolean tickQueued =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Deliveries being sent right now: an update must not be folded into a message in flight. */
  private final Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param alertsDir {@code DIR/alerts}
   * @param channels where notices go; the mail channel ({@code smtp} or {@code outbox}) and robots
   * @throws IllegalStateException when another service holds the directory
   */
  public AlertService(Path alertsDir, AlertsConfig cfg, List<Channel> channels, Clock clock) {
    this.store = new AlertStore(alertsDir);
    this.cfg = cfg;
    this.channels = List.copyOf(channels);
    this.clock = clock;
    Set<String> ids = new HashSet<>();
    for (Channel c : channels) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("two channels with id '" + c.id() + "'");
      }
    }
    try {
      ownerFile =
          FileChannel.open(
              store.dir().resolve("service.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ownerFile.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ownerFile.close();
        throw new IllegalStateException(
            store.dir() + " is in use by another running yuqing alert service");
      }
      owner = l;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + store.dir().resolve("service.lock"), e);
    }
  }

  /**
   * The service for a data directory with the channels the config asks for: SMTP when {@code smtp}
   * is set, otherwise the outbox directory {@code DIR/outbox}; plus the configured robots.
   *
   * @param dataDir the {@code --data} directory
   * @param smtp null for the outbox
   * @param secrets where passwords, webhook URLs and secrets come from
   * @throws IllegalArgumentException when a secret the config names is missing
   */
  public static AlertService open(
      Path dataDir, AlertsConfig cfg, SmtpConfig smtp, Secrets secrets, Clock clock) {
    return new AlertService(
        dataDir.resolve("alerts"), cfg, channels(dataDir, cfg, smtp, secrets, clock), clock);
  }

  /** The channels {@link #open} uses. */
  public static List<Channel> channels(
      Path dataDir, AlertsConfig cfg, SmtpConfig smtp, Secrets secrets, Clock clock) {
    String ack = "yuqing alerts ack %s --data " + dataDir.toAbsolutePath().normalize();
    List<Channel> cs = new ArrayList<>();
    if (smtp != null) {
      cs.add(new SmtpChannel(smtp, secrets, new AlertMail(cfg.zone(), smtp.from(), ack), clock));
    } else {
      AlertMail mail = new AlertMail(cfg.zone(), "yuqing@localhost", ack);
      cs.add(new OutboxChannel(dataDir.resolve("outbox"), mail, cfg.zone()));
    }
    cs.addAll(dev.yuqing.alerts.channel.Robots.of(cfg.robots(), secrets, clock, cfg.zone()));
    return cs;
  }

  public AlertStore store() {
    return store;
  }

  /**
   * Takes one alert from the rules. Persists it, then queues its notices.
   *
   * @return false when this id and revision (or a later one) was already received: a replay
   */
  public boolean submit(Alert a) {
    return submitAll(List.of(a)) == 1;
  }

  /**
   * With a background ticker, runs a tick now instead of at the next period. A burst of submits
   * asks for one tick, not one each: a tick reads every open alert and pending delivery from disk,
   * and one per submit made the service's cost grow with the square of a burst. The flag is cleared
   * before the tick starts, so a submit during a tick still gets a tick after it.
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

  /**
   * {@link #submit} for each, in order, as one transaction: one journal line and one force for all
   * of them, and none kept when one fails. Returns how many were new.
   */
  public int submitAll(List<Alert> alerts) {
    int n =
        store.locked(
            () -> {
              int fresh = 0;
              for (Alert a : alerts) {
                fresh += submitLocked(a) ? 1 : 0;
              }
              return fresh;
            });
    if (n > 0) {
      wake();
    }
    return n;
  }

  private boolean submitLocked(Alert a) {
    Instant now = clock.instant();
    Optional<AlertRecord> existing = store.get(a.id());
    if (existing.isPresent() && a.revision() <= existing.get().revision()) {
      return false;
    }
    if (existing.isEmpty()) {
      if (a.state() == AlertState.RESOLVED) {
        // Resolved before we ever heard of it (e.g. rules replayed from further back): keep it
        // for the record, tell no one about an incident they never saw.
        store.put(
            new AlertRecord(
                a,
                a.revision(),
                now,
                now,
                null,
                null,
                "rule",
                now,
                List.of(new Event(now, "received", "收到时已解除，不发送"))));
        return true;
      }
      AlertRecord r =
          new AlertRecord(
              a,
              a.revision(),
              now,
              now,
              null,
              null,
              null,
              null,
              List.of(new Event(now, "received", "收到预警，第" + a.revision() + "版")));
      store.put(r);
      queue(NoticeKind.NEW, r.alert(), null, now);
      return true;
    }
    AlertRecord r = existing.get();
    Grade grade = a.grade().compareTo(r.alert().grade()) > 0 ? a.grade() : r.alert().grade();
    boolean rose = grade.compareTo(r.alert().grade()) > 0;
    if (a.state() == AlertState.RESOLVED) {
      if (!r.open()) {
        store.put(
            r.with(
                r.alert(),
                a.revision(),
                r.gradeSince(),
                new Event(now, "update", "规则判定已恢复（已手动解除）")));
        return true;
      }
      AlertRecord closed = r.resolved("rule", now, a.withGrade(grade));
      store.put(closed);
      queue(NoticeKind.RECOVERY, closed.alert(), null, now);
      return true;
    }
    if (!r.open()) {
      // resolved by a person while the rule still sees the burst: recorded, not sent
      store.put(
          r.with(
              a.withGrade(grade).withState(AlertState.RESOLVED, a.updatedAt()),
              a.revision(),
              r.gradeSince(),
              new Event(now, "update", "第" + a.revision() + "版（已手动解除，不发送）")));
      return true;
    }
    Alert updated = a.withGrade(grade).withState(r.state(), a.updatedAt());
    AlertRecord next =
        r.with(
            updated,
            a.revision(),
            rose ? now : r.gradeSince(),
            new Event(
                now, "update", "第" + a.revision() + "版" + (rose ? "，级别升为" + grade.level() : "")));
    store.put(next);
    queue(NoticeKind.UPDATE, updated, null, now);
    return true;
  }

  /**
   * Escalates what is due and attempts the due deliveries. Ticks never overlap (a caller's tick
   * waits for the background one), so a delivery is never attempted twice at once.
   */
  public void tick() {
    tickLock.lock();
    try {
      escalateDue();
      deliverDue();
    } finally {
      tickLock.unlock();
    }
  }

  /** Raises unacknowledged open alerts whose grade has stood for {@code escalateAfter}. */
  public int escalateDue() {
    return store.locked(
        () -> {
          Instant now = clock.instant();
          int n = 0;
          for (AlertRecord r : store.open()) {
            boolean waiting = r.state() == AlertState.FIRING || r.state() == AlertState.ESCALATED;
            if (!waiting
                || r.alert().grade() == Grade.CRITICAL
                || now.isBefore(r.gradeSince().plus(cfg.escalateAfter()))) {
              continue;
            }
            Grade g = r.alert().grade().next();
            Alert a = r.alert().withGrade(g).withState(AlertState.ESCALATED, r.alert().updatedAt());
            store.put(
                r.with(a, r.revision(), now, new Event(now, "escalate", "未确认，升级为" + g.level())));
            queue(NoticeKind.ESCALATION, a, Texts.duration(cfg.escalateAfter()) + "内无人确认。", now);
            n++;
          }
          return n;
        });
  }

  /**
   * Attempts every due pending delivery once, oldest first; a delivery waits while an earlier one
   * of the same alert and channel is pending. Sending happens outside the store lock.
   *
   * @return deliveries sent
   */
  public int deliverDue() {
    tickLock.lock();
    try {
      return deliverDueLocked();
    } finally {
      tickLock.unlock();
    }
  }

  private List<Delivery> collectDue() {
    return store.locked(
        () -> {
          Instant now = clock.instant();
          List<Delivery> ds = new ArrayList<>();
          Set<String> blocked = new HashSet<>();
          for (Delivery d : store.pending()) {
            String lane = d.alertId() + "~" + d.channel();
            if (blocked.add(lane) && !now.isBefore(d.nextAttemptAt())) {
              ds.add(d);
              inFlight.add(d.id());
            }
          }
          return ds;
        });
  }

  /**
   * Attempts each delivery once and records the outcome: at once for a channel that sends again
   * when asked again, together after the others for an idempotent one ({@link Channel#idempotent}).
   */
  private int send(List<Delivery> due) {
    int sent = 0;
    List<Outcome> later = new ArrayList<>();
    for (Delivery d : due) {
      Channel ch = channel(d.channel());
      DeliveryException failure = null;
      if (ch == null) {
        failure =
            new DeliveryException(
                "channel '" + d.channel() + "' is not configured now", false, null);
      } else {
        try {
          ch.deliver(d.notice());
        } catch (DeliveryException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = new DeliveryException(e.toString(), false, e);
        }
      }
      if (ch != null && ch.idempotent()) {
        later.add(new Outcome(d, failure));
        continue;
      }
      DeliveryException f = failure;
      sent += store.locked(() -> record(d, f)) ? 1 : 0;
      inFlight.remove(d.id());
    }
    if (!later.isEmpty()) {
      // one journal line and one force for the lot (in bench stream's burst of alerts, one each
      // woke this thread and preempted the tagging threads about once per post)
      sent +=
          store.locked(
              () -> {
                int n = 0;
                for (Outcome o : later) {
                  n += record(o.delivery(), o.failure()) ? 1 : 0;
                }
                return n;
              });
      later.forEach(o -> inFlight.remove(o.delivery().id()));
    }
    return sent;
  }

  /** A delivery attempted, and how it failed (null: sent). */
  private record Outcome(Delivery delivery, DeliveryException failure) {}

  private int deliverDueLocked() {
    List<Delivery> due = collectDue();
    try {
      return send(due);
    } finally {
      due.forEach(d -> inFlight.remove(d.id())); // also when a store write failed midway
    }
  }

  private boolean record(Delivery d, DeliveryException failure) {
    Instant now = clock.instant();
    Delivery current = store.delivery(d.id()).orElse(d);
    if (failure == null) {
      store.put(
          current.with(Status.SENT, current.attempts() + 1, current.nextAttemptAt(), now, null));
      store
          .get(d.alertId())
          .ifPresent(
              r ->
                  store.put(
                      r.with(
                          r.alert(),
                          r.revision(),
                          r.gradeSince(),
                          new Event(
                              now, "sent", d.notice().kind().chinese() + " → " + d.channel()))));
      LOG.info("alert {} {} sent via {}", d.alertId(), d.notice().kind().json(), d.channel());
      return true;
    }
    int attempts = current.attempts() + 1;
    String error = oneLine(failure.getMessage());
    boolean giveUp =
        failure.permanent() || !now.isBefore(d.notice().createdAt().plus(cfg.giveUpAfter()));
    if (giveUp) {
      store.put(current.with(Status.FAILED, attempts, current.nextAttemptAt(), now, error));
      store
          .get(d.alertId())
          .ifPresent(
              r ->
                  store.put(
                      r.with(
                          r.alert(),
                          r.revision(),
                          r.gradeSince(),
                          new Event(now, "failed", d.channel() + " 发送失败：" + error))));
      LOG.error(
          "alert {} via {}: giving up after {} attempts: {}",
          d.alertId(),
          d.channel(),
          attempts,
          error);
    } else {
      store.put(current.with(Status.PENDING, attempts, now.plus(backoff(attempts)), null, error));
      LOG.warn(
          "alert {} via {}: attempt {} failed, will retry: {}",
          d.alertId(),
          d.channel(),
          attempts,
          error);
    }
    return false;
  }

  /** Wait after the n-th failed attempt: retryInitial · 2^(n-1), at most retryMax. */
  Duration backoff(int attempts) {
    Duration d = cfg.retryInitial();
    for (int i = 1; i < attempts && d.compareTo(cfg.retryMax()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(cfg.retryMax()) > 0 ? cfg.retryMax() : d;
  }

  /** Marks an alert acknowledged: it will not escalate. Returns the record, empty when unknown. */
  public Optional<AlertRecord> acknowledge(String id, String who) {
    return acknowledge(store, id, who, clock.instant());
  }

  /** {@link #acknowledge} on a store without a running service (the CLI). */
  public static Optional<AlertRecord> acknowledge(
      AlertStore store, String id, String who, Instant now) {
    return store.locked(
        () -> {
          Optional<AlertRecord> r = store.get(id);
          if (r.isEmpty() || !r.get().open() || r.get().state() == AlertState.ACKNOWLEDGED) {
            return r;
          }
          AlertRecord acked = r.get().acked(who, now);
          store.put(acked);
          return Optional.of(acked);
        });
  }

  /** Resolves an alert by hand and queues the recovery notice. */
  public Optional<AlertRecord> resolve(String id, String who) {
    return resolve(store, id, who, clock.instant());
  }

  /**
   * {@link #resolve} on a store without a running service (the CLI): the recovery notice goes to
   * the channels the alert's earlier notices went to, and the running service (or the next one to
   * start) sends it.
   */
  public static Optional<AlertRecord> resolve(
      AlertStore store, String id, String who, Instant now) {
    return store.locked(
        () -> {
          Optional<AlertRecord> r = store.get(id);
          if (r.isEmpty() || !r.get().open()) {
            return r;
          }
          AlertRecord closed = r.get().resolved(who, now, r.get().alert());
          store.put(closed);
          // same channels and recipients as the last notice on each channel
          java.util.Map<String, Delivery> last = new java.util.LinkedHashMap<>();
          for (Delivery d : store.deliveries(id)) {
            last.put(d.channel(), d);
          }
          for (Delivery d : last.values()) {
            Notice n =
                notice(
                    NoticeKind.RECOVERY,
                    closed.alert(),
                    d.notice().recipients(),
                    d.notice().dashboardLink(),
                    d.notice().postsLink(),
                    "已由" + who + "手动解除。",
                    now);
            enqueue(store, d.channel(), n, now);
          }
          return Optional.of(closed);
        });
  }

  /** Queues a notice to every channel that takes the alert's grade (call under the lock). */
  private void queue(NoticeKind kind, Alert a, String note, Instant now) {
    String link = Links.alert(cfg.dashboardUrl(), a);
    String posts = Links.posts(cfg.dashboardUrl(), a);
    for (Channel c : channels) {
      if (!c.accepts(a.grade())) {
        continue;
      }
      boolean mail = c.id().equals("smtp") || c.id().equals("outbox");
      List<String> to = mail ? cfg.recipientsFor(a.grade()) : List.of();
      Notice n = notice(kind, a, to, link, posts, note, now);
      if (kind == NoticeKind.UPDATE && supersede(c.id(), n, now)) {
        continue;
      }
      enqueue(store, c.id(), n, now);
    }
  }

  /**
   * Aggregation: an update replaces a new-alert or update notice to the same channel that is still
   * waiting (SMTP down, say), so people get one message with the latest state instead of a backlog.
   *
   * @return true when the waiting new-alert notice now carries the update (nothing else to queue)
   */
  private boolean supersede(String channel, Notice update, Instant now) {
    for (Delivery d : store.pending()) {
      if (!d.alertId().equals(update.alert().id())
          || !d.channel().equals(channel)
          || inFlight.contains(d.id())) {
        continue;
      }
      if (d.notice().kind() == NoticeKind.NEW) {
        Notice merged =
            new Notice(
                NoticeKind.NEW,
                update.alert(),
                update.recipients(),
                d.notice().messageId(),
                d.notice().threadId(),
                update.dashboardLink(),
                update.postsLink(),
                d.notice().note(),
                d.notice().createdAt());
        store.put(
            new Delivery(
                d.id(),
                d.seq(),
                d.channel(),
                merged,
                d.status(),
                d.attempts(),
                d.nextAttemptAt(),
                null,
                d.lastError()));
        return true;
      }
      if (d.notice().kind() == NoticeKind.UPDATE) {
        store.put(
            d.with(
                Status.SUPERSEDED,
                d.attempts(),
                d.nextAttemptAt(),
                now,
                "被第" + update.alert().revision() + "版取代"));
      }
    }
    return false;
  }

  private static Notice notice(
      NoticeKind kind,
      Alert a,
      List<String> to,
      String link,
      String posts,
      String note,
      Instant now) {
    String tag = kind.json() + (kind == NoticeKind.ESCALATION ? "-" + a.grade().json() : "");
    String messageId = a.id() + ".r" + a.revision() + "." + tag + "@yuqing";
    return new Notice(kind, a, to, messageId, Notice.threadIdOf(a.id()), link, posts, note, now);
  }

  private static void enqueue(AlertStore store, String channel, Notice n, Instant now) {
    String id = n.messageId() + "~" + channel;
    if (store.delivery(id).isPresent()) {
      return; // queued before: a repeat must not be sent twice
    }
    store.put(new Delivery(id, store.nextSeq(), channel, n, Status.PENDING, 0, now, null, null));
  }

  private Channel channel(String id) {
    for (Channel c : channels) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "…";
  }

  /** Ticks every {@code period} on a daemon thread until {@link #close}. */
  public synchronized void start(Duration period) {
    if (ticker != null) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yuqing-alerts");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::safeTick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops ticking (waiting for a tick in progress) and releases the directory. */
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
    try {
      owner.release();
      ownerFile.close();
    } catch (IOException e) {
      LOG.warn("cannot release {}: {}", store.dir().resolve("service.lock"), e.toString());
    }
  }
}
