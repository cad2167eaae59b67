package dev.yuqing.dashboards.web;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.dashboards.AlertChange;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jsoup.nodes.Element;

/** The alerts inbox, one alert with its posts and history, and the admins' acknowledge/resolve. */
final class AlertsPage {
  /** At most this many alerts are listed. */
  static final int LIMIT = 500;

  private final Dashboard dash;

  AlertsPage(Dashboard dash) {
    this.dash = dash;
  }

  /**
   * Which alerts the inbox lists.
   *
   * @param state the state asked for as given ({@code open}, {@code all}, a state), or null
   * @param states the states it means; empty: all
   * @param project a configured project, or null for all
   */
  record Filter(String state, Set<AlertState> states, String project) {
    static Filter of(DashboardExchange x, Dashboard dash) {
      String p = x.param("state");
      return new Filter(
          p, states(p), x.param("project") == null ? null : dash.project(x.param("project")));
    }

    private static Set<AlertState> states(String p) {
      if (p == null || p.equals("open")) {
        return EnumSet.of(AlertState.FIRING, AlertState.ESCALATED, AlertState.ACKNOWLEDGED);
      }
      if (p.equals("all")) {
        return Set.of();
      }
      try {
        return EnumSet.of(AlertState.parse(p));
      } catch (IllegalArgumentException e) {
        return Set.of();
      }
    }
  }

  void list(DashboardExchange x) throws IOException {
    Filter f = Filter.of(x, dash);
    List<Alert> alerts = dash.alerts().list(f.project(), f.states(), LIMIT);
    x.html(200, Layout.page("预警", "/alerts", x.session(), main -> list(main, x, f, alerts)));
  }

  private void list(Element main, DashboardExchange x, Filter f, List<Alert> alerts) {
    main.appendElement("h1").text("预警列表");
    Element form = Markup.getForm(main, "/alerts").addClass("toolbar");
    Element state = Markup.select(form, "状态", "state").addClass("autosubmit");
    Markup.option(state, "open", "未解除", f.state() == null || f.state().equals("open"));
    for (AlertState s : AlertState.values()) {
      Markup.option(state, s.json(), s.chinese(), s.json().equals(f.state()));
    }
    Markup.option(state, "all", "全部", "all".equals(f.state()));
    Element project = Markup.select(form, "项目", "project").addClass("autosubmit");
    Markup.option(project, "", "全部项目", f.project() == null);
    for (ProjectConfig p : dash.projects()) {
      Markup.option(project, p.name(), p.name(), p.name().equals(f.project()));
    }
    form.appendElement("noscript").appendElement("button").attr("type", "submit").text("筛选");
    if (alerts.isEmpty()) {
      main.appendElement("p").addClass("empty").text("没有符合条件的预警。");
      return;
    }
    boolean admin = x.session().admin();
    Element table =
        main.appendElement("table").addClass("list").addClass("alerts-table").id("alerts-table");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("级别", "项目", "原因", "开始", "更新", "帖子数", "状态")) {
      head.appendElement("th").text(h);
    }
    if (admin) {
      head.appendElement("th").text("处理");
    }
    Element body = table.appendElement("tbody");
    for (Alert a : alerts) {
      Element row = body.appendElement("tr").id("alert-" + a.id()).attr("data-alert-id", a.id());
      Markup.grade(row.appendElement("td"), a.grade());
      row.appendElement("td").text(Markup.text(a.project()));
      row.appendElement("td")
          .appendElement("a")
          .attr("href", "/alerts/" + Markup.q(a.id()))
          .text(Markup.text(a.reason() == null ? a.ruleType() : a.reason()));
      row.appendElement("td").text(Markup.time(a.firstAt(), dash.zone()));
      row.appendElement("td").text(Markup.time(a.updatedAt(), dash.zone()));
      row.appendElement("td").text(String.valueOf(a.count()));
      state(row.appendElement("td"), a.state());
      if (admin) {
        actions(row.appendElement("td"), x.session(), a, "/alerts");
      }
    }
  }

  /** {@code /api/alerts}: the inbox as JSON. */
  void api(DashboardExchange x) throws IOException {
    Filter f = Filter.of(x, dash);
    x.json(200, Map.of("alerts", dash.alerts().list(f.project(), f.states(), LIMIT)));
  }

  void detail(DashboardExchange x) throws IOException {
    var found = dash.alerts().get(x.pathParam("id"));
    if (found.isEmpty()) {
      x.html(404, Layout.error(x.session(), "预警不存在", "找不到该预警。"));
      return;
    }
    Alert a = found.get();
    List<AlertChange> history = dash.alerts().history(a.id());
    x.html(200, Layout.page("预警详情", "/alerts", x.session(), main -> detail(main, x, a, history)));
  }

  private void detail(Element main, DashboardExchange x, Alert a, List<AlertChange> history) {
    Element article = main.appendElement("article").addClass("alert-detail").id("alert-" + a.id());
    Element h1 = article.appendElement("h1");
    Markup.grade(h1, a.grade());
    h1.appendText(" " + Markup.text(a.project()));
    article.appendElement("p").addClass("reason").text(Markup.text(a.reason()));
    Element facts = article.appendElement("dl").addClass("facts");
    state(Markup.fact(facts, "状态", "").appendElement("span"), a.state());
    Markup.fact(facts, "规则", Markup.text(a.rule()) + "（" + Markup.text(a.ruleType()) + "）");
    Markup.fact(facts, "话题", a.topic() == null ? String.join("、", a.topTopics()) : a.topic());
    Markup.fact(facts, "开始", Markup.time(a.firstAt(), dash.zone()));
    Markup.fact(
        facts, "更新", Markup.time(a.updatedAt(), dash.zone()) + "（第 " + a.revision() + " 版）");
    Markup.fact(
        facts, "帖子数", a.count() + "（基线 " + String.format(Locale.ROOT, "%.1f", a.baseline()) + "）");
    Markup.fact(facts, "关键词", String.join("、", a.topKeywords()));
    if (x.session().admin()) {
      actions(
          article.appendElement("div").addClass("actions"), x.session(), a, "/alerts/" + a.id());
    }
    article.appendElement("h2").text("代表帖子");
    Element posts = article.appendElement("ul").addClass("posts");
    for (AlertPost p : a.posts()) {
      Element li = posts.appendElement("li");
      li.appendElement("a")
          .attr("href", "/posts/" + Markup.q(p.id()))
          .text(p.title() == null || p.title().isBlank() ? "（无标题）" : p.title());
      li.appendText(" ");
      li.appendElement("span")
          .addClass("meta")
          .text(Markup.text(p.author()) + " · " + Markup.time(p.publishedAt(), dash.zone()));
      li.appendElement("p").addClass("excerpt").text(Markup.text(p.excerpt()));
    }
    article.appendElement("h2").text("处理经过");
    Element timeline = article.appendElement("ol").addClass("timeline").id("alert-history");
    for (AlertChange c : history) {
      Element li = timeline.appendElement("li");
      li.appendElement("time").text(Markup.time(c.at(), dash.zone()));
      li.appendText(" " + Markup.text(c.text()));
    }
  }

  void acknowledge(DashboardExchange x) throws IOException {
    change(x, true);
  }

  void resolve(DashboardExchange x) throws IOException {
    change(x, false);
  }

  private void change(DashboardExchange x, boolean ack) throws IOException {
    String id = x.pathParam("id");
    Alert a;
    try {
      a =
          ack
              ? dash.alerts().acknowledge(id, x.session().user())
              : dash.alerts().resolve(id, x.session().user());
    } catch (NoSuchElementException e) {
      x.html(404, Layout.error(x.session(), "预警不存在", "找不到该预警。"));
      return;
    } catch (IllegalStateException e) {
      x.html(409, Layout.error(x.session(), "无法操作", "该预警已解除，不能再确认。"));
      return;
    }
    if ("fetch".equals(x.header("X-Requested-With"))) {
      x.json(200, Map.of("id", a.id(), "state", a.state().json(), "label", a.state().chinese()));
      return;
    }
    String back = x.form("back");
    x.redirect(
        back != null && (back.equals("/alerts") || back.startsWith("/alerts/"))
            ? LoginPage.safeNext(back)
            : "/alerts/" + Markup.q(a.id()));
  }

  /** Marks {@code e} as showing an alert's state (app.js updates it after an action). */
  private static void state(Element e, AlertState state) {
    e.addClass("state").attr("data-state", state.json()).text(state.chinese());
  }

  private static void actions(Element into, Session s, Alert a, String back) {
    if (a.state() == AlertState.FIRING || a.state() == AlertState.ESCALATED) {
      actionForm(into, s, a, "ack", "确认", back);
    }
    if (a.state() != AlertState.RESOLVED) {
      actionForm(into, s, a, "resolve", "解除", back);
    }
  }

  private static void actionForm(
      Element into, Session s, Alert a, String action, String label, String back) {
    Element form =
        into.appendElement("form")
            .attr("method", "post")
            .addClass("inline")
            .attr("action", "/alerts/" + Markup.q(a.id()) + "/" + action);
    Layout.csrfField(form, s);
    form.appendElement("input").attr("type", "hidden").attr("name", "back").attr("value", back);
    form.appendElement("button").attr("type", "submit").addClass("btn-" + action).text(label);
  }
}
