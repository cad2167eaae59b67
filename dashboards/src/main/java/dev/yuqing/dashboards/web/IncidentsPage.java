package dev.yuqing.dashboards.web;

import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.dashboards.IncidentDesk;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jsoup.nodes.Element;

/**
 * The incident desk's inbox (open incidents by grade and nearest deadline, overdue ones in red) and
 * what admins do to an incident: acknowledge, assign, log, resolve, close. Pages listen to {@code
 * /events} and fetch again when the desk changes.
 */
final class IncidentsPage {
  static final int LIMIT = 500;

  private final Dashboard dash;

  IncidentsPage(Dashboard dash) {
    this.dash = dash;
  }

  void list(DashboardExchange x) throws IOException {
    String project = x.param("project") == null ? null : dash.project(x.param("project"));
    boolean all = "all".equals(x.param("state"));
    List<IncidentDesk.Row> rows = dash.desk().inbox(project, !all, LIMIT);
    x.html(
        200,
        Layout.page("事件处置", "/incidents", x.session(), main -> list(main, project, all, rows)));
  }

  private void list(Element main, String project, boolean all, List<IncidentDesk.Row> rows) {
    main.attr("data-live", "/events");
    main.appendElement("h1").text("事件处置台");
    Element form = Markup.getForm(main, "/incidents").addClass("toolbar");
    Element state = Markup.select(form, "范围", "state").addClass("autosubmit");
    Markup.option(state, "open", "未解除", !all);
    Markup.option(state, "all", "全部", all);
    Element p = Markup.select(form, "项目", "project").addClass("autosubmit");
    Markup.option(p, "", "全部项目", project == null);
    for (ProjectConfig c : dash.projects()) {
      Markup.option(p, c.name(), c.name(), c.name().equals(project));
    }
    form.appendElement("noscript").appendElement("button").attr("type", "submit").text("筛选");
    main.appendElement("p").addClass("live").id("live-note").text("");
    if (rows.isEmpty()) {
      main.appendElement("p").addClass("empty").text(all ? "没有事件。" : "没有未解除的事件。");
      return;
    }
    Instant now = dash.desk().now();
    Element table = main.appendElement("table").addClass("list").id("incidents-table");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("级别", "项目", "事件", "状态", "负责", "下一时限", "开启")) {
      head.appendElement("th").text(h);
    }
    Element body = table.appendElement("tbody");
    for (IncidentDesk.Row r : rows) {
      Incident i = r.incident();
      Element tr =
          body.appendElement("tr").id("incident-" + i.id()).attr("data-incident-id", i.id());
      if (r.overdue()) {
        tr.addClass("overdue");
      }
      Markup.grade(tr.appendElement("td"), i.grade());
      tr.appendElement("td").text(i.project());
      tr.appendElement("td")
          .appendElement("a")
          .attr("href", "/incidents/" + Markup.q(i.id()))
          .text(
              i.summary().headline()
                  + (i.members().size() > 1 ? " 等" + i.members().size() + "项" : ""));
      tr.appendElement("td")
          .addClass("state")
          .attr("data-state", i.state().json())
          .text(i.state().chinese());
      Assignment to = i.response().assignment();
      tr.appendElement("td").text(to == null ? "未指派" : to.label());
      tr.appendElement("td").addClass("deadline").text(deadline(r.next(), now));
      tr.appendElement("td").text(Markup.time(i.openedAt(), dash.zone()));
    }
  }

  /** 联系业主 · 03-12 20:31 前（剩3小时） or 联系业主 · 已逾期2小时. */
  static String deadline(IncidentResponse.Status s, Instant now) {
    if (s == null) {
      return "—";
    }
    java.time.Duration left = java.time.Duration.between(now, s.due());
    String when =
        left.isNegative() || left.isZero()
            ? "已逾期"
                + Texts.duration(
                    left.negated()
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .plusMinutes(1))
            : "剩"
                + Texts.duration(
                    left.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1));
    return s.deadline().chinese() + " · " + when;
  }

  void acknowledge(DashboardExchange x) throws IOException {
    act(x, (id, user) -> dash.desk().acknowledge(id, user));
  }

  void assign(DashboardExchange x) throws IOException {
    String department = x.form("department");
    String person = x.form("person");
    if ((department == null) == (person == null)) {
      x.html(400, Layout.error(x.session(), "无法指派", "请选择一个部门，或填写一位负责人（二选一）。"));
      return;
    }
    act(
        x,
        (id, user) ->
            dash.desk()
                .assign(
                    id,
                    department != null ? Assignment.Kind.DEPARTMENT : Assignment.Kind.PERSON,
                    department != null ? department : person,
                    user));
  }

  void log(DashboardExchange x) throws IOException {
    ResponseAction action;
    try {
      action = ResponseAction.parse(x.form("action") == null ? "" : x.form("action"));
    } catch (IllegalArgumentException e) {
      x.html(400, Layout.error(x.session(), "无法记录", "请选择处置类型。"));
      return;
    }
    String text = x.form("text");
    act(x, (id, user) -> dash.desk().log(id, action, text, user));
  }

  void resolve(DashboardExchange x) throws IOException {
    act(x, (id, user) -> dash.desk().resolve(id, user));
  }

  void close(DashboardExchange x) throws IOException {
    act(x, (id, user) -> dash.desk().close(id, user));
  }

  @FunctionalInterface
  private interface Act {
    Incident apply(String id, String user);
  }

  /** Runs a change as the session's user and goes back to the incident's page. */
  private void act(DashboardExchange x, Act a) throws IOException {
    String id = x.pathParam("id");
    Incident i;
    try {
      i = a.apply(id, x.session().user());
    } catch (NoSuchElementException e) {
      x.html(404, Layout.error(x.session(), "事件不存在", "找不到该事件。"));
      return;
    } catch (IllegalStateException e) {
      x.html(409, Layout.error(x.session(), "无法操作", e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      x.html(400, Layout.error(x.session(), "无法操作", e.getMessage()));
      return;
    }
    if ("fetch".equals(x.header("X-Requested-With"))) {
      x.json(200, Map.of("id", i.id(), "state", i.state().json(), "label", i.state().chinese()));
      return;
    }
    x.redirect("/incidents/" + Markup.q(i.id()));
  }
}
