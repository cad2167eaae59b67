package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service with the outbox channel: files only, no network. */
class AlertServiceTest {
  @TempDir Path data;
  final MutableClock clock = new MutableClock(Instant.parse("2024-06-10T02:31:00Z"));
  final AlertsConfig cfg =
      new AlertsConfig(
          null,
          Map.of(
              Grade.NOTICE, List.of("pr@example.com"),
              Grade.ALERT, List.of("cmd@example.com"),
              Grade.CRITICAL, List.of("all@example.com")),
          Duration.ofMinutes(30),
          null,
          "http://dash.example.com");
  static final List<Alert> burst = Alerts.burst();
  AlertService svc;

  @BeforeEach
  void open() {
    svc = AlertService.open(data, cfg, null, Secrets.of(Map.of()), clock);
  }

  @AfterEach
  void close() {
    svc.close();
  }

  List<Path> outbox() throws Exception {
    Path dir = data.resolve("outbox");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
  }

  /** Replaces the service by one whose only channel is {@link #blockingOutbox}. */
  void reopenBehindGate(
      java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
    svc.close();
    svc =
        new AlertService(
            data.resolve("alerts"), cfg, List.of(blockingOutbox(entered, release)), clock);
  }

  /**
   * The outbox channel behind a gate, a slow SMTP server in effect: a delivery counts {@code
   * entered} down, then waits for {@code release}.
   */
  dev.yuqing.alerts.channel.Channel blockingOutbox(
      java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
    dev.yuqing.alerts.channel.Channel outbox =
        AlertService.channels(data, cfg, null, Secrets.of(Map.of()), clock).get(0);
    return new dev.yuqing.alerts.channel.Channel() {
      @Override
      public String id() {
        return outbox.id();
      }

      @Override
      public boolean accepts(Grade g) {
        return true;
      }

      @Override
      public void deliver(dev.yuqing.alerts.channel.Notice n)
          throws dev.yuqing.alerts.channel.DeliveryException {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        outbox.deliver(n);
      }
    };
  }

  static MimeMessage read(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  @Test
  void anAlertBecomesOneEmlWhoseSubjectNamesTheProjectAndGrade() throws Exception {
    assertThat(svc.submit(burst.get(0))).isTrue();
    assertThat(outbox()).isEmpty(); // persisted and queued, not sent inside submit
    assertThat(svc.store().get(burst.get(0).id())).isPresent();
    svc.tick();
    assertThat(outbox()).hasSize(1);
    MimeMessage m = read(outbox().get(0));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级】翡翠湾：30分钟内负面帖12条");
    assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("pr@example.com", "cmd@example.com");
    assertThat(m.getMessageID()).isEqualTo("<" + burst.get(0).id() + ".r1.new@yuqing>");
    String body = MailText.all(m);
    assertThat(body).contains("http://bbs.example.com/thread/leak-a-0", "漏水", "证据编号");
    assertThat(body)
        .contains("http://dash.example.com/alerts/" + burst.get(0).id())
        .contains(
            "http://dash.example.com/search?project=%E7%BF%A1%E7%BF%A0%E6%B9%BE&sentiment=negative&from=2024-06-10T01%3A00%3A00Z&to=2024-06-10T02%3A30%3A00Z&alert="
                + burst.get(0).id());
  }

  @Test
  void aSubmitDuringABackgroundTickGetsATickOfItsOwn() throws Exception {
    // Submits ask for one tick between them, not one each. The period is an hour, so within the
    // test only the ticks that submits ask for deliver: alert b arrives while a's tick is on the
    // wire and must not be left waiting for the period.
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    reopenBehindGate(entered, release);
    svc.start(Duration.ofHours(1)); // its first tick runs now, on an empty queue
    // let that first tick finish (it creates the store's lock file), so that a goes out in the
    // tick a's submit asks for; were a picked up by the first tick, b would ride a's own tick
    // and this test would prove less, never fail wrongly
    Path lock = data.resolve("alerts").resolve("lock");
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(lock) && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    Alert a = burst.get(0);
    svc.submit(a);
    entered.await();
    svc.submit(otherAlert(a, "b")); // while a's tick is delivering
    release.countDown();
    // the mail file appears a moment before the delivery is recorded as sent: wait for both
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while ((outbox().size() < 2 || !svc.store().pending().isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(outbox()).hasSize(2);
    assertThat(svc.store().pending()).isEmpty();
  }

  /** {@code a} as another alert (id and key suffixed). */
  static Alert otherAlert(Alert a, String suffix) {
    return new Alert(
        a.id() + "-" + suffix,
        a.key() + "-" + suffix,
        a.rule(),
        a.ruleType(),
        a.project(),
        a.topic(),
        a.grade(),
        a.state(),
        a.firstAt(),
        a.updatedAt(),
        a.reason(),
        a.count(),
        a.baseline(),
        a.topTopics(),
        a.topKeywords(),
        a.posts(),
        a.revision(),
        a.trend(),
        a.total());
  }

  long journalLines() throws Exception {
    Path journal = data.resolve("alerts").resolve(AlertStore.JOURNAL);
    return Files.exists(journal)
        ? Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8).size()
        : 0;
  }

  /** Three distinct alerts, each to be sent on its own (no two in one alert's lane). */
  static List<Alert> threeAlerts() {
    Alert a = burst.get(0);
    return List.of(a, otherAlert(a, "b"), otherAlert(a, "c"));
  }

  @Test
  void submitAllIsOneTransactionAndDropsReplaysWithinIt() throws Exception {
    long before = journalLines();
    List<Alert> batch = new java.util.ArrayList<>(threeAlerts());
    batch.add(batch.get(1)); // a replay inside the batch itself
    assertThat(svc.submitAll(batch)).isEqualTo(3);
    assertThat(journalLines() - before).isEqualTo(1);
    for (Alert a : threeAlerts()) {
      assertThat(svc.store().get(a.id())).isPresent();
    }
    assertThat(svc.store().pending()).hasSize(3);
    // replays of the whole batch, also after a restart, are dropped as before
    assertThat(svc.submitAll(threeAlerts())).isZero();
    svc.close();
    svc = AlertService.open(data, cfg, null, Secrets.of(Map.of()), clock);
    assertThat(svc.submitAll(threeAlerts())).isZero();
    svc.tick();
    assertThat(outbox()).hasSize(3);
  }

  @Test
  void outboxDeliveriesOfATickAreRecordedInOneTransactionOtherChannelsEachInTheirOwn()
      throws Exception {
    svc.submitAll(threeAlerts());
    long before = journalLines();
    svc.tick();
    assertThat(outbox()).hasSize(3);
    assertThat(svc.store().pending()).isEmpty();
    assertThat(journalLines() - before).isEqualTo(1);

    // a channel that sends again when asked again (mail, robots): each outcome at once
    java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(0);
    reopenBehindGate(open, open);
    List<Alert> more = threeAlerts().stream().map(a -> otherAlert(a, "more")).toList();
    svc.submitAll(more);
    before = journalLines();
    svc.tick();
    assertThat(outbox()).hasSize(6);
    assertThat(svc.store().pending()).isEmpty();
    assertThat(journalLines() - before).isEqualTo(3);
  }

  @Test
  void anOutboxDeliveryNotYetRecordedIsNotWrittenTwice() throws Exception {
    // the service stopped after writing the mail file, before the tick recorded it: the next
    // tick delivers it again, which finds the file and leaves it as it is
    svc.submit(burst.get(0));
    dev.yuqing.alerts.channel.OutboxChannel outbox =
        (dev.yuqing.alerts.channel.OutboxChannel)
            AlertService.channels(data, cfg, null, Secrets.of(Map.of()), clock).get(0);
    Delivery d = svc.store().pending().get(0);
    outbox.deliver(d.notice());
    Path file = outbox.fileFor(d.notice());
    Files.writeString(file, "written before the stop"); // to see that it is not written again
    svc.tick();
    assertThat(outbox()).containsExactly(file);
    assertThat(Files.readString(file)).isEqualTo("written before the stop");
    assertThat(svc.store().pending()).isEmpty();
    assertThat(svc.store().delivery(d.id()).orElseThrow().status()).isEqualTo(Status.SENT);
  }

  @Test
  void aReplayedAlertIsDroppedAlsoAfterARestart() throws Exception {
    svc.submit(burst.get(0));
    svc.tick();
    assertThat(svc.submit(burst.get(0))).isFalse();
    svc.close();
    svc = AlertService.open(data, cfg, null, Secrets.of(Map.of()), clock);
    assertThat(svc.submit(burst.get(0))).isFalse();
    svc.tick();
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void updateAndRecoveryAreFurtherMessagesInTheSameThread() throws Exception {
    svc.submit(burst.get(0));
    svc.tick();
    clock.advance(Duration.ofMinutes(5));
    svc.acknowledge(burst.get(0).id(), "张经理");
    svc.submit(burst.get(1));
    svc.tick();
    svc.submit(burst.get(2));
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(3);
    MimeMessage update = read(files.get(1));
    assertThat(update.getSubject()).startsWith("【舆情预警·二级·更新】翡翠湾：");
    assertThat(update.getHeader("In-Reply-To")[0])
        .isEqualTo("<" + burst.get(0).id() + ".r1.new@yuqing>");
    assertThat(MailText.all(update)).contains("事件仍在持续", "共31条", "已确认");
    MimeMessage recovery = read(files.get(2));
    assertThat(recovery.getSubject()).startsWith("【舆情预警·二级·已解除】");
    AlertRecord r = svc.store().get(burst.get(0).id()).orElseThrow();
    assertThat(r.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(r.ackedBy()).isEqualTo("张经理");
    assertThat(r.resolvedBy()).isEqualTo("rule");
  }

  @Test
  void notAcknowledgedInTimeEscalatesToTheNextGradesRecipients() throws Exception {
    svc.submit(burst.get(0));
    svc.tick();
    clock.advance(Duration.ofMinutes(29));
    svc.tick();
    assertThat(outbox()).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    svc.tick();
    assertThat(outbox()).hasSize(2);
    MimeMessage esc = read(outbox().get(1));
    assertThat(esc.getSubject()).startsWith("【舆情预警·一级·升级】翡翠湾：");
    assertThat(esc.getRecipients(jakarta.mail.Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("pr@example.com", "cmd@example.com", "all@example.com");
    assertThat(svc.store().get(burst.get(0).id()).orElseThrow().alert().grade())
        .isEqualTo(Grade.CRITICAL);
    // critical is the top: no further escalation
    clock.advance(Duration.ofHours(2));
    svc.tick();
    assertThat(outbox()).hasSize(2);
  }

  @Test
  void anAcknowledgedAlertDoesNotEscalate() throws Exception {
    svc.submit(burst.get(0));
    svc.tick();
    clock.advance(Duration.ofMinutes(10));
    assertThat(svc.acknowledge(burst.get(0).id(), "李主任"))
        .get()
        .extracting(AlertRecord::state)
        .isEqualTo(AlertState.ACKNOWLEDGED);
    clock.advance(Duration.ofHours(1));
    svc.tick();
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void aManualResolveSendsARecoveryAndSilencesLaterUpdates() throws Exception {
    svc.submit(burst.get(0));
    svc.tick();
    AlertService.resolve(svc.store(), burst.get(0).id(), "王总", clock.instant());
    svc.submit(burst.get(1));
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(2);
    MimeMessage m = read(files.get(1));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级·已解除】");
    assertThat(MailText.all(m)).contains("已由王总手动解除");
  }

  @Test
  void updatesWaitingBehindAnUnsentAlertAreFoldedIntoIt() throws Exception {
    svc.submit(burst.get(0));
    svc.submit(burst.get(1)); // before any delivery attempt
    svc.tick();
    assertThat(outbox()).hasSize(1);
    MimeMessage m = read(outbox().get(0));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级】"); // still the first message
    assertThat(m.getHeader("X-Yuqing-Alert-Revision")[0]).isEqualTo("2");
    assertThat(svc.store().deliveries()).extracting(Delivery::status).containsOnly(Status.SENT);
  }

  @Test
  void anUpdateArrivingWhileTheFirstMessageIsBeingSentIsSentAfterIt() throws Exception {
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    reopenBehindGate(entered, release);
    svc.submit(burst.get(0));
    Thread sender = new Thread(svc::tick);
    sender.start();
    entered.await();
    svc.submit(burst.get(1)); // arrives while revision 1 is on the wire
    release.countDown();
    sender.join();
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(2);
    assertThat(read(files.get(0)).getHeader("X-Yuqing-Alert-Revision")[0]).isEqualTo("1");
    assertThat(read(files.get(1)).getSubject()).startsWith("【舆情预警·二级·更新】");
  }

  @Test
  void oneServicePerDataDirectory() {
    assertThatThrownBy(() -> AlertService.open(data, cfg, null, Secrets.of(Map.of()), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(svc::backoff).toList())
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(160),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5));
  }
}
