package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.Alert;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.dashboards.fixture.HousingReplay;
import dev.yuqing.dashboards.report.Glyphs;
import dev.yuqing.dashboards.report.PdfCheck;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI: {@code yuqing replay} plays the real housing messages through the
 * whole stream job (tagger, index, rules, alert service), then {@code yuqing report weekly} writes
 * the PDF of one week. Its text holds the project, the week, the topic table and the alerts; its
 * fonts are the embedded WenQuanYi; its first page, drawn by poppler, shows Chinese glyphs.
 */
class ReplayReportIT {
  static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);
  // 2019年第26周 in China time
  static final Instant WEEK_START = Instant.parse("2019-06-23T16:00:00Z");
  static final Instant WEEK_END = Instant.parse("2019-06-30T16:00:00Z");

  @TempDir Path dir;

  @Test
  void weeklyReportOverAReplayOfTheHousingMessages() throws Exception {
    Path messages = HousingReplay.messages();
    PdfCheck.assumeTools(FONT);
    Path data = dir.resolve("data");
    Path pdf = dir.resolve("weekly.pdf");

    assertThat(run("replay", "--in", messages.toString(), "--data", data.toString())).isZero();
    String out =
        capture(
            "report",
            "weekly",
            "--project",
            "默认项目",
            "--from",
            "2019-06-24",
            "--to",
            "2019-06-30",
            "--out",
            pdf.toString(),
            "--data",
            data.toString());
    assertThat(out).contains("【舆情周报】默认项目 2019年第26周");

    List<Alert> inWeek =
        new JdbcIncidentStore(Database.embedded(data))
            .inTransaction(IncidentStore.Tx::all).stream()
                .map(i -> i.summary())
                .filter(a -> !a.firstAt().isBefore(WEEK_START) && a.firstAt().isBefore(WEEK_END))
                .toList();
    assertThat(inWeek).as("alerts the replay raised in the week").isNotEmpty();

    String text = PdfCheck.text(pdf);
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat).contains("「默认项目」舆情周报", "2019年第26周（2019-06-24至2019-06-30）");
    String topics = flat.substring(flat.indexOf("三、话题分布"), flat.indexOf("四、重点负面帖子"));
    assertThat(topics).startsWith("三、话题分布话题本期上周变化其中负面");
    Set<String> rows = new HashSet<>();
    for (Topic t : Topic.values()) {
      if (topics.contains(t.label())) {
        rows.add(t.label());
      }
    }
    assertThat(rows).as("topic rows").hasSizeGreaterThanOrEqualTo(5);
    assertThat(flat).contains("五、预警与处置", "共触发预警" + inWeek.size() + "条");
    for (Alert a : inWeek) {
      String reason = a.reason().replaceAll("\\s+", "");
      assertThat(flat).contains(reason.substring(0, Math.min(12, reason.length())));
    }

    assertThat(PdfCheck.fonts(pdf))
        .containsPattern("WenQuanYiMicroHei\\s+CID TrueType\\s+Identity-H\\s+yes");
    BufferedImage page = PdfCheck.page(pdf, 1, dir.resolve("page1"));
    assertThat(Glyphs.distinctShapesInFirstLine(page, 0)).isGreaterThanOrEqualTo(6);
  }

  private static int run(String... args) {
    return Yuqing.execute(args);
  }

  private static String capture(String... args) {
    Cli.Run r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }
}
