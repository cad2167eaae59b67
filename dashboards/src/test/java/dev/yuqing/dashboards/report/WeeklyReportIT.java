package dev.yuqing.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.MutableClock;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.dashboards.AlertChange;
import dev.yuqing.dashboards.fixture.DataDir;
import dev.yuqing.dashboards.fixture.HousingReplay;
import dev.yuqing.index.PostIndex;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The weekly report over a replay of two months of the real housing messages (the module's own
 * harness: real tagger, index, rules and alert service, no Flink): the PDF's text holds the
 * project, the week, the topic table and the alerts with how they were handled, and its first page,
 * drawn by poppler, shows Chinese glyphs from the embedded WenQuanYi font.
 */
class WeeklyReportIT {
  static final ZoneId CHINA = DataDir.CHINA;
  static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);
  static final Path OUT = Path.of("target", "weekly-report-it");

  @Test
  void weeklyReportOverTheReplay() throws Exception {
    Path messages = HousingReplay.messages();
    PdfCheck.assumeTools(FONT);
    Path data = OUT.resolve("data");
    if (Files.exists(data)) {
      try (Stream<Path> s = Files.walk(data)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(data);
    // May and June 2019: the week, the week before, and history for the rules (the whole file goes
    // through the real stream job in the app module's ReplayReportIT)
    Instant from = Instant.parse("2019-04-30T16:00:00Z");
    Instant to = Instant.parse("2019-06-30T16:00:00Z");
    HousingReplay.Result replay =
        HousingReplay.run(
            data, HousingReplay.read(messages, t -> !t.isBefore(from) && t.isBefore(to)));
    assertThat(replay.posts()).hasSizeGreaterThan(300);

    // 2019年第26周: the replay's rules raised media, mobilisation and critical-word alerts in it
    ReportPeriod week =
        new ReportPeriod(Kind.WEEKLY, LocalDate.of(2019, 6, 24), LocalDate.of(2019, 6, 30), CHINA);
    MutableClock clock = new MutableClock(Instant.parse("2019-07-01T00:00:00Z"));
    Report report;
    byte[] pdf;
    try (PostIndex index = DataDir.index(data)) {
      ReportService service = DataDir.reports(index, data, clock, FONT);
      report = service.build(HousingReplay.PROJECT, week);
      pdf = service.pdf(report);
      Files.writeString(OUT.resolve("weekly.html"), service.html(report));
    }
    Path file = OUT.resolve("weekly.pdf");
    Files.write(file, pdf);

    assertThat(report.current().total()).isGreaterThan(20);
    assertThat(report.alerts()).isNotEmpty();
    assertThat(report.topics()).isNotEmpty();

    String text = PdfCheck.text(file);
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat).contains("「A市住房」舆情周报", "2019年第26周（2019-06-24至2019-06-30）");
    assertThat(flat).contains("相关帖子" + report.current().total() + "条");
    assertThat(flat).contains("三、话题分布", "话题本期上周变化其中负面");
    for (Report.TopicRow row : report.topics()) {
      assertThat(flat)
          .as("topic row %s", row.topic())
          .contains(
              row.topic().label()
                  + row.count()
                  + row.previous()
                  + ReportHtml.change(row.count(), row.previous()).replaceAll("\\s+", ""));
    }
    assertThat(flat).contains("五、预警与处置", "共触发预警" + report.alerts().size() + "条");
    for (Report.AlertItem a : report.alerts()) {
      String reason = a.alert().reason();
      assertThat(flat)
          .contains(reason.substring(0, Math.min(12, reason.length())).replaceAll("\\s+", ""));
    }
    // how each alert was handled (opened, escalated, recovered by the rules …) is in its timeline
    long changes = 0;
    for (Report.AlertItem a : report.alerts()) {
      for (AlertChange c : a.history()) {
        String said = c.text().replaceAll("\\s+", "");
        assertThat(flat).contains(said.substring(0, Math.min(12, said.length())));
        changes++;
      }
    }
    assertThat(changes).isGreaterThan(0);
    assertThat(flat).contains("六、关键业主", "七、媒体介入");

    assertThat(PdfCheck.fonts(file))
        .containsPattern("WenQuanYiMicroHei\\s+CID TrueType\\s+Identity-H\\s+yes");
    BufferedImage page = PdfCheck.page(file, 1, OUT.resolve("weekly-page1"));
    assertThat(Glyphs.ink(page)).isGreaterThan(5_000);
    assertThat(Glyphs.distinctShapesInFirstLine(page, 0)).isGreaterThanOrEqualTo(6);
  }
}
