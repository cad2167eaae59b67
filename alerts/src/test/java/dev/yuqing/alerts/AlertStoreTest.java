package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.Alert;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal: what another process (a {@code yuqing alerts ack}) writes is read by a store that
 * read before; a transaction counts whole or not at all, also when a writer died in the middle of
 * its line; compaction keeps the latest versions; a directory in the older file-per-alert layout is
 * imported.
 */
class AlertStoreTest {
  @TempDir Path dir;
  final Instant now = Instant.parse("2024-06-10T02:31:00Z");

  AlertRecord received(Alert a) {
    return new AlertRecord(
        a,
        a.revision(),
        now,
        now,
        null,
        null,
        null,
        null,
        List.of(new AlertRecord.Event(now, "received", "收到预警")));
  }

  AlertRecord received() {
    return received(Alerts.burst().get(0));
  }

  Path journal() {
    return dir.resolve(AlertStore.JOURNAL);
  }

  long lines() throws Exception {
    return Files.readAllLines(journal(), StandardCharsets.UTF_8).size();
  }

  @Test
  void anotherProcessesAcknowledgementIsSeenByAStoreThatReadTheAlertBefore() {
    AlertStore service = new AlertStore(dir);
    AlertStore cli = new AlertStore(dir); // what a second process has: its own store
    AlertRecord r = received();
    service.put(r);
    assertThat(service.get(r.id())).get().extracting(AlertRecord::ackedBy).isNull();
    assertThat(service.open()).extracting(AlertRecord::id).containsExactly(r.id());

    AlertService.acknowledge(cli, r.id(), "王经理", now.plusSeconds(60));

    assertThat(service.get(r.id())).get().extracting(AlertRecord::ackedBy).isEqualTo("王经理");
    assertThat(service.open()).extracting(AlertRecord::ackedBy).containsExactly("王经理");

    AlertService.resolve(cli, r.id(), "王经理", now.plusSeconds(120));
    assertThat(service.open()).isEmpty();
    assertThat(service.get(r.id())).get().extracting(AlertRecord::resolvedBy).isEqualTo("王经理");
  }

  @Test
  void aTransactionIsOneLineAndCountsWholeOrNotAtAll() throws Exception {
    AlertStore store = new AlertStore(dir);
    AlertRecord a = received();
    AlertRecord b = received(AlertServiceTest.otherAlert(a.alert(), "b"));
    store.locked(
        () -> {
          store.put(a);
          store.put(b);
          return null;
        });
    assertThat(lines()).isEqualTo(1);

    AlertRecord c = received(AlertServiceTest.otherAlert(a.alert(), "c"));
    assertThatThrownBy(
            () ->
                store.locked(
                    () -> {
                      store.put(c);
                      throw new IllegalStateException("the channel blew up");
                    }))
        .hasMessageContaining("blew up");
    assertThat(store.get(c.id())).isEmpty(); // also not in this store's memory
    assertThat(new AlertStore(dir).all()).extracting(AlertRecord::id).containsOnly(a.id(), b.id());
    assertThat(lines()).isEqualTo(1);
  }

  @Test
  void aLineTornByACrashIsIgnoredAndCutOffByTheNextWriter() throws Exception {
    AlertStore first = new AlertStore(dir);
    AlertRecord a = received();
    first.put(a);
    // a writer killed in the middle of its append: half a line, no newline
    String whole = Files.readString(journal(), StandardCharsets.UTF_8);
    Files.writeString(journal(), whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

    AlertStore after = new AlertStore(dir);
    assertThat(after.all()).extracting(AlertRecord::id).containsExactly(a.id());
    AlertRecord b = received(AlertServiceTest.otherAlert(a.alert(), "b"));
    after.put(b);

    assertThat(Files.readString(journal(), StandardCharsets.UTF_8)).endsWith("}\n");
    assertThat(lines()).isEqualTo(2);
    assertThat(new AlertStore(dir).all()).extracting(AlertRecord::id).contains(a.id(), b.id());
    assertThat(first.all()).extracting(AlertRecord::id).contains(a.id(), b.id());
  }

  @Test
  void compactionKeepsTheLatestVersionsAndStoresThatReadBeforeFollow() throws Exception {
    AlertStore writer = new AlertStore(dir, 20);
    AlertStore reader = new AlertStore(dir);
    AlertRecord r = received();
    writer.put(r);
    assertThat(reader.get(r.id())).isPresent();
    for (int i = 1; i <= 30; i++) {
      r =
          r.with(
              r.alert(),
              r.revision() + 1,
              r.gradeSince(),
              new AlertRecord.Event(now.plusSeconds(i), "update", "第" + i + "次"));
      writer.put(r);
    }
    // 31 versions of one alert: rewritten after the 20th, then 11 more appended
    assertThat(lines()).isLessThan(31);
    assertThat(lines()).isGreaterThan(1);
    assertThat(reader.get(r.id())).get().extracting(AlertRecord::revision).isEqualTo(r.revision());
    assertThat(new AlertStore(dir).get(r.id()))
        .get()
        .extracting(x -> x.history().size())
        .isEqualTo(31);

    writer.locked(
        () -> {
          writer.compact();
          return null;
        });
    assertThat(lines()).isEqualTo(1);
    assertThat(reader.get(r.id())).get().extracting(AlertRecord::revision).isEqualTo(r.revision());
  }

  @Test
  void aDirectoryInTheOlderFileLayoutIsImported() throws Exception {
    // state made by the service, then written out one file per alert and delivery as before
    Path made = dir.resolve("made");
    try (AlertService svc =
        AlertService.open(
            made, AlertsConfig.DEFAULT, null, Secrets.of(Map.of()), java.time.Clock.systemUTC())) {
      Alert a = Alerts.burst().get(0);
      svc.submit(a);
      svc.tick(); // the new-alert notice goes out
      svc.submit(AlertServiceTest.otherAlert(a, "b"));
    }
    AlertStore made0 = new AlertStore(made.resolve("alerts"));
    assertThat(made0.pending()).hasSize(1);
    Path old = dir.resolve("old");
    Files.createDirectories(old.resolve("incidents"));
    Files.createDirectories(old.resolve("deliveries").resolve("done"));
    var json = Json.mapper();
    for (AlertRecord r : made0.all()) {
      json.writeValue(old.resolve("incidents").resolve(r.id() + ".json").toFile(), r);
    }
    for (Delivery d : made0.deliveries()) {
      boolean done = d.status() != Delivery.Status.PENDING;
      json.writeValue(
          old.resolve("deliveries").resolve(done ? "done" : ".").resolve(d.id() + ".json").toFile(),
          d);
      if (done) { // a crash between writing done/ and removing it from the queue
        json.writeValue(
            old.resolve("deliveries").resolve(d.id() + ".json").toFile(),
            d.with(Delivery.Status.PENDING, 0, d.nextAttemptAt(), null, null));
      }
    }
    Files.writeString(old.resolve("seq"), "2");

    assertThat(AlertStore.exists(old)).isTrue();
    AlertStore imported = new AlertStore(old);
    assertThat(imported.all()).isEqualTo(made0.all());
    assertThat(imported.deliveries()).isEqualTo(made0.deliveries());
    assertThat(imported.pending()).isEqualTo(made0.pending());
    assertThat(imported.nextSeq()).isEqualTo(3);
    assertThat(old.resolve("incidents")).doesNotExist();
    assertThat(old.resolve("imported").resolve("incidents")).isDirectory();
    assertThat(Files.readString(journal(old), StandardCharsets.UTF_8)).isNotBlank();
  }

  static Path journal(Path alertsDir) {
    return alertsDir.resolve(AlertStore.JOURNAL);
  }
}
