package dev.yuqing.dashboards.web;

import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.AlertState;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.insight.Insights;
import dev.yuqing.dashboards.insight.Stats;
import dev.yuqing.dashboards.report.IncidentReport;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * One incident: its deadlines, its timeline (the project's post volume around it with its member
 * alerts, notices sent and log entries marked, and every step listed), its response log, the
 * admins' forms (acknowledge, assign, log, resolve, close) and the summary report as PDF.
 */
final class IncidentPage {
  private final Dashboard dash;

  IncidentPage(Dashboard dash) {
    this.dash = dash;
  }

  private Optional<IncidentDesk.View> view(DashboardExchange x) throws IOException {
    Optional<IncidentDesk.View> v = dash.desk().view(x.pathParam("id"));
    if (v.isEmpty()) {
      x.html(404, Layout.error(x.session(), "事件不存在", "找不到该事件。"));
    }
    return v;
  }

  void show(DashboardExchange x) throws IOException {
    Optional<IncidentDesk.View> v = view(x);
    if (v.isPresent()) {
      x.html(
          200,
          Layout.page("事件详情", "/incidents", x.session(), main -> show(main, x.session(), v.get())));
    }
  }

  private void show(Element main, Session s, IncidentDesk.View v) {
    Incident i = v.incident();
    Instant now = dash.desk().now();
    main.attr("data-live", "/events");
    Element article = main.appendElement("article").addClass("incident").id("incident-" + i.id());
    Element h1 = article.appendElement("h1");
    Markup.grade(h1, i.grade());
    h1.appendText(" " + i.project() + "：" + i.lead().alert().headline());
    main.appendElement("p").addClass("live").id("live-note").text("");
    Element facts = article.appendElement("dl").addClass("facts");
    Markup.fact(facts, "状态", i.state().chinese())
        .addClass("state")
        .attr("data-state", i.state().json());
    Assignment to = i.response().assignment();
    Markup.fact(facts, "负责", to == null ? "未指派" : to.label() + "（" + to.by() + " 指派）")
        .id("assignee");
    Markup.fact(facts, "开启", Markup.time(i.openedAt(), dash.zone()));
    Markup.fact(
        facts,
        "确认",
        i.handling().ackedBy() == null
            ? "未确认"
            : i.handling().ackedBy() + " · " + Markup.time(i.handling().ackedAt(), dash.zone()));
    Markup.fact(facts, "预警", i.members().size() + " 条，相关帖子累计 " + i.summary().total() + " 条");
    if (dash.summary() != null) {
      article
          .appendElement("p")
          .appendElement("a")
          .addClass("button")
          .id("summary-pdf")
          .attr("href", "/incidents/" + Markup.q(i.id()) + "/report.pdf")
          .text("下载事件总结（PDF）");
    }

    article.appendElement("h2").text("处置时限");
    Element deadlines = article.appendElement("table").addClass("list").id("deadlines");
    for (IncidentResponse.Status d : v.deadlines()) {
      Element tr = deadlines.appendElement("tr").attr("data-deadline", d.deadline().json());
      boolean late = i.open() && d.overdue(now);
      if (late) {
        tr.addClass("overdue");
      }
      tr.appendElement("td").text(d.deadline().chinese() + "（" + Texts.duration(d.within()) + "内）");
      tr.appendElement("td").text(Markup.time(d.due(), dash.zone()) + " 前");
      tr.appendElement("td")
          .text(
              d.metAt() != null
                  ? (d.metInTime() ? "按时完成 " : "逾期完成 ") + Markup.time(d.metAt(), dash.zone())
                  : late ? "已逾期" : i.open() ? "未完成" : "—");
    }

    if (s.admin() && !i.closed()) {
      forms(article.appendElement("section").addClass("actions").id("incident-actions"), s, i);
    }

    article.appendElement("h2").text("时间线");
    article
        .appendElement("div")
        .addClass("chart")
        .id("incident-chart")
        .attr("data-src", "/api/incidents/" + Markup.q(i.id()) + "/timeline");
    Element timeline = article.appendElement("ol").addClass("timeline").id("incident-timeline");
    for (IncidentDesk.Step e : IncidentDesk.steps(v)) {
      Element li = timeline.appendElement("li").attr("data-kind", e.kind());
      li.appendElement("time").text(Markup.time(e.at(), dash.zone()));
      li.appendText(" " + e.text());
    }

    article.appendElement("h2").text("处置记录");
    Element log = article.appendElement("ol").addClass("timeline").id("response-log");
    if (v.log().isEmpty()) {
      log.appendElement("li").addClass("empty").text("还没有处置记录。");
    }
    for (LogEntry e : v.log()) {
      Element li = log.appendElement("li");
      li.appendElement("time").text(Markup.time(e.at(), dash.zone()));
      li.appendText(" " + e.user() + " · " + e.action().chinese() + "：");
      li.appendElement("span").addClass("text").text(e.text());
    }
  }

  private static void forms(Element into, Session s, Incident i) {
    String base = "/incidents/" + Markup.q(i.id());
    if (i.state() == AlertState.FIRING || i.state() == AlertState.ESCALATED) {
      button(into, s, base + "/ack", "ack", "确认");
    }
    Element assign = form(into, s, base + "/assign", "assign-form");
    Element dept = Markup.select(assign, "部门", "department");
    Markup.option(dept, "", "（不选）", true);
    for (String d : Assignment.DEPARTMENTS) {
      Markup.option(dept, d, d + "部", false);
    }
    assign
        .appendElement("label")
        .appendText("或负责人 ")
        .appendElement("input")
        .attr("type", "text")
        .attr("name", "person")
        .attr("maxlength", "64");
    assign.appendElement("button").attr("type", "submit").addClass("btn-assign").text("指派");

    Element log = form(into, s, base + "/log", "log-form");
    Element action = Markup.select(log, "处置", "action");
    for (ResponseAction a : ResponseAction.values()) {
      Markup.option(action, a.json(), a.chinese(), a == ResponseAction.CONTACT);
    }
    log.appendElement("textarea")
        .attr("name", "text")
        .attr("rows", "3")
        .attr("maxlength", String.valueOf(LogEntry.MAX_TEXT))
        .attr("required", true)
        .attr("placeholder", "做了什么、和谁、结果如何");
    log.appendElement("button").attr("type", "submit").addClass("btn-log").text("记录");
    if (i.open()) {
      button(into, s, base + "/resolve", "resolve", "解除");
    }
    button(into, s, base + "/close", "close", "关闭事件");
  }

  private static Element form(Element into, Session s, String action, String id) {
    Element f = into.appendElement("form").attr("method", "post").attr("action", action).id(id);
    Layout.csrfField(f, s);
    return f;
  }

  private static void button(Element into, Session s, String action, String name, String label) {
    Element f = form(into, s, action, name + "-form").addClass("inline");
    f.appendElement("button").attr("type", "submit").addClass("btn-" + name).text(label);
  }

  /** {@code /api/incidents/{id}/timeline}: hourly post volume and the marks to draw on it. */
  void timeline(DashboardExchange x) throws IOException {
    Optional<IncidentDesk.View> found = dash.desk().view(x.pathParam("id"));
    if (found.isEmpty()) {
      x.json(404, Map.of("error", "找不到该事件"));
      return;
    }
    IncidentDesk.View v = found.get();
    Incident i = v.incident();
    IncidentReport.Span span = IncidentReport.span(i, dash.desk().now());
    Stats st =
        dash.insights().stats(i.project(), span.from(), span.to(), Insights.Granularity.HOUR);
    List<Map<String, Object>> buckets = new ArrayList<>();
    for (Stats.Bucket b : st.buckets()) {
      buckets.add(
          Map.of(
              "time", Markup.time(b.start(), dash.zone()),
              "negative", b.negative(),
              "neutral", b.neutral(),
              "positive", b.positive()));
    }
    List<Map<String, Object>> marks = new ArrayList<>();
    for (Incident.Member m : i.members()) {
      marks.add(mark(m.alert().firstAt(), "alert", Texts.ruleKind(m.alert().ruleType())));
    }
    for (IncidentDesk.Step e : IncidentDesk.steps(v)) {
      if (e.kind().equals("sent") || e.kind().equals("log")) {
        marks.add(mark(e.at(), e.kind(), e.text()));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("buckets", buckets);
    body.put("marks", marks);
    x.json(200, body);
  }

  private Map<String, Object> mark(Instant at, String kind, String label) {
    return Map.of(
        "time", Markup.time(at.truncatedTo(ChronoUnit.HOURS), dash.zone()),
        "kind", kind,
        "label", Markup.excerpt(label, 40));
  }

  /** {@code /incidents/{id}/report.pdf}: the summary report (总结). */
  void report(DashboardExchange x) throws IOException {
    IncidentReport summary = dash.summary();
    if (summary == null) {
      x.html(503, Layout.error(x.session(), "无法生成", "服务器缺少中文字体（fonts-wqy-microhei），不能生成 PDF。"));
      return;
    }
    Optional<IncidentDesk.View> v = view(x);
    if (v.isPresent()) {
      byte[] pdf = summary.pdf(v.get(), dash.desk().now());
      x.download("application/pdf", IncidentReport.fileName(v.get().incident()), pdf);
    }
  }
}
