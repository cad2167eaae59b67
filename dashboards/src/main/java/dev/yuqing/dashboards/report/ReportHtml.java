package dev.yuqing.dashboards.report;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Html;
import dev.yuqing.dashboards.AlertChange;
import dev.yuqing.dashboards.insight.Stats;
import dev.yuqing.dashboards.report.Report.AlertItem;
import dev.yuqing.dashboards.report.Report.PostItem;
import dev.yuqing.dashboards.report.Report.TopicRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a report as one self-contained XHTML document (charts inlined as PNG data URIs), which is
 * both the HTML report and the input of the PDF renderer. Every value from the index or the alert
 * store is escaped.
 */
public final class ReportHtml {
  /** The family name the PDF renderer registers the CJK font under. */
  public static final String FONT_FAMILY = "WenQuanYi Micro Hei";

  private final ReportCharts charts;

  public ReportHtml(ReportCharts charts) {
    this.charts = charts;
  }

  public String render(Report r) {
    ZoneId zone = r.period().zone();
    Stats cur = r.current();
    Stats prev = r.previous();
    StringBuilder b = new StringBuilder(32_768);
    String title = "「" + r.project() + "」舆情" + r.period().kindName();
    b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>")
        .append("<meta charset=\"utf-8\"/><title>")
        .append(esc(title))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    b.append("<h1>").append(esc(title)).append("</h1>");
    b.append("<p class=\"sub\">报告周期：")
        .append(esc(r.period().label()))
        .append("　对比：")
        .append(esc(r.period().previousName()))
        .append("（")
        .append(r.period().previous().first())
        .append(" 至 ")
        .append(r.period().previous().last())
        .append("）　生成时间：")
        .append(time(r.generatedAt(), zone))
        .append("</p>");

    // 一、概要
    b.append("<h2>一、概要</h2><p class=\"summary\">").append(esc(summary(r))).append("</p>");
    b.append("<table class=\"figures\"><tr><th>指标</th><th>本期</th><th>")
        .append(esc(r.period().previousName()))
        .append("</th><th>变化</th></tr>");
    figure(b, "帖子总数", cur.total(), prev.total());
    figure(b, "负面帖子", cur.negative(), prev.negative());
    b.append("<tr><td>负面占比</td><td>")
        .append(percent(cur.negativeShare()))
        .append("</td><td>")
        .append(percent(prev.negativeShare()))
        .append("</td><td>")
        .append(points(cur.negativeShare() - prev.negativeShare()))
        .append("</td></tr>");
    figure(b, "预警", r.alerts().size(), -1);
    figure(b, "媒体介入帖子", r.mediaTotal(), -1);
    b.append("</table>");

    // 二、趋势
    b.append("<h2>二、声量与情感趋势</h2>");
    b.append("<img class=\"chart\" alt=\"每日声量\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(charts.volume(cur, zone)))
        .append("\"/>");
    b.append("<img class=\"chart\" alt=\"每日负面占比\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(charts.negativeShare(cur, zone)))
        .append("\"/>");

    // 三、话题
    b.append("<h2>三、话题分布</h2>");
    if (r.topics().isEmpty()) {
      b.append("<p>本期与上期均无帖子。</p>");
    } else {
      b.append("<table class=\"topics\"><tr><th>话题</th><th>本期</th><th>")
          .append(esc(r.period().previousName()))
          .append("</th><th>变化</th><th>其中负面</th></tr>");
      for (TopicRow t : r.topics()) {
        b.append("<tr><td>")
            .append(esc(t.topic().label()))
            .append("</td><td>")
            .append(t.count())
            .append("</td><td>")
            .append(t.previous())
            .append("</td><td>")
            .append(change(t.count(), t.previous()))
            .append("</td><td>")
            .append(t.negative())
            .append("</td></tr>");
      }
      b.append("</table>");
    }

    // 四、重点负面帖子
    b.append("<h2>四、重点负面帖子</h2>");
    posts(b, r.topNegative(), zone, "本期没有负面帖子。");

    // 五、预警与处置
    b.append("<h2>五、预警与处置</h2>");
    if (r.alerts().isEmpty()) {
      b.append("<p>本期未触发预警。</p>");
    } else {
      b.append("<p>").append(esc(alertSummary(r.alerts()))).append("</p>");
      int n = 1;
      for (AlertItem item : r.alerts()) {
        Alert a = item.alert();
        b.append("<div class=\"alert\"><h3>")
            .append(n++)
            .append(". 【")
            .append(a.grade().level())
            .append(a.grade().word())
            .append("】")
            .append(esc(a.reason()))
            .append("</h3><p class=\"meta\">首次触发 ")
            .append(time(a.firstAt(), zone))
            .append("　当前状态：")
            .append(a.state().chinese())
            .append("　涉及帖子 ")
            .append(a.count())
            .append(" 条</p><ul class=\"timeline\">");
        List<AlertChange> history = item.history();
        if (history.isEmpty()) {
          b.append("<li>").append(time(a.firstAt(), zone)).append(" 预警触发</li>");
          if (!a.updatedAt().equals(a.firstAt())) {
            b.append("<li>")
                .append(time(a.updatedAt(), zone))
                .append(" ")
                .append(a.state().chinese())
                .append("</li>");
          }
        }
        for (AlertChange c : history) {
          b.append("<li>")
              .append(time(c.at(), zone))
              .append(" ")
              .append(esc(c.text()))
              .append("</li>");
        }
        b.append("</ul></div>");
      }
    }

    // 六、关键业主
    b.append("<h2>六、关键业主</h2><h3>发帖最多</h3>");
    authors(b, cur.authors());
    b.append("<h3>最受关注（回复与点赞最多）</h3>");
    authors(b, cur.followed());

    // 七、媒体介入
    b.append("<h2>七、媒体介入</h2><p>本期涉及记者、电视台、曝光或热搜的帖子共 ").append(r.mediaTotal()).append(" 条。</p>");
    posts(b, r.media(), zone, "本期未发现媒体介入。");

    // 八、来源
    b.append("<h2>八、来源分布</h2>");
    if (cur.sources().isEmpty()) {
      b.append("<p>本期没有帖子。</p>");
    } else {
      b.append("<table><tr><th>来源</th><th>帖子数</th></tr>");
      for (Stats.Count c : cur.sources()) {
        b.append("<tr><td>")
            .append(esc(c.name()))
            .append("</td><td>")
            .append(c.count())
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<p class=\"foot\">本报告由 yuqing 舆情监测系统自动生成。</p></body></html>\n");
    return b.toString();
  }

  /** The opening paragraph, in words a command group reads first. */
  static String summary(Report r) {
    Stats cur = r.current();
    Stats prev = r.previous();
    String prevName = r.period().previousName();
    StringBuilder s = new StringBuilder();
    s.append("本期共监测到「").append(r.project()).append("」相关帖子 ").append(cur.total()).append(" 条");
    s.append(prev.total() == 0 ? "" : "，较" + prevName + trend(cur.total(), prev.total()));
    s.append("；其中负面 ").append(cur.negative()).append(" 条，占 ").append(percent(cur.negativeShare()));
    s.append(prev.total() == 0 ? "" : "（" + prevName + " " + percent(prev.negativeShare()) + "）");
    s.append("。");
    List<String> top =
        r.topics().stream()
            .filter(t -> t.count() > 0 && t.topic() != dev.yuqing.core.Topic.OTHER)
            .limit(3)
            .map(t -> t.topic().label() + " " + t.count() + " 条")
            .toList();
    if (!top.isEmpty()) {
      s.append("主要话题：").append(String.join("、", top)).append("。");
    }
    s.append(r.alerts().isEmpty() ? "本期未触发预警。" : alertSummary(r.alerts()));
    if (r.mediaTotal() > 0) {
      s.append("有 ").append(r.mediaTotal()).append(" 条帖子涉及媒体，需关注舆论扩散。");
    }
    return s.toString();
  }

  static String alertSummary(List<AlertItem> alerts) {
    Map<Grade, Long> byGrade = new EnumMap<>(Grade.class);
    long resolved = 0;
    long acknowledged = 0;
    for (AlertItem i : alerts) {
      byGrade.merge(i.alert().grade(), 1L, Long::sum);
      if (i.alert().state() == AlertState.RESOLVED) {
        resolved++;
      } else if (i.alert().state() == AlertState.ACKNOWLEDGED) {
        acknowledged++;
      }
    }
    String grades =
        byGrade.entrySet().stream()
            .sorted(Map.Entry.<Grade, Long>comparingByKey().reversed())
            .map(e -> e.getKey().level() + " " + e.getValue() + " 条")
            .collect(Collectors.joining("、"));
    long open = alerts.size() - resolved - acknowledged;
    return "共触发预警 "
        + alerts.size()
        + " 条（"
        + grades
        + "），已解除 "
        + resolved
        + " 条，已确认处理中 "
        + acknowledged
        + " 条，未处理 "
        + open
        + " 条。";
  }

  private static void posts(StringBuilder b, List<PostItem> posts, ZoneId zone, String none) {
    if (posts.isEmpty()) {
      b.append("<p>").append(none).append("</p>");
      return;
    }
    b.append("<ol class=\"posts\">");
    for (PostItem p : posts) {
      String title = p.title() == null || p.title().isBlank() ? p.excerpt() : p.title();
      b.append("<li><p class=\"title\">")
          .append(externalLink(p.url(), cut(title, 60)))
          .append("</p><p class=\"meta\">")
          .append(esc(p.author() == null ? "匿名" : p.author()))
          .append(" · ")
          .append(esc(p.source()))
          .append(" · ")
          .append(time(p.at(), zone))
          .append(" · 互动 ")
          .append(p.engagement())
          .append(" · ")
          .append(esc(p.sentiment()))
          .append("</p><p class=\"excerpt\">")
          .append(esc(p.excerpt()))
          .append("</p></li>");
    }
    b.append("</ol>");
  }

  private static void authors(StringBuilder b, List<Stats.AuthorStat> list) {
    if (list.isEmpty()) {
      b.append("<p>无。</p>");
      return;
    }
    b.append("<table><tr><th>作者</th><th>帖子</th><th>其中负面</th><th>互动</th></tr>");
    for (Stats.AuthorStat a : list.subList(0, Math.min(10, list.size()))) {
      b.append("<tr><td>")
          .append(esc(a.name()))
          .append("</td><td>")
          .append(a.posts())
          .append("</td><td>")
          .append(a.negative())
          .append("</td><td>")
          .append(a.engagement())
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void figure(StringBuilder b, String name, long cur, long prev) {
    b.append("<tr><td>")
        .append(name)
        .append("</td><td>")
        .append(cur)
        .append("</td><td>")
        .append(prev < 0 ? "—" : String.valueOf(prev))
        .append("</td><td>")
        .append(prev < 0 ? "—" : change(cur, prev))
        .append("</td></tr>");
  }

  /** +12（+35%）, −3（−20%）, 新增, 持平. */
  static String change(long cur, long prev) {
    long d = cur - prev;
    if (d == 0) {
      return "持平";
    }
    if (prev == 0) {
      return "新增 " + cur;
    }
    long pct = Math.round(100.0 * d / prev);
    return (d > 0 ? "+" : "−") + Math.abs(d) + "（" + (pct > 0 ? "+" : "−") + Math.abs(pct) + "%）";
  }

  private static String trend(long cur, long prev) {
    long d = cur - prev;
    if (d == 0) {
      return "持平";
    }
    long pct = Math.round(100.0 * Math.abs(d) / prev);
    return (d > 0 ? "增加 " : "减少 ") + Math.abs(d) + " 条（" + pct + "%）";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String points(double d) {
    if (Math.abs(d) < 0.0005) {
      return "持平";
    }
    return String.format(Locale.ROOT, "%s%.1f 个百分点", d > 0 ? "+" : "−", Math.abs(d) * 100);
  }

  private static String cut(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
  }

  private static final String CSS =
      "@page { size: A4; margin: 16mm 14mm 18mm 14mm;"
          + " @bottom-center { content: counter(page) ' / ' counter(pages); font-size: 9pt;"
          + " font-family: '"
          + FONT_FAMILY
          + "'; } }"
          + " body { font-family: '"
          + FONT_FAMILY
          + "', 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; color: #1f2933;"
          + " line-height: 1.5; }"
          + " h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #1f3a5f; }"
          + " h2 { font-size: 14pt; margin: 14pt 0 6pt 0; border-bottom: 1pt solid #1f3a5f;"
          + " color: #1f3a5f; }"
          + " h3 { font-size: 11pt; margin: 8pt 0 4pt 0; }"
          + " .sub { color: #52606d; font-size: 9.5pt; }"
          + " table { border-collapse: collapse; width: 100%; margin: 4pt 0; }"
          + " th, td { border: 0.5pt solid #cbd2d9; padding: 3pt 5pt; text-align: left; }"
          + " th { background: #eef2f7; }"
          + " img.chart { width: 100%; margin: 4pt 0; }"
          + " ol.posts li { margin-bottom: 6pt; }"
          + " ol.posts p { margin: 0; }"
          + " .title { font-weight: bold; }"
          + " .meta { color: #52606d; font-size: 9pt; }"
          + " .excerpt { color: #323f4b; }"
          + " .alert { page-break-inside: avoid; margin-bottom: 6pt; }"
          + " ul.timeline { margin: 2pt 0; }"
          + " a { color: #1f5fa8; text-decoration: none; }"
          + " .foot { color: #7b8794; font-size: 8.5pt; margin-top: 16pt; }";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private static String esc(Object value) {
    return Html.esc(value == null ? null : value.toString());
  }

  /** Local date and minute in the report's zone, or a dash. */
  private static String time(Instant t, ZoneId zone) {
    return t == null ? "—" : MINUTE.format(t.atZone(zone));
  }

  /** A link to a crawled URL, or the escaped text alone when the URL is not safe. */
  private static String externalLink(String url, String text) {
    String href = Html.safeUrl(url);
    if (href == null) {
      return esc(text);
    }
    return "<a href=\""
        + esc(href)
        + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
        + esc(text)
        + "</a>";
  }
}
