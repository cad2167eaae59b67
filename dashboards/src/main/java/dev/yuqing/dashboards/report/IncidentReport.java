package dev.yuqing.dashboards.report;

import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.Html;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.insight.Insights;
import dev.yuqing.dashboards.insight.Stats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The summary report of one incident (事件总结), as the plans ask for after the event: what happened
 * (the hourly post volume around it, its member alerts, the posts and sources behind them with
 * their evidence ids), how it was handled (every step, who and when: the response log, the notices
 * sent, acknowledgement, assignment, escalation, resolution) and how long each step took against
 * the plan's deadlines. Built as jsoup elements (every crawled string a text node) and rendered to
 * PDF with the CJK TrueType font, as the weekly report is. Thread-safe.
 */
public final class IncidentReport {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  /** How far the volume chart reaches before the incident began and after it ended. */
  static final Duration MARGIN = Duration.ofHours(3);

  /** The longest span the chart shows (hourly bars). */
  static final Duration LONGEST = Duration.ofDays(4);

  private final Insights insights;
  private final ReportCharts charts;
  private final PdfWriter pdf;
  private final ZoneId zone;

  /**
   * @param font the TrueType CJK font (reports.font)
   */
  public IncidentReport(Insights insights, Path font, ZoneId zone) {
    this.insights = insights;
    this.pdf = new PdfWriter(font);
    this.charts = new ReportCharts(ReportCharts.loadFont(font));
    this.zone = zone;
  }

  /** The file name a download gets: incident-<id>.pdf. */
  public static String fileName(Incident i) {
    return "incident-" + i.id() + ".pdf";
  }

  public byte[] pdf(IncidentDesk.View v, Instant now) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      pdf.write(xhtml(v, now), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The report as one XHTML document, the chart inlined. */
  public String xhtml(IncidentDesk.View v, Instant now) {
    Incident i = v.incident();
    Alert a = i.summary();
    Document doc = Document.createShell("");
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    doc.head().parent().attr("xmlns", "http://www.w3.org/1999/xhtml").attr("lang", "zh-CN");
    String title = "「" + i.project() + "」舆情事件总结";
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("title").text(title);
    doc.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
    Element body = doc.body();
    body.appendElement("h1").text(title);
    body.appendElement("p")
        .addClass("sub")
        .text("事件编号 " + i.id() + "　生成时间 " + time(now) + "　" + a.headline());

    body.appendElement("h2").text("一、事件概况");
    Element facts = body.appendElement("table");
    row(facts, "级别", i.grade().level() + "（" + i.grade().word() + "）");
    row(facts, "状态", i.state().chinese());
    row(facts, "首条相关帖子", time(i.firstAt()));
    row(facts, "系统上报", time(i.openedAt()));
    Assignment to = i.response().assignment();
    row(
        facts,
        "负责",
        to == null ? "未指派" : to.label() + "（" + to.by() + " 于 " + time(to.at()) + " 指派）");
    row(
        facts,
        "解除",
        i.handling().resolvedBy() == null
            ? "未解除"
            : who(i.handling().resolvedBy()) + "，" + time(i.handling().resolvedAt()));
    row(
        facts,
        "关闭",
        i.handling().closedBy() == null
            ? "未关闭"
            : i.handling().closedBy() + "，" + time(i.handling().closedAt()));
    row(facts, "涉及预警", i.members().size() + " 条，相关帖子累计 " + a.total() + " 条");

    body.appendElement("h2").text("二、事件经过");
    Stats volume = volume(v, now);
    body.appendElement("img")
        .addClass("chart")
        .attr("alt", "每小时声量")
        .attr(
            "src",
            "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(charts.hourly(volume, zone)));
    Element members = body.appendElement("table");
    header(members, "预警", "级别", "开始", "原因", "累计");
    for (Incident.Member m : i.members()) {
      Alert ma = m.alert();
      cells(
          members,
          Texts.ruleKind(ma.ruleType()),
          ma.grade().level(),
          time(ma.firstAt()),
          ma.reason(),
          ma.total() + " 条");
    }
    body.appendElement("h3").text("相关帖子与来源");
    Element posts = body.appendElement("ol").addClass("posts");
    for (AlertPost p : a.posts()) {
      Element li = posts.appendElement("li");
      li.appendElement("p")
          .addClass("title")
          .text(p.title() == null || p.title().isBlank() ? "（无标题）" : p.title());
      li.appendElement("p")
          .addClass("meta")
          .text(
              (p.author() == null ? "作者不详" : p.author())
                  + " · "
                  + time(p.publishedAt())
                  + " · 来源 "
                  + source(p.url())
                  + (p.evidenceId() == null ? "" : " · 证据 " + p.evidenceId()));
      li.appendElement("p").addClass("excerpt").text(p.excerpt() == null ? "" : p.excerpt());
    }

    body.appendElement("h2").text("三、处置经过");
    Element steps = body.appendElement("table").addClass("timeline");
    header(steps, "时间", "经过");
    for (IncidentDesk.Step e : IncidentDesk.steps(v)) {
      cells(steps, time(e.at()), e.text());
    }

    body.appendElement("h2").text("四、处置时效");
    Element plan = body.appendElement("table");
    header(plan, "环节", "预案时限", "实际用时", "结果");
    for (IncidentResponse.Status s : v.deadlines()) {
      Instant from = s.due().minus(s.within());
      cells(
          plan,
          s.deadline().chinese(),
          Texts.duration(s.within()) + "内",
          s.metAt() == null ? "—" : took(from, s.metAt()),
          s.metAt() == null
              ? (i.open() && s.overdue(now) ? "已逾期" : "未完成")
              : s.metInTime() ? "按时" : "逾期");
    }
    Instant resolved = i.handling().resolvedAt();
    cells(
        plan,
        "解除",
        "—",
        resolved == null ? "—" : took(i.openedAt(), resolved),
        resolved == null ? "未解除" : "已解除");
    body.appendElement("p").addClass("foot").text("本报告由 yuqing 舆情监测系统根据事件处置台的记录自动生成。");
    return "<!DOCTYPE html>\n" + doc.outerHtml() + "\n";
  }

  /** The span the volume chart shows: a few hours either side of the incident's event times. */
  public record Span(Instant from, Instant to) {}

  /**
   * The chart's span for {@code i}, whole hours, at most {@link #LONGEST}, not past {@code now}.
   */
  public static Span span(Incident i, Instant now) {
    Instant from = i.firstAt().truncatedTo(ChronoUnit.HOURS).minus(MARGIN);
    Instant to = i.hotUntil().plus(MARGIN).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    if (to.isAfter(now.plus(Duration.ofHours(1)))) {
      to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      to = from.plus(LONGEST);
    }
    return new Span(from, to.isAfter(from) ? to : from.plus(Duration.ofHours(1)));
  }

  /** Hourly counts of the project's posts around the incident. */
  private Stats volume(IncidentDesk.View v, Instant now) {
    Span s = span(v.incident(), now);
    return insights.stats(v.incident().project(), s.from(), s.to(), Insights.Granularity.HOUR);
  }

  private static String who(String by) {
    return by.equals("rule") ? "各项规则判定已恢复" : by;
  }

  private static String source(String url) {
    String safe = Html.safeUrl(url);
    if (safe == null) {
      return "不详";
    }
    java.net.URI u = java.net.URI.create(safe);
    return u.getHost() == null ? "不详" : u.getHost();
  }

  private static String took(Instant from, Instant at) {
    Duration d = Duration.between(from, at);
    return d.isNegative() || d.toMinutes() == 0
        ? "不到1分钟"
        : Texts.duration(d.truncatedTo(ChronoUnit.MINUTES));
  }

  private String time(Instant t) {
    return t == null ? "—" : MINUTE.format(t.atZone(zone));
  }

  private static void row(Element table, String term, String value) {
    Element tr = table.appendElement("tr");
    tr.appendElement("th").text(term);
    tr.appendElement("td").text(value == null ? "" : value);
  }

  private static void header(Element table, String... names) {
    Element tr = table.appendElement("tr");
    for (String n : names) {
      tr.appendElement("th").text(n);
    }
  }

  private static void cells(Element table, String... values) {
    Element tr = table.appendElement("tr");
    for (String v : values) {
      tr.appendElement("td").text(v == null ? "" : v);
    }
  }

  private static final String CSS =
      "@page { size: A4; margin: 16mm 14mm 18mm 14mm;"
          + " @bottom-center { content: counter(page) ' / ' counter(pages); font-size: 9pt;"
          + " font-family: '"
          + ReportHtml.FONT_FAMILY
          + "'; } }"
          + " body { font-family: '"
          + ReportHtml.FONT_FAMILY
          + "', sans-serif; font-size: 10.5pt; color: #1f2933; line-height: 1.5; }"
          + " h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #1f3a5f; }"
          + " h2 { font-size: 14pt; margin: 14pt 0 6pt 0; border-bottom: 1pt solid #1f3a5f;"
          + " color: #1f3a5f; }"
          + " h3 { font-size: 11pt; margin: 8pt 0 4pt 0; }"
          + " .sub, .meta { color: #52606d; font-size: 9pt; }"
          + " table { border-collapse: collapse; width: 100%; margin: 4pt 0; }"
          + " th, td { border: 0.5pt solid #cbd2d9; padding: 3pt 5pt; text-align: left;"
          + " vertical-align: top; }"
          + " th { background: #eef2f7; }"
          + " img.chart { width: 100%; margin: 4pt 0; }"
          + " ol.posts li { margin-bottom: 6pt; } ol.posts p { margin: 0; }"
          + " .title { font-weight: bold; } .excerpt { color: #323f4b; }"
          + " .foot { color: #7b8794; font-size: 8.5pt; margin-top: 16pt; }";
}
