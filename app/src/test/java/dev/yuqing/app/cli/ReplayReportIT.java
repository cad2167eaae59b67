package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.Alert;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ReportsConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI: {@code yuqing replay} plays the real housing messages through the
 * whole stream job (tagger, index, rules, alert service), then {@code yuqing report weekly} writes
 * the PDF of one week. Its text holds the project, the week, the topic table and the alerts; its
 * fonts are the embedded WenQuanYi; its first page, drawn by poppler, shows Chinese glyphs.
 */
class ReplayReportIT {
  static final String MESSAGES = "housing/messages.jsonl";
  static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);
  // 2019年第26周 in China time
  static final Instant WEEK_START = Instant.parse("2019-06-23T16:00:00Z");
  static final Instant WEEK_END = Instant.parse("2019-06-30T16:00:00Z");

  @TempDir Path dir;

  @Test
  void weeklyReportOverAReplayOfTheHousingMessages() throws Exception {
    Path messages = SharedData.file(MESSAGES).orElse(null);
    assumeTrue(messages != null, SharedData.missingReason(MESSAGES));
    assumeTrue(Files.isReadable(FONT), FONT + " is absent: apt-get install fonts-wqy-microhei");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/pdftotext")),
        "poppler-utils are absent: apt-get install poppler-utils");
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

    String text = exec("pdftotext", "-layout", pdf.toString(), "-");
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

    String fonts = exec("pdffonts", pdf.toString());
    assertThat(fonts).containsPattern("WenQuanYiMicroHei\\s+CID TrueType\\s+Identity-H\\s+yes");
    exec(
        "pdftoppm",
        "-png",
        "-r",
        "100",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        pdf.toString(),
        dir.resolve("page1").toString());
    BufferedImage page = ImageIO.read(dir.resolve("page1.png").toFile());
    assertThat(distinctShapesInFirstLine(page)).isGreaterThanOrEqualTo(6);
  }

  private static int run(String... args) {
    return Yuqing.execute(args);
  }

  private static String capture(String... args) {
    Cli.Run r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  private static String exec(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(cmd[0]).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  /**
   * Distinct ink shapes in the first text line (the title 「默认项目」舆情周报): glyphs missing from the font
   * would all be the same empty box.
   */
  static int distinctShapesInFirstLine(BufferedImage img) {
    int top = -1;
    int bottom = img.getHeight();
    for (int y = 0; y < img.getHeight(); y++) {
      boolean ink = false;
      for (int x = 0; x < img.getWidth() && !ink; x++) {
        ink = dark(img.getRGB(x, y));
      }
      if (ink && top < 0) {
        top = y;
      } else if (!ink && top >= 0) {
        bottom = y;
        break;
      }
    }
    Set<String> shapes = new HashSet<>();
    int x = 0;
    while (top >= 0 && x < img.getWidth()) {
      while (x < img.getWidth() && !column(img, x, top, bottom)) {
        x++;
      }
      StringBuilder shape = new StringBuilder();
      while (x < img.getWidth() && column(img, x, top, bottom)) {
        for (int y = top; y < bottom; y++) {
          shape.append(dark(img.getRGB(x, y)) ? '#' : '.');
        }
        shape.append('|');
        x++;
      }
      if (shape.length() > 0) {
        shapes.add(shape.toString());
      }
    }
    return shapes.size();
  }

  private static boolean column(BufferedImage img, int x, int top, int bottom) {
    for (int y = top; y < bottom; y++) {
      if (dark(img.getRGB(x, y))) {
        return true;
      }
    }
    return false;
  }

  private static boolean dark(int rgb) {
    return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3 < 160;
  }
}
