package dev.yuqing.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.dashboards.AlertChange;
import dev.yuqing.dashboards.insight.Stats;
import dev.yuqing.dashboards.report.Report.AlertItem;
import dev.yuqing.dashboards.report.Report.PostItem;
import dev.yuqing.dashboards.report.Report.TopicRow;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a report with hand-written content (the report over real data is {@code WeeklyReportIT})
 * and checks the PDF with poppler: text, embedded font, glyphs rather than boxes.
 */
class ReportRenderIT {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);
  private static final Path OUT = Path.of("target", "report-render-it");

  @BeforeAll
  static void tools() throws Exception {
    PdfCheck.assumeTools(FONT);
    Files.createDirectories(OUT);
  }

  static Report sample() {
    ReportPeriod period =
        new ReportPeriod(Kind.WEEKLY, LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 12), ZONE);
    List<Stats.Bucket> days = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      Instant at = period.first().plusDays(d).atStartOfDay(ZONE).toInstant();
      days.add(new Stats.Bucket(at, 3 + d * 2L, 5, 1));
    }
    Stats cur =
        new Stats(
            "翡翠湾",
            period.start(),
            period.end(),
            91,
            63,
            21,
            7,
            days,
            List.of(
                new Stats.TopicCount(Topic.QUALITY, 40, 35),
                new Stats.TopicCount(Topic.DELAY, 22, 20),
                new Stats.TopicCount(Topic.COLLECTIVE_ACTION, 9, 9)),
            List.of(new Stats.Count("yezhu-forum", 70), new Stats.Count("news", 21)),
            List.of(new Stats.Count("漏水", 30)),
            List.of(new Stats.AuthorStat("老王在翡翠湾", 12, 10, 340)),
            List.of(new Stats.AuthorStat("老王在翡翠湾", 12, 10, 340)));
    Stats prev =
        new Stats(
            "翡翠湾",
            period.previous().start(),
            period.previous().end(),
            40,
            12,
            20,
            8,
            List.of(),
            List.of(new Stats.TopicCount(Topic.QUALITY, 15, 8)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Instant fired = Instant.parse("2024-05-08T01:30:00Z");
    Alert alert =
        new Alert(
            "a1",
            "negative-spike|翡翠湾|房屋质量",
            "negative-spike",
            "spike",
            "翡翠湾",
            "房屋质量",
            Grade.ALERT,
            AlertState.RESOLVED,
            fired,
            fired.plusSeconds(7200),
            "房屋质量负面帖子激增：30 分钟内 18 条，基线 2.5 条",
            18,
            2.5,
            List.of("房屋质量"),
            List.of("漏水", "裂缝"),
            List.of(),
            3,
            List.of(),
            18);
    List<AlertChange> history =
        List.of(
            new AlertChange(fired, "received", "收到预警，第1版"),
            new AlertChange(fired.plusSeconds(900), "ack", "zhang.wei 确认"),
            new AlertChange(fired.plusSeconds(7200), "resolve", "zhang.wei 解除"));
    PostItem hostile =
        new PostItem(
            "p1",
            "<script>alert(1)</script>7栋卫生间漏水",
            "楼上漏水到楼下，物业三天没人来修！",
            "javascript:alert(1)",
            "老王在翡翠湾",
            "yezhu-forum",
            fired.minusSeconds(600),
            120,
            "负面");
    return new Report(
        "翡翠湾",
        period,
        Instant.parse("2024-05-13T00:00:00Z"),
        cur,
        prev,
        ReportBuilder.topics(cur, prev),
        List.of(hostile),
        List.of(new AlertItem(alert, history)),
        List.of(),
        0);
  }

  @Test
  void pdfHoldsTheSectionsAndChineseGlyphs() throws Exception {
    Report r = sample();
    ReportHtml html = new ReportHtml(new ReportCharts(ReportCharts.loadFont(FONT)));
    String xhtml = html.render(r);
    assertThat(xhtml).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(xhtml).doesNotContain("javascript:");
    Path pdf = OUT.resolve("weekly.pdf");
    try (OutputStream out = Files.newOutputStream(pdf)) {
      new PdfWriter(FONT).write(xhtml, out);
    }
    String text = PdfCheck.text(pdf);
    assertThat(text).contains("「翡翠湾」舆情周报", "2024年第19周", "2024-05-06 至 2024-05-12");
    assertThat(text).contains("话题分布", "房屋质量", "延期交付", "维权行动");
    assertThat(text).contains("预警与处置", "房屋质量负面帖子激增", "zhang.wei 确认", "zhang.wei 解除", "已解除");
    assertThat(text).contains("<script>alert(1)</script>7栋卫生间漏水");
    assertThat(PdfCheck.fonts(pdf)).containsIgnoringCase("WenQuanYi").contains("yes");

    BufferedImage page = PdfCheck.page(pdf, 1, OUT.resolve("weekly-page1"));
    assertThat(Glyphs.ink(page)).isGreaterThan(5_000);
    // the title 「翡翠湾」舆情周报 is the first line: real glyphs are all different shapes
    assertThat(Glyphs.distinctShapesInFirstLine(page, 0)).isGreaterThanOrEqualTo(6);
  }

  @Test
  void changeColumnWords() {
    assertThat(ReportHtml.change(40, 15)).isEqualTo("+25（+167%）");
    assertThat(ReportHtml.change(5, 10)).isEqualTo("−5（−50%）");
    assertThat(ReportHtml.change(7, 0)).isEqualTo("新增 7");
    assertThat(ReportHtml.change(3, 3)).isEqualTo("持平");
    List<TopicRow> rows = sample().topics();
    assertThat(rows.get(0)).isEqualTo(new TopicRow(Topic.QUALITY, 40, 15, 35));
  }
}
