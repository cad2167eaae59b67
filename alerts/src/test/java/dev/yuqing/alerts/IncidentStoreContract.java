package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Escalator;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentLifecycle;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.config.GroupingConfig;
import dev.yuqing.core.config.ResponseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} backend must do, run against the embedded SQLite file ({@code
 * SqliteIncidentStoreTest}) and a real PostgreSQL server ({@code PostgresIncidentStoreIT}): the
 * incident comes back as it was put, another store on the same database (another process) sees what
 * one committed, a failed transaction keeps nothing, the queue keeps its order and its lanes, and a
 * claimed delivery is nobody else's until its claim ends.
 */
abstract class IncidentStoreContract {
  final Instant now = Instant.parse("2024-06-10T02:31:00Z");
  final IncidentLifecycle life =
      new IncidentLifecycle(new GroupingConfig(null, Duration.ZERO, Duration.ZERO));
  final Alert first = Alerts.burst().get(0);
  Database db;
  JdbcIncidentStore store;

  /** A new, empty database for one test. */
  abstract Database database();

  /** Another handle on the test's database, with connections of its own: another process's. */
  abstract Database again();

  /**
   * Whether dispatchers of other processes share the queue (PostgreSQL); on the embedded store one
   * service owns it, and its dispatcher's rival is another thread of that service.
   */
  abstract boolean sharedQueue();

  @BeforeEach
  void open() {
    db = database();
    store = new JdbcIncidentStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The incident an alert opens, and its first notice (no group wait). */
  IncidentLifecycle.Step opened(Alert a) {
    return life.onAlert(a, null, List.of(), now);
  }

  void put(IncidentStore s, Incident i) {
    s.inTransaction(
        tx -> {
          tx.put(i);
          return null;
        });
  }

  static List<Incident> incidents(IncidentStore s, Function<IncidentStore.Tx, List<Incident>> f) {
    return s.inTransaction(f);
  }

  static List<Delivery> queue(IncidentStore s, Function<IncidentStore.Tx, List<Delivery>> f) {
    return s.inTransaction(f);
  }

  Optional<Incident> get(IncidentStore s, String id) {
    return s.inTransaction(tx -> tx.incident(id));
  }

  Delivery pending(Notice n, String channel, long seq) {
    return new Delivery(
        n.messageId() + "~" + channel, seq, channel, n, Status.PENDING, 0, now, null, null);
  }

  void put(Delivery... ds) {
    store.inTransaction(
        tx -> {
          for (Delivery d : ds) {
            tx.put(d);
          }
          return null;
        });
  }

  @Test
  void anIncidentComesBackAsItWasPutThroughEveryStepOfItsResponse() {
    Incident i = opened(first).incidents().get(0);
    put(store, i);
    assertThat(get(store, i.id())).contains(i);
    // a second member, an acknowledgement, an assignment, a logged contact, an escalation
    Alert b = Alerts.other(first, "b");
    AlertService.acknowledge(store, i.id(), "王经理", now);
    Incident acked = get(store, i.id()).orElseThrow();
    put(store, life.onAlert(b, null, List.of(acked), now.plusSeconds(30)).incidents().get(0));
    Assignment to = new Assignment(Assignment.Kind.DEPARTMENT, "客服", "王经理", now.plusSeconds(60));
    AlertService.assign(store, i.id(), to);
    LogEntry called =
        new LogEntry(i.id(), now.plusSeconds(90), "李娜", ResponseAction.CONTACT, "电话联系3户业主，约定周六验房");
    AlertService.log(store, called);
    Incident stored = get(store, i.id()).orElseThrow();
    assertThat(stored.members()).hasSize(2);
    assertThat(stored.state()).isEqualTo(AlertState.RESPONDING);
    assertThat(stored.handling().ackedBy()).isEqualTo("王经理");
    assertThat(stored.response().assignment()).isEqualTo(to);
    assertThat(stored.response().contactedAt()).isEqualTo(now.plusSeconds(90));
    assertThat(stored.history())
        .extracting(Incident.Event::type)
        .contains("joined", "ack", "assign", "log");
    Escalator late =
        new Escalator(
            g ->
                new ResponseConfig(
                    Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(1)));
    Incident escalated = late.escalate(stored, now.plus(Duration.ofHours(2))).incidents().get(0);
    put(store, escalated);
    assertThat(get(store, i.id())).contains(escalated);
    List<LogEntry> log = store.inTransaction(tx -> tx.log(i.id()));
    assertThat(log).containsExactly(called);
    Optional<Incident> owner = store.inTransaction(tx -> tx.incidentOf(b.id()));
    assertThat(owner).get().extracting(Incident::id).isEqualTo(i.id());
  }

  @Test
  void anotherStoreOnTheSameDatabaseSeesWhatOneCommitted() {
    JdbcIncidentStore other = new JdbcIncidentStore(again()); // what another process has
    Incident i = opened(first).incidents().get(0);
    put(store, i);
    assertThat(incidents(other, tx -> tx.open("翡翠湾")))
        .extracting(Incident::id)
        .containsExactly(i.id());
    AlertService.acknowledge(other, i.id(), "王经理", now.plusSeconds(60));
    assertThat(get(store, i.id()).orElseThrow().handling().ackedBy()).isEqualTo("王经理");
    AlertService.resolve(other, i.id(), "王经理", now.plusSeconds(120));
    assertThat(incidents(store, IncidentStore.Tx::open)).isEmpty();
    assertThat(incidents(store, IncidentStore.Tx::all))
        .extracting(Incident::state)
        .containsExactly(AlertState.RESOLVED);
    AlertService.close(other, i.id(), "王经理", now.plusSeconds(180));
    assertThat(get(store, i.id()).orElseThrow().state()).isEqualTo(AlertState.CLOSED);
    assertThatThrownBy(
            () ->
                AlertService.log(store, new LogEntry(i.id(), now, "李娜", ResponseAction.NOTE, "补记")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("已关闭");
  }

  @Test
  void aTransactionThatFailsKeepsNothingAndOneInsideAnotherJoinsIt() {
    Incident a = opened(first).incidents().get(0);
    Incident b = opened(Alerts.other(first, "b")).incidents().get(0);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.put(a);
                      store.inTransaction(
                          inner -> {
                            inner.put(b);
                            return null;
                          });
                      throw new IllegalStateException("the writer failed here");
                    }))
        .hasMessage("the writer failed here");
    assertThat(incidents(store, IncidentStore.Tx::all)).isEmpty();
    put(store, a);
    assertThat(incidents(store, IncidentStore.Tx::all))
        .extracting(Incident::id)
        .containsExactly(a.id());
  }

  @Test
  void theQueueKeepsItsOrderAndSequenceNumbers() {
    IncidentLifecycle.Step s = opened(first);
    put(store, s.incidents().get(0));
    Notice n = s.notices().get(0);
    long[] seqs = store.inTransaction(tx -> new long[] {tx.nextSeq(), tx.nextSeq()});
    assertThat(seqs[1]).isGreaterThan(seqs[0]);
    put(pending(n, "robot", 7), pending(n, "outbox", 3));
    assertThat(queue(store, IncidentStore.Tx::pending))
        .extracting(Delivery::channel)
        .containsExactly("outbox", "robot");
    assertThat(store.inTransaction(IncidentStore.Tx::nextSeq)).isEqualTo(8);
    Delivery sent = pending(n, "outbox", 3);
    put(new Delivery(sent.id(), 3, "outbox", n, Status.SENT, 1, now, now, null));
    assertThat(queue(store, IncidentStore.Tx::pending))
        .extracting(Delivery::channel)
        .containsExactly("robot");
    assertThat(queue(store, tx -> tx.deliveries(n.incident().id())))
        .extracting(Delivery::status)
        .containsExactly(Status.SENT, Status.PENDING);
    assertThat(store.inTransaction(tx -> tx.delivery(sent.id())).orElseThrow().notice())
        .isEqualTo(n);
  }

  @Test
  void aClaimTakesTheFirstOfALaneAndIsNobodyElsesUntilItEnds() throws Exception {
    IncidentLifecycle.Step a = opened(first);
    IncidentLifecycle.Step b = opened(Alerts.other(first, "b"));
    put(store, a.incidents().get(0));
    put(store, b.incidents().get(0));
    Notice na = a.notices().get(0);
    Notice later = na.withChanges(List.of("更新")); // the same lane, queued after
    Delivery a1 = pending(na, "outbox", 1);
    Delivery a2 =
        new Delivery("later~outbox", 2, "outbox", later, Status.PENDING, 0, now, null, null);
    Delivery b1 = pending(b.notices().get(0), "outbox", 3);
    put(a1, a2, b1);
    assertThat(store.claimNext(now.minusSeconds(1), Set.of(), c -> c.delivery().id()))
        .as("nothing due yet")
        .isEmpty();

    IncidentStore other = sharedQueue() ? new JdbcIncidentStore(again()) : store;
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<String>> held =
          pool.submit(
              () ->
                  store.claimNext(
                      now,
                      Set.of(),
                      c -> {
                        holding.countDown();
                        await(release);
                        return c.record(
                            tx -> {
                              tx.put(
                                  new Delivery(
                                      a1.id(), 1, "outbox", na, Status.SENT, 1, now, now, null));
                              return c.delivery().id();
                            });
                      }));
      assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
      // a1 is held: its lane waits (a2 is not first), so the other dispatcher gets b's
      assertThat(other.claimNext(now, Set.of(), c -> c.delivery().id())).contains(b1.id());
      assertThat(queue(other, tx -> tx.foldable(na.incident().id(), "outbox")))
          .as("a delivery being sent is not foldable")
          .extracting(Delivery::id)
          .containsExactly(a2.id());
      release.countDown();
      assertThat(held.get(20, TimeUnit.SECONDS)).contains(a1.id());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    // the claim's record committed with it; the lane's next is due now, unless skipped
    assertThat(store.inTransaction(tx -> tx.delivery(a1.id())).orElseThrow().status())
        .isEqualTo(Status.SENT);
    assertThat(store.claimNext(now, Set.of(a2.id(), b1.id()), c -> c.delivery().id())).isEmpty();
    assertThat(store.claimNext(now, Set.of(b1.id()), c -> c.delivery().id())).contains(a2.id());
    // a claim whose work fails lapses: the delivery is due again
    assertThatThrownBy(
        () ->
            store.claimNext(
                now,
                Set.of(b1.id()),
                c -> {
                  throw new IllegalStateException("died");
                }));
    assertThat(store.claimNext(now, Set.of(b1.id()), c -> c.delivery().id())).contains(a2.id());
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
