package dev.yuqing.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.yuqing.alerts.MutableClock;
import dev.yuqing.alerts.channel.SmtpChannel;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.core.config.ReportScheduleConfig;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import dev.yuqing.dashboards.fixture.DataDir;
import dev.yuqing.dashboards.fixture.DemoPosts;
import dev.yuqing.dashboards.fixture.HousingReplay;
import dev.yuqing.index.PostIndex;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled reports reach the command group by mail (a real SMTP server, GreenMail) once per
 * period, also across a restart of the scheduler.
 */
class ReportDeliveryIT {
  static final ZoneId CHINA = DataDir.CHINA;
  static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);
  // Monday 2024-05-13, 08:05 in China: the weekly report of 6–12 May is due
  static final Instant MONDAY_0805 = Instant.parse("2024-05-13T00:05:00Z");

  @TempDir Path data;
  GreenMail mail;
  PostIndex index;
  MutableClock clock = new MutableClock(MONDAY_0805);

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isReadable(FONT), FONT + " is absent: apt-get install fonts-wqy-microhei");
    HousingReplay.run(data, DemoPosts.posts(), DemoPosts.PROJECT);
    index = DataDir.index(data);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterEach
  void stop() {
    if (mail != null) {
      mail.stop();
    }
    if (index != null) {
      index.close();
    }
  }

  private ReportScheduler scheduler(ReportSender sender) {
    ReportService service = DataDir.reports(index, data, clock, FONT);
    List<ReportScheduleConfig> schedules =
        List.of(
            new ReportScheduleConfig(
                "weekly", Kind.WEEKLY, "翡翠湾", LocalTime.of(8, 0), "monday", null, null, null, null),
            // the key stage ended before today: no daily report any more
            new ReportScheduleConfig(
                "handover-daily",
                Kind.DAILY,
                "翡翠湾",
                null,
                null,
                LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 12),
                null,
                null));
    return new ReportScheduler(
        schedules,
        List.of("command-group@example.com"),
        CHINA,
        service,
        sender,
        clock,
        Database.embedded(data));
  }

  @Test
  void theWeeklyReportIsMailedOnceWithThePdf() throws Exception {
    SmtpConfig smtp =
        new SmtpConfig(
            "127.0.0.1",
            mail.getSmtp().getPort(),
            SmtpConfig.Security.NONE,
            null,
            null,
            "yuqing@example.com");
    SmtpChannel channel =
        new SmtpChannel(
            smtp, Secrets.of(Map.of()), new AlertMail(CHINA, smtp.from(), "ack"), clock);
    ReportSender sender = new MailReportSender(channel, smtp.from(), data.resolve("outbox"), clock);

    assertThat(scheduler(sender).tick()).containsExactly("weekly");
    MimeMessage[] got = mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getSubject()).isEqualTo("【舆情周报】翡翠湾 2024年第19周（2024-05-06 至 2024-05-12）");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("command-group@example.com");
    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat((String) parts.getBodyPart(0).getContent()).contains("本期共监测到「翡翠湾」相关帖子");
    Part pdf = parts.getBodyPart(1);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getFileName()).isEqualTo("yuqing-weekly-2024-05-06.pdf");
    try (InputStream in = pdf.getInputStream()) {
      assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
    }

    // later the same day, and after a restart: nothing is sent twice
    clock.set(MONDAY_0805.plusSeconds(3600));
    assertThat(scheduler(sender).tick()).isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);
    // the next Monday the next week is due
    clock.set(MONDAY_0805.plusSeconds(7 * 86400));
    assertThat(scheduler(sender).tick()).containsExactly("weekly");
    assertThat(mail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void withoutSmtpTheReportLandsInTheOutbox() throws Exception {
    ReportSender sender =
        new MailReportSender(null, "yuqing@localhost", data.resolve("outbox"), clock);
    assertThat(scheduler(sender).tick()).containsExactly("weekly");
    Path eml = data.resolve("outbox").resolve("report-yuqing-weekly-2024-05-06.pdf.eml");
    assertThat(eml).exists();
    assertThat(Files.readString(eml)).contains("command-group@example.com", "application/pdf");
  }
}
