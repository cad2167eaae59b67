package dev.yuqing.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.Alerts;
import dev.yuqing.alerts.MailText;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentLifecycle;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.incident.NoticeKind;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.config.GroupingConfig;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AlertMailTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant T = Instant.parse("2024-06-10T02:30:00Z");
  final AlertMail mail =
      new AlertMail(ZONE, "yuqing@example.com", "yuqing alerts ack %s --data /srv/yuqing");

  static Alert hostile() {
    return Alerts.mobilization(
        "00112233aabbccdd",
        T,
        "业主号召集体行动（地点「<b>售楼处</b>」）",
        List.of("<script>"),
        new AlertPost(
            "a",
            "<img src=x onerror=alert(1)>标题",
            "明天集合&拉横幅",
            "javascript:alert(1)",
            "\"业主\"",
            T,
            null),
        new AlertPost(
            "b",
            null,
            "周六上午九点售楼部门口见",
            "http://bbs.example.com/t/2?a=1&b=2",
            "业主乙",
            T,
            "urn:uuid:9"));
  }

  /** The incident {@code a} opens. */
  static Incident incident(Alert a) {
    GroupingConfig atOnce = new GroupingConfig(null, java.time.Duration.ZERO, null);
    return new IncidentLifecycle(atOnce).onAlert(a, null, List.of(), T).incidents().get(0);
  }

  static Notice notice(NoticeKind kind, Alert a) {
    Incident i = incident(a);
    return new Notice(
        kind,
        i,
        List.of(),
        List.of("cmd@example.com"),
        i.id() + ".r1." + kind.json() + "@yuqing",
        List.of(),
        "http://dash.example.com/alerts/" + i.id(),
        "javascript:alert(2)",
        null,
        T);
  }

  @Test
  void crawledTextIsEscapedAndOnlyHttpLinksAreClickable() {
    Notice n = notice(NoticeKind.NEW, hostile());
    String id = n.incident().id();
    String html = mail.html(n.withChanges(List.of("新增<b>媒体</b>介入")), false);
    assertThat(html)
        .doesNotContain("<script>", "<img src=x", "<b>售楼处</b>", "href=\"javascript:")
        .contains(
            "&lt;img src=x onerror=alert(1)&gt;标题",
            "明天集合&amp;拉横幅",
            "&lt;script&gt;",
            "&quot;业主&quot;")
        .contains("<a href=\"http://bbs.example.com/t/2?a=1&amp;b=2\">周六上午九点售楼部门口见</a>")
        .contains("证据编号 urn:uuid:9", "yuqing alerts ack " + id + " --data /srv/yuqing")
        .contains("<a href=\"http://dash.example.com/alerts/" + id + "\">在看板中查看预警</a>")
        .contains("<li>新增&lt;b&gt;媒体&lt;/b&gt;介入</li>", "事件构成（1项）")
        .doesNotContain("javascript:alert(2)");
  }

  @Test
  void theSubjectCarriesGradeAndKind() {
    Alert a = hostile();
    assertThat(notice(NoticeKind.NEW, a).subject()).startsWith("【舆情预警·一级】翡翠湾：业主号召集体行动");
    assertThat(notice(NoticeKind.UPDATE, a).subject()).startsWith("【舆情预警·一级·更新】翡翠湾：");
    assertThat(notice(NoticeKind.RECOVERY, a).subject()).startsWith("【舆情预警·一级·已解除】翡翠湾：");
  }

  @Test
  void aMessageHasTextHtmlAndTheInlineChart() throws Exception {
    Alert a = Alerts.burst().get(0);
    MimeMessage m =
        mail.compose(Session.getInstance(new Properties()), notice(NoticeKind.NEW, a), T);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.writeTo(out);
    MimeMessage back =
        new MimeMessage(
            Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.getSubject()).startsWith("【舆情预警·二级】翡翠湾：30分钟内负面帖12条");
    assertThat(back.getMessageID()).isEqualTo("<" + incident(a).id() + ".r1.new@yuqing>");
    assertThat(back.getHeader("In-Reply-To")).isNull(); // the thread's first
    assertThat(MailText.hasInlinePng(back, "trend")).isTrue();
    String text = MailText.all(back);
    assertThat(text).contains("cid:trend", "代表性帖子", "基线约", "判定依据");
  }

  @Test
  void theChartIsAPngWithOrWithoutAChineseFont() throws Exception {
    Alert a = Alerts.burst().get(0);
    byte[] latin = TrendChart.png(a, ZONE, Optional.empty()).orElseThrow();
    assertThat(ImageIO.read(new ByteArrayInputStream(latin)).getWidth())
        .isEqualTo(TrendChart.WIDTH);
    Optional<Font> cjk = CjkFont.find();
    if (cjk.isPresent()) {
      byte[] chinese = TrendChart.png(a, ZONE, cjk).orElseThrow();
      assertThat(ImageIO.read(new ByteArrayInputStream(chinese)).getHeight())
          .isEqualTo(TrendChart.HEIGHT);
    }
    assertThat(TrendChart.png(hostile(), ZONE, cjk)).isEmpty(); // no trend to draw
  }

  @Test
  void theChartPlotsEachWindowsCountWhereItBelongs() throws Exception {
    Alert a = Alerts.burst().get(0);
    java.awt.image.BufferedImage img =
        ImageIO.read(
            new ByteArrayInputStream(TrendChart.png(a, ZONE, CjkFont.find()).orElseThrow()));
    List<dev.yuqing.core.TrendPoint> trend = a.trend();
    double[] xs = TrendChart.xs(trend);
    long top = TrendChart.top(trend);
    for (int i = 0; i < trend.size(); i++) {
      int x = (int) Math.round(xs[i]);
      int y = (int) Math.round(TrendChart.y(trend.get(i).count(), top));
      // the centre of the window's marker, unless the legend box covers it
      if (x > TrendChart.LEFT + 120 || y > TrendChart.TOP + 60) {
        assertThat(img.getRGB(x, y) & 0xFFFFFF)
            .as("window %d (%d posts) at %d,%d", i, trend.get(i).count(), x, y)
            .isEqualTo(TrendChart.SERIES.getRGB() & 0xFFFFFF);
      }
    }
    // the baseline is drawn where the alert has one
    boolean grey = false;
    for (int x = TrendChart.LEFT + 130; x < TrendChart.RIGHT && !grey; x++) {
      for (int y = TrendChart.TOP; y < TrendChart.BOTTOM && !grey; y++) {
        grey = (img.getRGB(x, y) & 0xFFFFFF) == (TrendChart.BASELINE.getRGB() & 0xFFFFFF);
      }
    }
    assertThat(grey).isEqualTo(trend.stream().anyMatch(p -> !Double.isNaN(p.baseline())));
  }

  @Test
  void aFontFileThatCannotDrawChineseIsSkipped() throws Exception {
    java.nio.file.Path notAFont = java.nio.file.Files.createTempFile("nofont", ".ttf");
    try {
      assertThat(CjkFont.load(List.of(notAFont, java.nio.file.Path.of("/nonexistent.ttc"))))
          .isEmpty();
    } finally {
      java.nio.file.Files.delete(notAFont);
    }
  }

  @Test
  void aReplyNamesTheMessageItAnswersAndTheWholeThread() throws Exception {
    Notice first = notice(NoticeKind.NEW, Alerts.burst().get(0));
    String id = first.incident().id();
    Notice third =
        new Notice(
            NoticeKind.UPDATE,
            first.incident(),
            List.of("级别升为一级（紧急），通知范围扩大"),
            List.of("cmd@example.com"),
            id + ".r3.update@yuqing",
            List.of(id + ".r1.new@yuqing", id + ".r2.update@yuqing"),
            null,
            null,
            null,
            T);
    MimeMessage m = mail.compose(Session.getInstance(new Properties()), third, T);
    assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo("<" + id + ".r1.new@yuqing>");
    assertThat(m.getHeader("References")[0])
        .isEqualTo("<" + id + ".r1.new@yuqing> <" + id + ".r2.update@yuqing>");
    assertThat(mail.text(third)).contains("本次变化：\n- 级别升为一级（紧急），通知范围扩大");
  }
}
