package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps files it parsed while they are unchanged on disk; what another process (a {@code
 * yuqing alerts ack}) or a person changes must be read again.
 */
class AlertStoreTest {
  @TempDir Path dir;
  final Instant now = Instant.parse("2024-06-10T02:31:00Z");

  AlertRecord received() {
    return new AlertRecord(
        Alerts.burst().get(0),
        1,
        now,
        now,
        null,
        null,
        null,
        null,
        List.of(new AlertRecord.Event(now, "received", "收到预警")));
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
  void aFileEditedInPlaceOrRemovedIsReadAgain() throws Exception {
    AlertStore store = new AlertStore(dir);
    AlertRecord r = received();
    store.put(r);
    Path file = dir.resolve("incidents").resolve(r.id() + ".json");
    assertThat(store.get(r.id())).get().extracting(AlertRecord::ackedBy).isNull();

    // the same inode rewritten (an editor, a restore from backup): its size and time differ
    String edited = Files.readString(file, StandardCharsets.UTF_8).replace("收到预警", "收到预警，值班员已核实");
    assertThat(edited).contains("值班员已核实");
    Files.writeString(file, edited, StandardCharsets.UTF_8);
    assertThat(store.get(r.id()))
        .get()
        .extracting(x -> x.history().get(0).text())
        .isEqualTo("收到预警，值班员已核实");

    Files.delete(file);
    assertThat(store.get(r.id())).isEmpty();
  }
}
