package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.alerts.channel.Channel;
import dev.yuqing.alerts.channel.DeliveryException;
import dev.yuqing.alerts.channel.OutboxChannel;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import jakarta.mail.Message;
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
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service with the outbox channel: files only, no network. */
class AlertServiceTest {
  @TempDir Path data;
  final MutableClock clock = new MutableClock(Instant.parse("2024-06-10T02:31:00Z"));
  static final List<Alert> burst = Alerts.burst();
  AlertService svc;

  /** The alert config of these tests, with {@code more} YAML under alerts (e.g. grouping). */
  static AlertsConfig config(String more) {
    return Alerts.config(
        """
        recipients:
          notice: [pr@example.com]
          alert: [cmd@example.com]
          critical: [all@example.com]
        escalateAfter: 30m
        dashboardUrl: http://dash.example.com
        """
            + more);
  }

  /** The defaults: a two-minute group wait, updates at most every 30 minutes. */
  final AlertsConfig cfg = config("");

  /** Every change at once: for the tests about delivery order. */
  final AlertsConfig atOnce =
      config(
          """
          grouping:
            wait: 0s
            interval: 0s
          """);

  @BeforeEach
  void open() {
    svc = AlertService.open(data, cfg, null, Secrets.of(Map.of()), clock);
  }

  @AfterEach
  void close() {
    svc.close();
  }

  void reopen(AlertsConfig c) {
    svc.close();
    svc = AlertService.open(data, c, null, Secrets.of(Map.of()), clock);
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

  static MimeMessage read(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  /** The outbox behind a gate, a slow SMTP server in effect (grouping: every change at once). */
  void reopenBehindGate(CountDownLatch entered, CountDownLatch release) {
    svc.close();
    Channel outbox = AlertService.mailChannel(data, atOnce, null, Secrets.of(Map.of()), clock);
    Channel gated =
        new Channel() {
          @Override
          public String id() {
            return outbox.id();
          }

          @Override
          public boolean accepts(Grade g) {
            return true;
          }

          @Override
          public void deliver(Notice n) throws DeliveryException {
            entered.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            outbox.deliver(n);
          }
        };
    JdbcIncidentStore store = new JdbcIncidentStore(Database.embedded(data));
    svc = new AlertService(store, store.claimService(), atOnce, gated, List.of(), clock);
  }

  Incident only() {
    List<Incident> all = svc.store().inTransaction(IncidentStore.Tx::all);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  List<Delivery> pending() {
    return svc.store().inTransaction(IncidentStore.Tx::pending);
  }

  List<Delivery> deliveries() {
    return svc.store().inTransaction(IncidentStore.Tx::deliveries);
  }

  @Test
  void anIncidentsFirstMailWaitsForTheGroupWaitAndNamesTheProjectAndGrade() throws Exception {
    assertThat(svc.submit(burst.get(0))).isTrue();
    svc.tick();
    assertThat(outbox()).isEmpty(); // collecting members for two minutes
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    assertThat(outbox()).hasSize(1);
    Incident i = only();
    MimeMessage m = read(outbox().get(0));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级】翡翠湾：30分钟内负面帖12条");
    assertThat(m.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("pr@example.com", "cmd@example.com");
    assertThat(m.getMessageID()).isEqualTo("<" + i.id() + ".r1.new@yuqing>");
    assertThat(m.getHeader("X-Yuqing-Incident")[0]).isEqualTo(i.id());
    String body = MailText.all(m);
    assertThat(body).contains("http://bbs.example.com/thread/leak-a-0", "漏水", "证据编号");
    assertThat(body).contains("事件构成（1项）", "负面激增（二级）");
    assertThat(body)
        .contains("http://dash.example.com/alerts/" + i.id())
        .contains(
            "http://dash.example.com/search?project=%E7%BF%A1%E7%BF%A0%E6%B9%BE&sentiment=negative&from=2024-06-10T01%3A00%3A00Z&to=2024-06-10T02%3A30%3A00Z&alert="
                + i.id());
  }

  @Test
  void alertsOfOneEventAreOneIncidentAndOneMail() throws Exception {
    List<Alert> three =
        List.of(burst.get(0), Alerts.other(burst.get(0), "b"), Alerts.other(burst.get(0), "c"));
    assertThat(svc.submitAll(three)).isEqualTo(3);
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    assertThat(only().members()).hasSize(3);
    assertThat(outbox())
        .singleElement()
        .satisfies(p -> assertThat(read(p).getSubject()).endsWith(" 等3项"));
  }

  @Test
  void aNoticeAloneGoesToThePrDutyListOnly() throws Exception {
    Alert topic = Alerts.newTopic("topic-1", "房屋质量", 3, Alerts.BURST, Alerts.BURST, "t1");
    svc.submit(topic);
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    MimeMessage m = read(outbox().get(0));
    assertThat(m.getSubject()).startsWith("【舆情预警·三级】翡翠湾：新话题");
    assertThat(m.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("pr@example.com");
  }

  @Test
  void aSubmitDuringABackgroundTickGetsATickOfItsOwn() throws Exception {
    // Submits ask for one tick between them, not one each. The period is an hour, so within the
    // test only the ticks that submits ask for deliver: b's update arrives while a's first mail is
    // on the wire and must not be left waiting for the period.
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    reopenBehindGate(entered, release);
    svc.start(Duration.ofHours(1)); // its first tick runs now, on an empty queue
    // let that first tick finish (it creates the store's lock file), so that a goes out in the
    // tick a's submit asks for
    Path lock = data.resolve("alerts").resolve("lock");
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(lock) && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    Alert a = burst.get(0);
    svc.submit(a);
    entered.await();
    svc.submit(Alerts.other(a, "b")); // joins a's incident while a's tick is delivering
    release.countDown();
    // the mail file appears a moment before the delivery is recorded as sent: wait for both
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while ((outbox().size() < 2 || !pending().isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(outbox()).hasSize(2);
    assertThat(pending()).isEmpty();
  }

  @Test
  void submitAllDropsReplaysWithinItAndAfterARestart() throws Exception {
    Alert a = burst.get(0);
    List<Alert> batch =
        new java.util.ArrayList<>(List.of(a, Alerts.other(a, "b"), Alerts.other(a, "c")));
    batch.add(batch.get(1)); // a replay inside the batch itself
    assertThat(svc.submitAll(batch)).isEqualTo(3);
    assertThat(only().members()).hasSize(3);
    // replays of the whole batch, also after a restart, are dropped as before
    assertThat(svc.submitAll(batch)).isZero();
    reopen(cfg);
    assertThat(svc.submitAll(batch)).isZero();
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void anOutboxDeliveryNotYetRecordedIsNotWrittenTwice() throws Exception {
    // the service stopped after writing the mail file, before the tick recorded it: the next
    // tick delivers it again, which finds the file and leaves it as it is
    reopen(atOnce);
    svc.submit(burst.get(0));
    OutboxChannel outbox =
        (OutboxChannel) AlertService.mailChannel(data, atOnce, null, Secrets.of(Map.of()), clock);
    Delivery d = pending().get(0);
    outbox.deliver(d.notice());
    Path file = outbox.fileFor(d.notice());
    Files.writeString(file, "written before the stop"); // to see that it is not written again
    svc.tick();
    assertThat(outbox()).containsExactly(file);
    assertThat(Files.readString(file)).isEqualTo("written before the stop");
    assertThat(pending()).isEmpty();
    assertThat(deliveries()).singleElement().extracting(Delivery::status).isEqualTo(Status.SENT);
  }

  @Test
  void updateAndRecoveryAreFurtherMessagesInTheSameThread() throws Exception {
    svc.submit(burst.get(0));
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    String first = only().id() + ".r1.new@yuqing";
    clock.advance(Duration.ofMinutes(5));
    svc.acknowledge(only().id(), "张经理");
    svc.submit(burst.get(1));
    svc.tick();
    assertThat(outbox()).hasSize(1); // the interval: at most one update per 30 minutes
    clock.advance(Duration.ofMinutes(25));
    svc.tick();
    svc.submit(burst.get(2)); // the rule says it is over: the recovery goes at once
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(3);
    MimeMessage update = read(files.get(1));
    assertThat(update.getSubject()).startsWith("【舆情预警·二级·更新】翡翠湾：");
    assertThat(update.getHeader("In-Reply-To")[0]).isEqualTo("<" + first + ">");
    assertThat(MailText.all(update)).contains("事件有新进展", "负面激增：累计31条（上次通报时12条）", "已确认");
    MimeMessage recovery = read(files.get(2));
    assertThat(recovery.getSubject()).startsWith("【舆情预警·二级·已解除】");
    assertThat(recovery.getHeader("References")[0])
        .isEqualTo("<" + first + "> <" + only().id() + ".r2.update@yuqing>");
    Incident i = only();
    assertThat(i.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(i.handling().ackedBy()).isEqualTo("张经理");
    assertThat(i.handling().resolvedBy()).isEqualTo("rule");
  }

  @Test
  void aRestartInTheMiddleContinuesTheThreadAndSendsNothingTwice() throws Exception {
    svc.submit(burst.get(0));
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    reopen(cfg); // a new process on the same data directory
    assertThat(svc.submit(burst.get(0))).isFalse(); // the job replays from its checkpoint
    svc.submit(burst.get(1));
    clock.advance(Duration.ofMinutes(30));
    svc.tick();
    reopen(cfg);
    svc.tick();
    assertThat(svc.submitAll(burst.subList(0, 2))).isZero();
    List<Path> files = outbox();
    assertThat(files).hasSize(2);
    assertThat(read(files.get(1)).getHeader("In-Reply-To")[0])
        .isEqualTo("<" + only().id() + ".r1.new@yuqing>");
  }

  @Test
  void notAcknowledgedInTimeEscalatesToTheNextGradesRecipients() throws Exception {
    svc.submit(burst.get(0));
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    clock.advance(Duration.ofMinutes(29));
    svc.tick();
    assertThat(outbox()).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    svc.tick();
    assertThat(outbox()).hasSize(2);
    MimeMessage esc = read(outbox().get(1));
    assertThat(esc.getSubject()).startsWith("【舆情预警·一级·升级】翡翠湾：");
    assertThat(esc.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("pr@example.com", "cmd@example.com", "all@example.com");
    assertThat(only().grade()).isEqualTo(Grade.CRITICAL);
    // critical is the top: no further escalation
    clock.advance(Duration.ofHours(2));
    svc.tick();
    assertThat(outbox()).hasSize(2);
  }

  @Test
  void anAcknowledgedIncidentDoesNotEscalate() throws Exception {
    svc.submit(burst.get(0));
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    clock.advance(Duration.ofMinutes(10));
    assertThat(svc.acknowledge(only().id(), "李主任"))
        .get()
        .extracting(Incident::state)
        .isEqualTo(AlertState.ACKNOWLEDGED);
    clock.advance(Duration.ofHours(1));
    svc.tick();
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void aManualResolveSendsARecoveryAndSilencesLaterUpdates() throws Exception {
    svc.submit(burst.get(0));
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    AlertService.resolve(svc.store(), only().id(), "王总", clock.instant());
    svc.submit(burst.get(1));
    clock.advance(Duration.ofHours(1));
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(2);
    MimeMessage m = read(files.get(1));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级·已解除】");
    assertThat(MailText.all(m)).contains("已由王总手动解除");
    assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(2); // those who got the first
  }

  @Test
  void whenTheInputEndsWhatWaitsGoesAtOnce() throws Exception {
    svc.submit(burst.get(0));
    svc.issueWaiting(); // a bounded replay ended: no member can join any more
    svc.tick();
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void updatesWaitingBehindAnUnsentFirstMailAreFoldedIntoIt() throws Exception {
    reopen(atOnce);
    svc.submit(burst.get(0));
    svc.submit(burst.get(1)); // before any delivery attempt
    svc.tick();
    assertThat(outbox()).hasSize(1);
    MimeMessage m = read(outbox().get(0));
    assertThat(m.getSubject()).startsWith("【舆情预警·二级】"); // still the first message
    assertThat(MailText.all(m)).contains("累计31条");
    assertThat(deliveries()).extracting(Delivery::status).containsOnly(Status.SENT);
  }

  @Test
  void anUpdateArrivingWhileTheFirstMessageIsBeingSentIsSentAfterIt() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    reopenBehindGate(entered, release);
    svc.submit(burst.get(0));
    Thread sender = new Thread(svc::tick);
    sender.start();
    entered.await();
    svc.submit(burst.get(1)); // arrives while the first message is on the wire
    release.countDown();
    sender.join();
    svc.tick();
    List<Path> files = outbox();
    assertThat(files).hasSize(2);
    assertThat(read(files.get(0)).getHeader("X-Yuqing-Message")[0]).isEqualTo("1");
    assertThat(read(files.get(1)).getSubject()).startsWith("【舆情预警·二级·更新】");
  }

  @Test
  void aGrade二级IncidentNotContactedWithin12HoursEscalatesOnceToTheCriticalRecipients()
      throws Exception {
    svc.submit(burst.get(0)); // a spike: grade 二级
    clock.advance(Duration.ofMinutes(2));
    svc.tick();
    assertThat(outbox()).hasSize(1);
    clock.advance(Duration.ofMinutes(8));
    AlertService.acknowledge(svc.store(), only().id(), "李主任", clock.instant());
    clock.advance(Duration.ofHours(11).plusMinutes(49)); // 11 h 59 min after it opened
    svc.tick();
    assertThat(outbox()).as("acknowledged, and 12 h not over").hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    svc.tick();
    List<Path> mails = outbox();
    assertThat(mails).hasSize(2);
    MimeMessage up = read(mails.get(1));
    assertThat(up.getSubject()).startsWith("【舆情预警·一级·升级】");
    assertThat(up.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .contains("all@example.com");
    for (int hour = 0; hour < 11; hour++) {
      clock.advance(Duration.ofHours(1));
      svc.tick();
    }
    assertThat(outbox()).as("once: no second mail for the same deadline").hasSize(2);
    assertThat(only().state()).isEqualTo(AlertState.ACKNOWLEDGED);
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
