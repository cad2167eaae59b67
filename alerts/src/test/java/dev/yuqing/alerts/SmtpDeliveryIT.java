package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.yuqing.alerts.Delivery.Status;
import dev.yuqing.core.Alert;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert mail over real SMTP (GreenMail on localhost): exactly once, through an outage and a
 * restart. Time is the service's injected clock, so "two minutes down" takes no wall time: the
 * server is really stopped, and the retries really fail against the closed port.
 */
class SmtpDeliveryIT {
  @TempDir Path data;
  final MutableClock clock = new MutableClock(Instant.parse("2024-06-10T02:31:00Z"));
  final AlertsConfig cfg =
      Alerts.config(
          """
          recipients:
            alert: [cmd@example.com]
            critical: [all@example.com]
          escalateAfter: 30m
          retryInitial: 10s
          retryMax: 40s
          grouping:           # every change at once: what is measured here is delivery, not the
            wait: 0s          # group wait
            interval: 0s
          """);
  static final List<Alert> BURST = Alerts.burst();
  int port;
  SmtpConfig smtp;
  GreenMail mail;
  AlertService svc;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp =
        new SmtpConfig(
            "127.0.0.1",
            port,
            SmtpConfig.Security.NONE,
            "yuqing",
            "TEST_SMTP_PASSWORD",
            "yuqing@example.com");
  }

  @AfterEach
  void tearDown() {
    if (svc != null) {
      svc.close();
    }
    if (mail != null) {
      mail.stop();
    }
  }

  AlertService open() {
    return AlertService.open(
        data, cfg, smtp, Secrets.of(Map.of("TEST_SMTP_PASSWORD", "s3cret")), clock);
  }

  void startSmtp() {
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.setUser("yuqing", "s3cret");
    mail.start();
  }

  List<Delivery> deliveries() {
    return svc.store().inTransaction(IncidentStore.Tx::deliveries);
  }

  /** Ticks every 10 s of service time for {@code d}. */
  void run(Duration d) {
    for (Duration t = Duration.ZERO; t.compareTo(d) < 0; t = t.plusSeconds(10)) {
      clock.advance(Duration.ofSeconds(10));
      svc.tick();
    }
  }

  @Test
  void deliveredOnceWhenTheServerComesBackAfterTwoMinutes() throws Exception {
    svc = open();
    assertThat(svc.submit(BURST.get(0))).isTrue();
    svc.tick(); // SMTP is down: connection refused
    run(Duration.ofMinutes(2));
    Delivery d = deliveries().get(0);
    assertThat(d.status()).isEqualTo(Status.PENDING);
    assertThat(d.attempts()).isBetween(4, 13); // backoff 10, 20, 40, 40 … s
    assertThat(d.lastError()).contains("127.0.0.1:" + port);

    startSmtp();
    run(Duration.ofMinutes(1));
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(svc.submit(BURST.get(0))).isFalse(); // a Flink replay of the same decision
    run(Duration.ofMinutes(5));

    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getSubject()).startsWith("【舆情预警·二级】翡翠湾：30分钟内负面帖12条");
    assertThat(m.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("cmd@example.com");
    assertThat(m.getMessageID()).isEqualTo("<" + d.incidentId() + ".r1.new@yuqing>");
    String body = MailText.all(m);
    assertThat(body).contains("楼上漏水到我家", "http://bbs.example.com/thread/leak-a-");
    assertThat(MailText.hasInlinePng(m, "trend")).isTrue();
    assertThat(deliveries()).extracting(Delivery::status).containsExactly(Status.SENT);
  }

  @Test
  void aRestartDuringTheRetriesStillDeliversExactlyOnce() throws Exception {
    svc = open();
    svc.submit(BURST.get(0));
    run(Duration.ofMinutes(1));
    svc.close(); // the process goes away with the delivery still pending

    svc = open(); // a new process on the same data directory
    assertThat(svc.submit(BURST.get(0))).isFalse(); // the job replays from its checkpoint
    run(Duration.ofMinutes(1));
    assertThat(deliveries()).singleElement().extracting(Delivery::status).isEqualTo(Status.PENDING);

    startSmtp();
    run(Duration.ofMinutes(2));
    svc.close();
    svc = open(); // and once more after it was sent
    svc.submit(BURST.get(0));
    run(Duration.ofMinutes(2));
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theBurstGoingOnWhileTheServerIsDownIsOneMessageWithTheLatestState() throws Exception {
    svc = open();
    svc.submit(BURST.get(0));
    run(Duration.ofSeconds(30));
    svc.submit(BURST.get(1)); // the update arrives during the outage
    run(Duration.ofSeconds(30));
    startSmtp();
    run(Duration.ofMinutes(2));
    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getSubject()).startsWith("【舆情预警·二级】"); // the first, with the latest state
    assertThat(MailText.all(got[0])).contains("累计：31条");
    // the recovery later is a second message in the same thread
    svc.submit(BURST.get(2));
    run(Duration.ofSeconds(20));
    got = mail.getReceivedMessages();
    assertThat(got).hasSize(2);
    assertThat(got[1].getSubject()).startsWith("【舆情预警·二级·已解除】");
    assertThat(got[1].getHeader("In-Reply-To")[0]).isEqualTo(got[0].getMessageID());
  }
}
