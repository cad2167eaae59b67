package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentLifecycle;
import dev.yuqing.core.Alert;
import dev.yuqing.core.config.GroupingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal store: what another process (a {@code yuqing alerts ack}) writes is read by a store
 * that read before; a transaction counts whole or not at all, also when a writer died in the middle
 * of its line; compaction keeps the latest versions.
 */
class AlertStoreTest {
  @TempDir Path dir;
  final Instant now = Instant.parse("2024-06-10T02:31:00Z");
  final IncidentLifecycle life = new IncidentLifecycle(GroupingConfig.DEFAULT);

  /** The incident one alert opens. */
  Incident opened(Alert a) {
    return life.onAlert(a, null, List.of(), now).incidents().get(0);
  }

  Incident opened() {
    return opened(Alerts.burst().get(0));
  }

  Path journal() {
    return dir.resolve(AlertStore.JOURNAL);
  }

  long lines() throws Exception {
    return Files.readAllLines(journal(), StandardCharsets.UTF_8).size();
  }

  static void put(AlertStore s, Incident i) {
    s.inTransaction(
        tx -> {
          tx.put(i);
          return null;
        });
  }

  static Optional<Incident> get(AlertStore s, String id) {
    return s.inTransaction(tx -> tx.incident(id));
  }

  static List<String> ids(AlertStore s) {
    return s.inTransaction(tx -> tx.all().stream().map(Incident::id).toList());
  }

  @Test
  void anotherProcessesAcknowledgementIsSeenByAStoreThatReadTheIncidentBefore() {
    AlertStore service = new AlertStore(dir);
    AlertStore cli = new AlertStore(dir); // what a second process has: its own store
    Incident i = opened();
    put(service, i);
    assertThat(get(service, i.id())).get().extracting(x -> x.handling().ackedBy()).isNull();
    List<Incident> open = service.inTransaction(tx -> tx.open("翡翠湾"));
    assertThat(open).extracting(Incident::id).containsExactly(i.id());
    Optional<Incident> owner =
        service.inTransaction(tx -> tx.incidentOf(Alerts.burst().get(0).id()));
    assertThat(owner).get().extracting(Incident::id).isEqualTo(i.id());

    AlertService.acknowledge(cli, i.id(), "王经理", now.plusSeconds(60));
    assertThat(get(service, i.id())).get().extracting(x -> x.handling().ackedBy()).isEqualTo("王经理");

    AlertService.resolve(cli, i.id(), "王经理", now.plusSeconds(120));
    List<Incident> none = service.inTransaction(IncidentStore.Tx::open);
    assertThat(none).isEmpty();
    assertThat(get(service, i.id()))
        .get()
        .extracting(x -> x.handling().resolvedBy())
        .isEqualTo("王经理");
  }

  @Test
  void aTransactionIsOneLineAndCountsWholeOrNotAtAll() throws Exception {
    AlertStore store = new AlertStore(dir);
    Alert first = Alerts.burst().get(0);
    Incident a = opened(first);
    Incident b = opened(AlertServiceTest.otherAlert(first, "b"));
    store.inTransaction(
        tx -> {
          tx.put(a);
          tx.put(b);
          return null;
        });
    assertThat(lines()).isEqualTo(1);

    Incident c = opened(AlertServiceTest.otherAlert(first, "c"));
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.put(c);
                      throw new IllegalStateException("the channel blew up");
                    }))
        .hasMessageContaining("blew up");
    assertThat(get(store, c.id())).isEmpty(); // also not in this store's memory
    assertThat(ids(new AlertStore(dir))).containsOnly(a.id(), b.id());
    assertThat(lines()).isEqualTo(1);
  }

  @Test
  void aLineTornByACrashIsIgnoredAndCutOffByTheNextWriter() throws Exception {
    AlertStore first = new AlertStore(dir);
    Incident a = opened();
    put(first, a);
    // a writer killed in the middle of its append: half a line, no newline
    String whole = Files.readString(journal(), StandardCharsets.UTF_8);
    Files.writeString(journal(), whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

    AlertStore after = new AlertStore(dir);
    assertThat(ids(after)).containsExactly(a.id());
    Incident b = opened(AlertServiceTest.otherAlert(Alerts.burst().get(0), "b"));
    put(after, b);

    assertThat(Files.readString(journal(), StandardCharsets.UTF_8)).endsWith("}\n");
    assertThat(lines()).isEqualTo(2);
    assertThat(ids(new AlertStore(dir))).contains(a.id(), b.id());
    assertThat(ids(first)).contains(a.id(), b.id());
  }

  @Test
  void aDamagedLineIsSkippedAndTheRestStillCounts() throws Exception {
    AlertStore store = new AlertStore(dir);
    Incident a = opened();
    put(store, a);
    Files.writeString(journal(), "{not json}\n", StandardOpenOption.APPEND);
    Incident b = opened(AlertServiceTest.otherAlert(Alerts.burst().get(0), "b"));
    put(store, b);
    assertThat(ids(new AlertStore(dir))).containsOnly(a.id(), b.id());
  }

  @Test
  void compactionKeepsTheLatestVersionsAndStoresThatReadBeforeFollow() throws Exception {
    AlertStore writer = new AlertStore(dir, 20);
    AlertStore reader = new AlertStore(dir);
    Incident i = opened();
    put(writer, i);
    assertThat(get(reader, i.id())).isPresent();
    for (int n = 1; n <= 30; n++) {
      i = i.noted(new Incident.Event(now.plusSeconds(n), "update", "第" + n + "次"));
      put(writer, i);
    }
    // 31 versions of one incident: rewritten after the 20th, then 11 more appended
    assertThat(lines()).isLessThan(31);
    assertThat(lines()).isGreaterThan(1);
    assertThat(get(reader, i.id())).get().isEqualTo(i);
    assertThat(get(new AlertStore(dir), i.id()))
        .get()
        .extracting(x -> x.history().size())
        .isEqualTo(31);

    writer.inTransaction(
        tx -> {
          writer.compact();
          return null;
        });
    assertThat(lines()).isEqualTo(1);
    assertThat(get(reader, i.id())).get().isEqualTo(i);
  }
}
