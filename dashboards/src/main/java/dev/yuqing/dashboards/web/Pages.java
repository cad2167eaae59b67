package dev.yuqing.dashboards.web;

import static dev.yuqing.dashboards.web.Html.esc;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.dashboards.AlertChange;
import dev.yuqing.dashboards.insight.Insights.Granularity;
import dev.yuqing.dashboards.insight.Stats;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import dev.yuqing.index.SignalKind;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboard's pages and JSON endpoints. Pages are rendered here with every value escaped;
 * charts and live refresh are drawn by /static/app.js from the JSON endpoints, using textContent
 * only.
 */
final class Pages {
  static final List<Integer> DAY_CHOICES = List.of(1, 3, 7, 14, 30, 90, 365);
  private static final int ALERT_LIMIT = 500;

  private final Dashboard dash;

  Pages(Dashboard dash) {
    this.dash = dash;
  }

  // ---------------------------------------------------------------- overview

  void overview(Exchange x) throws IOException {
    String project = dash.project(x.param("project"));
    int days = days(x.param("days"));
    StringBuilder b = new StringBuilder();
    b.append("<form method=\"get\" action=\"/overview\" class=\"toolbar\" id=\"overview-form\">")
        .append("<label>项目 <select name=\"project\" id=\"project-select\" class=\"autosubmit\">");
    for (ProjectConfig p : dash.projects()) {
      option(b, p.name(), p.name(), p.name().equals(project));
    }
    b.append("</select></label><label>时间范围 <select name=\"days\" id=\"days-select\"")
        .append(" class=\"autosubmit\">");
    for (int d : DAY_CHOICES) {
      option(b, String.valueOf(d), d == 1 ? "最近 1 天" : "最近 " + d + " 天", d == days);
    }
    b.append("</select></label><noscript><button type=\"submit\">切换</button></noscript>")
        .append("<span class=\"range\" id=\"range\"></span>")
        .append("<span class=\"updated\">更新于 <span id=\"updated-at\">—</span></span></form>");
    b.append("<div id=\"overview\" data-api=\"/api/overview?project=")
        .append(esc(Html.q(project)))
        .append("&amp;days=")
        .append(days)
        .append("\" data-refresh=\"")
        .append(Math.max(5, dash.config().refreshInterval().toSeconds()))
        .append("\">");
    b.append("<section class=\"cards\">");
    card(b, "stat-total", "帖子总数");
    card(b, "stat-negative", "负面帖子");
    card(b, "stat-negshare", "负面占比");
    card(b, "stat-open-alerts", "未处理预警");
    b.append("</section>");
    b.append("<section class=\"panel wide\"><h2>声量与情感走势（竖线为预警）</h2>")
        .append("<div class=\"chart\" id=\"chart-volume\"></div></section>");
    b.append("<section class=\"grid\">")
        .append(
            "<div class=\"panel\"><h2>话题分布</h2><div class=\"chart\" id=\"chart-topics\"></div></div>")
        .append(
            "<div class=\"panel\"><h2>来源分布</h2><div class=\"chart\" id=\"chart-sources\"></div></div>")
        .append(
            "<div class=\"panel\"><h2>热门关键词</h2><ol class=\"words\" id=\"keywords\"></ol></div>")
        .append("<div class=\"panel\"><h2>关键业主 · 最活跃</h2>")
        .append("<table class=\"list\" id=\"authors-active\"><thead><tr><th>作者</th><th>帖子</th>")
        .append("<th>负面</th><th>互动</th></tr></thead><tbody></tbody></table></div>")
        .append("<div class=\"panel\"><h2>关键业主 · 最受关注</h2>")
        .append("<table class=\"list\" id=\"authors-followed\"><thead><tr><th>作者</th><th>帖子</th>")
        .append("<th>负面</th><th>互动</th></tr></thead><tbody></tbody></table></div>")
        .append("<div class=\"panel\"><h2>最新预警</h2><ul class=\"alerts\" id=\"recent-alerts\"></ul>")
        .append("</div></section></div>");
    x.html(200, Layout.page("总览", "/overview", x.session(), b.toString()));
  }

  void overviewApi(Exchange x) throws IOException {
    String project = dash.project(x.param("project"));
    int days = days(x.param("days"));
    Instant now = dash.clock().instant();
    Instant latest = dash.insights().latest(project).orElse(now);
    Instant end = latest.isAfter(now) ? now : latest;
    // the window ends with the day of the newest post, so a replay of older data still shows
    Instant to = end.atZone(dash.zone()).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
    Instant from = to.atZone(dash.zone()).minusDays(days).toInstant();
    Granularity g = days <= 3 ? Granularity.HOUR : Granularity.DAY;
    Stats s = dash.insights().stats(project, from, to, g);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("project", project);
    m.put("from", from);
    m.put("to", to);
    m.put("granularity", g.name().toLowerCase(Locale.ROOT));
    m.put("total", s.total());
    m.put("negative", s.negative());
    m.put("neutral", s.neutral());
    m.put("positive", s.positive());
    m.put("negativeShare", s.negativeShare());
    List<String> times = new ArrayList<>();
    List<Long> neg = new ArrayList<>();
    List<Long> neu = new ArrayList<>();
    List<Long> pos = new ArrayList<>();
    for (Stats.Bucket bucket : s.buckets()) {
      times.add(bucketLabel(bucket.start(), g));
      neg.add(bucket.negative());
      neu.add(bucket.neutral());
      pos.add(bucket.positive());
    }
    m.put("times", times);
    m.put("series", Map.of("negative", neg, "neutral", neu, "positive", pos));
    List<Map<String, Object>> markers = new ArrayList<>();
    List<Alert> alerts = dash.alerts().list(project, Set.of(), ALERT_LIMIT);
    long open = 0;
    for (Alert a : alerts) {
      if (a.state() != AlertState.RESOLVED) {
        open++;
      }
      if (a.firstAt() != null && !a.firstAt().isBefore(from) && a.firstAt().isBefore(to)) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("id", a.id());
        am.put("time", bucketLabel(bucketStart(a.firstAt(), g), g));
        am.put("grade", a.grade().level());
        am.put("state", a.state().chinese());
        am.put("reason", a.reason());
        markers.add(am);
      }
    }
    m.put("alerts", markers);
    m.put("openAlerts", open);
    m.put(
        "topics",
        s.topics().stream()
            .map(
                t ->
                    Map.of("name", t.topic().label(), "count", t.count(), "negative", t.negative()))
            .toList());
    m.put(
        "sources",
        s.sources().stream().map(c -> Map.of("name", c.name(), "count", c.count())).toList());
    m.put(
        "keywords",
        s.keywords().stream().map(c -> Map.of("name", c.name(), "count", c.count())).toList());
    m.put("activeAuthors", authors(s.authors()));
    m.put("followedAuthors", authors(s.followed()));
    m.put("updatedAt", Html.time(now, dash.zone()));
    m.put(
        "range",
        Html.time(from, dash.zone()).substring(0, 10)
            + " 至 "
            + Html.time(to.minusSeconds(1), dash.zone()).substring(0, 10));
    x.json(200, m);
  }

  private static List<Map<String, Object>> authors(List<Stats.AuthorStat> l) {
    return l.stream()
        .limit(10)
        .map(
            a ->
                Map.<String, Object>of(
                    "name", a.name(),
                    "posts", a.posts(),
                    "negative", a.negative(),
                    "engagement", a.engagement()))
        .toList();
  }

  private Instant bucketStart(Instant t, Granularity g) {
    return t.atZone(dash.zone())
        .truncatedTo(g == Granularity.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS)
        .toInstant();
  }

  private String bucketLabel(Instant t, Granularity g) {
    String s = Html.time(t, dash.zone());
    return g == Granularity.HOUR ? s.substring(5) : s.substring(0, 10);
  }

  private static int days(String s) {
    try {
      int d = s == null ? 30 : Integer.parseInt(s);
      return DAY_CHOICES.contains(d) ? d : 30;
    } catch (NumberFormatException e) {
      return 30;
    }
  }

  private static void card(StringBuilder b, String id, String label) {
    b.append("<div class=\"card\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\" id=\"")
        .append(id)
        .append("\">—</div></div>");
  }

  private static void option(StringBuilder b, String value, String label, boolean selected) {
    b.append("<option value=\"")
        .append(esc(value))
        .append('"')
        .append(selected ? " selected" : "")
        .append('>')
        .append(esc(label))
        .append("</option>");
  }

  // ---------------------------------------------------------------- alerts

  void alerts(Exchange x) throws IOException {
    String stateParam = x.param("state");
    Set<AlertState> states = states(stateParam);
    String project = x.param("project") == null ? null : dash.project(x.param("project"));
    List<Alert> list = dash.alerts().list(project, states, ALERT_LIMIT);
    StringBuilder b = new StringBuilder();
    b.append("<h1>预警列表</h1><form method=\"get\" action=\"/alerts\" class=\"toolbar\">")
        .append("<label>状态 <select name=\"state\" class=\"autosubmit\">");
    option(b, "open", "未解除", stateParam == null || stateParam.equals("open"));
    for (AlertState s : AlertState.values()) {
      option(b, s.json(), s.chinese(), s.json().equals(stateParam));
    }
    option(b, "all", "全部", "all".equals(stateParam));
    b.append("</select></label><label>项目 <select name=\"project\" class=\"autosubmit\">");
    option(b, "", "全部项目", project == null);
    for (ProjectConfig p : dash.projects()) {
      option(b, p.name(), p.name(), p.name().equals(project));
    }
    b.append("</select></label><noscript><button type=\"submit\">筛选</button></noscript></form>");
    if (list.isEmpty()) {
      b.append("<p class=\"empty\">没有符合条件的预警。</p>");
    } else {
      b.append("<table class=\"list alerts-table\" id=\"alerts-table\"><thead><tr><th>级别</th>")
          .append("<th>项目</th><th>原因</th><th>开始</th><th>更新</th><th>帖子数</th><th>状态</th>");
      if (x.session().admin()) {
        b.append("<th>处理</th>");
      }
      b.append("</tr></thead><tbody>");
      for (Alert a : list) {
        b.append("<tr id=\"alert-")
            .append(esc(a.id()))
            .append("\" data-alert-id=\"")
            .append(esc(a.id()))
            .append("\"><td><span class=\"grade grade-")
            .append(a.grade().json())
            .append("\">")
            .append(a.grade().level())
            .append(a.grade().word())
            .append("</span></td><td>")
            .append(esc(a.project()))
            .append("</td><td><a href=\"/alerts/")
            .append(esc(Html.q(a.id())))
            .append("\">")
            .append(esc(a.reason() == null ? a.ruleType() : a.reason()))
            .append("</a></td><td>")
            .append(Html.time(a.firstAt(), dash.zone()))
            .append("</td><td>")
            .append(Html.time(a.updatedAt(), dash.zone()))
            .append("</td><td>")
            .append(a.count())
            .append("</td><td class=\"state\" data-state=\"")
            .append(a.state().json())
            .append("\">")
            .append(a.state().chinese())
            .append("</td>");
        if (x.session().admin()) {
          b.append("<td>").append(actions(x.session(), a, "/alerts")).append("</td>");
        }
        b.append("</tr>");
      }
      b.append("</tbody></table>");
    }
    x.html(200, Layout.page("预警", "/alerts", x.session(), b.toString()));
  }

  void alertsApi(Exchange x) throws IOException {
    Set<AlertState> states = states(x.param("state"));
    String project = x.param("project") == null ? null : dash.project(x.param("project"));
    x.json(200, Map.of("alerts", dash.alerts().list(project, states, ALERT_LIMIT)));
  }

  void alert(Exchange x) throws IOException {
    String id = x.pathParam("id");
    var found = dash.alerts().get(id);
    if (found.isEmpty()) {
      x.html(404, Layout.error(x.session(), "预警不存在", "找不到该预警。"));
      return;
    }
    Alert a = found.get();
    StringBuilder b = new StringBuilder();
    b.append("<article class=\"alert-detail\" id=\"alert-")
        .append(esc(a.id()))
        .append("\"><h1><span class=\"grade grade-")
        .append(a.grade().json())
        .append("\">")
        .append(a.grade().level())
        .append(a.grade().word())
        .append("</span> ")
        .append(esc(a.project()))
        .append("</h1><p class=\"reason\">")
        .append(esc(a.reason()))
        .append("</p><dl class=\"facts\">");
    fact(
        b,
        "状态",
        "<span class=\"state\" data-state=\""
            + a.state().json()
            + "\">"
            + a.state().chinese()
            + "</span>");
    fact(b, "规则", esc(a.rule()) + "（" + esc(a.ruleType()) + "）");
    fact(b, "话题", esc(a.topic() == null ? String.join("、", a.topTopics()) : a.topic()));
    fact(b, "开始", Html.time(a.firstAt(), dash.zone()));
    fact(b, "更新", Html.time(a.updatedAt(), dash.zone()) + "（第 " + a.revision() + " 版）");
    fact(b, "帖子数", a.count() + "（基线 " + String.format(Locale.ROOT, "%.1f", a.baseline()) + "）");
    fact(b, "关键词", esc(String.join("、", a.topKeywords())));
    b.append("</dl>");
    if (x.session().admin()) {
      b.append("<div class=\"actions\">")
          .append(actions(x.session(), a, "/alerts/" + a.id()))
          .append("</div>");
    }
    b.append("<h2>代表帖子</h2><ul class=\"posts\">");
    for (AlertPost p : a.posts()) {
      b.append("<li><a href=\"/posts/")
          .append(esc(Html.q(p.id())))
          .append("\">")
          .append(esc(p.title() == null || p.title().isBlank() ? "（无标题）" : p.title()))
          .append("</a> <span class=\"meta\">")
          .append(esc(p.author()))
          .append(" · ")
          .append(Html.time(p.publishedAt(), dash.zone()))
          .append("</span><p class=\"excerpt\">")
          .append(esc(p.excerpt()))
          .append("</p></li>");
    }
    b.append("</ul><h2>处理经过</h2><ol class=\"timeline\" id=\"alert-history\">");
    for (AlertChange c : dash.alerts().history(a.id())) {
      b.append("<li><time>")
          .append(Html.time(c.at(), dash.zone()))
          .append("</time> ")
          .append(esc(c.text()))
          .append("</li>");
    }
    b.append("</ol></article>");
    x.html(200, Layout.page("预警详情", "/alerts", x.session(), b.toString()));
  }

  void acknowledge(Exchange x) throws IOException {
    change(x, true);
  }

  void resolve(Exchange x) throws IOException {
    change(x, false);
  }

  private void change(Exchange x, boolean ack) throws IOException {
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
            : "/alerts/" + Html.q(a.id()));
  }

  private static String actions(Session s, Alert a, String back) {
    StringBuilder b = new StringBuilder();
    if (a.state() == AlertState.FIRING || a.state() == AlertState.ESCALATED) {
      b.append(actionForm(s, a, "ack", "确认", back));
    }
    if (a.state() != AlertState.RESOLVED) {
      b.append(actionForm(s, a, "resolve", "解除", back));
    }
    return b.toString();
  }

  private static String actionForm(Session s, Alert a, String action, String label, String back) {
    return "<form method=\"post\" class=\"inline\" action=\"/alerts/"
        + esc(Html.q(a.id()))
        + "/"
        + action
        + "\">"
        + Layout.csrfField(s)
        + "<input type=\"hidden\" name=\"back\" value=\""
        + esc(back)
        + "\"><button type=\"submit\" class=\"btn-"
        + action
        + "\">"
        + label
        + "</button></form>";
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

  private static void fact(StringBuilder b, String term, String html) {
    b.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
  }

  // ---------------------------------------------------------------- search

  /** A search request from the query string; a bad value is a user error with a Chinese message. */
  private SearchRequest searchRequest(Exchange x) {
    String q = x.param("q");
    String project = x.param("project") == null ? null : dash.project(x.param("project"));
    Set<SentimentLabel> sentiments = EnumSet.noneOf(SentimentLabel.class);
    for (String s : x.params("sentiment")) {
      if (!s.isBlank()) {
        try {
          sentiments.add(SentimentLabel.parse(s));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("情感只能是 negative、neutral 或 positive");
        }
      }
    }
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (String t : x.params("topic")) {
      if (!t.isBlank()) {
        try {
          topics.add(Topic.parse(t));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("未知话题：" + t);
        }
      }
    }
    Set<String> sources = x.param("source") == null ? Set.of() : Set.of(x.param("source"));
    Instant from = date(x.param("from"), "起始日期", 0);
    Instant to = date(x.param("to"), "结束日期", 1);
    SearchRequest.Sort sort = null;
    if (x.param("sort") != null) {
      try {
        sort = SearchRequest.Sort.valueOf(x.param("sort").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("排序只能是 time、relevance 或 engagement");
      }
    }
    Set<SignalKind> signals = EnumSet.noneOf(SignalKind.class);
    for (String k : x.params("signal")) {
      if (!k.isBlank()) {
        try {
          signals.add(SignalKind.parse(k));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("未知信号：" + k);
        }
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadRequest("起始日期应早于结束日期");
    }
    try {
      return SearchRequest.builder()
          .query(q)
          .project(project)
          .from(from)
          .to(to)
          .sentiments(sentiments)
          .topics(topics)
          .sources(sources)
          .author(x.param("author"))
          .signals(signals)
          .sort(sort)
          .size(20)
          .after(x.param("after"))
          .highlight(q != null)
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("搜索条件有误：" + e.getMessage());
    }
  }

  /**
   * A day (2024-05-01: its start, or the start of the next day for an end) or an ISO instant
   * (2024-05-01T08:00:00Z, as alert mails link to).
   */
  private Instant date(String s, String what, int plusDays) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s).plusDays(plusDays).atStartOfDay(dash.zone()).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new BadRequest(what + "格式应为 2024-05-01 或 2024-05-01T08:00:00Z");
      }
    }
  }

  void search(Exchange x) throws IOException {
    SearchRequest req;
    String error = null;
    try {
      req = searchRequest(x);
    } catch (BadRequest e) {
      req = null;
      error = e.getMessage();
    }
    StringBuilder b = new StringBuilder();
    b.append("<h1>搜索</h1><form method=\"get\" action=\"/search\" class=\"search-form\"")
        .append(" id=\"search-form\"><input type=\"search\" name=\"q\" id=\"q\" placeholder=\"")
        .append("关键词，如 漏水、延期交房\" value=\"")
        .append(esc(x.param("q")))
        .append("\"><label>项目 <select name=\"project\">");
    option(b, "", "全部", x.param("project") == null);
    for (ProjectConfig p : dash.projects()) {
      option(b, p.name(), p.name(), p.name().equals(x.param("project")));
    }
    b.append("</select></label><label>情感 <select name=\"sentiment\">");
    option(b, "", "全部", x.param("sentiment") == null);
    for (SentimentLabel s : SentimentLabel.values()) {
      option(b, s.json(), s.chinese(), s.json().equals(x.param("sentiment")));
    }
    b.append("</select></label><label>话题 <select name=\"topic\">");
    option(b, "", "全部", x.param("topic") == null);
    for (Topic t : Topic.values()) {
      option(b, t.label(), t.label(), t.label().equals(x.param("topic")));
    }
    b.append("</select></label><label>来源 <input name=\"source\" size=\"10\" value=\"")
        .append(esc(x.param("source")))
        .append(
            "\"></label><label>从 <input name=\"from\" size=\"11\" placeholder=\"2024-05-01\" value=\"")
        .append(esc(x.param("from")))
        .append(
            "\"></label><label>到 <input name=\"to\" size=\"11\" placeholder=\"2024-05-31\" value=\"")
        .append(esc(x.param("to")))
        .append("\"></label><label>排序 <select name=\"sort\">");
    option(b, "", "默认", x.param("sort") == null);
    option(b, "time", "最新", "time".equals(x.param("sort")));
    option(b, "relevance", "相关度", "relevance".equals(x.param("sort")));
    option(b, "engagement", "互动量", "engagement".equals(x.param("sort")));
    b.append("</select></label><button type=\"submit\" id=\"search-submit\">搜索</button></form>");
    String alertId = x.param("alert");
    if (alertId != null) {
      dash.alerts()
          .get(alertId)
          .ifPresent(
              a ->
                  b.append("<p class=\"banner\">预警相关帖子：<a href=\"/alerts/")
                      .append(esc(Html.q(a.id())))
                      .append("\">")
                      .append(a.grade().level())
                      .append(a.grade().word())
                      .append(" · ")
                      .append(esc(a.reason()))
                      .append("</a></p>"));
    }
    int status = 200;
    if (error != null) {
      status = 400;
      b.append("<p class=\"error\">").append(esc(error)).append("</p>");
    } else {
      SearchResult r = dash.index().search(req);
      b.append("<p class=\"count\" id=\"result-count\">共 ")
          .append(r.total())
          .append(" 条结果</p><ol class=\"results\" id=\"results\">");
      for (SearchResult.Hit h : r.hits()) {
        result(b, h);
      }
      b.append("</ol>");
      if (r.nextCursor() != null && !r.hits().isEmpty()) {
        b.append("<p class=\"more\"><a id=\"next-page\" href=\"/search?")
            .append(esc(nextPageQuery(x, r.nextCursor())))
            .append("\">下一页</a></p>");
      }
    }
    x.html(status, Layout.page("搜索", "/search", x.session(), b.toString()));
  }

  private void result(StringBuilder b, SearchResult.Hit h) {
    TaggedPost t = h.post();
    Post p = t.post();
    String titleHtml =
        h.highlights().containsKey("title")
            ? Html.highlight(h.highlights().get("title"))
            : esc(p.title() == null || p.title().isBlank() ? excerpt(p.text(), 40) : p.title());
    String textHtml =
        h.highlights().containsKey("text")
            ? Html.highlight(h.highlights().get("text"))
            : esc(excerpt(p.text(), 160));
    b.append("<li class=\"result\" data-post-id=\"")
        .append(esc(p.id()))
        .append("\"><a class=\"title\" href=\"/posts/")
        .append(esc(Html.q(p.id())))
        .append("\">")
        .append(titleHtml)
        .append("</a><p class=\"excerpt\">")
        .append(textHtml)
        .append("</p><p class=\"meta\">");
    sentiment(b, t);
    b.append(" ")
        .append(esc(t.topics().stream().map(Topic::label).collect(Collectors.joining(" "))))
        .append(" · ")
        .append(esc(p.author() == null ? "匿名" : p.author()))
        .append(" · ")
        .append(esc(p.sourceId()))
        .append(" · ")
        .append(Html.time(p.eventTime(), dash.zone()))
        .append("</p></li>");
  }

  private static void sentiment(StringBuilder b, TaggedPost t) {
    b.append("<span class=\"sentiment s-")
        .append(t.sentiment().label().json())
        .append("\">")
        .append(t.sentiment().label().chinese())
        .append("</span>");
  }

  private static String nextPageQuery(Exchange x, String cursor) {
    StringBuilder q = new StringBuilder();
    for (String name :
        List.of("q", "project", "sentiment", "topic", "source", "from", "to", "sort")) {
      String v = x.param(name);
      if (v != null) {
        q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(Html.q(v));
      }
    }
    q.append(q.length() == 0 ? "" : "&").append("after=").append(Html.q(cursor));
    return q.toString();
  }

  void searchApi(Exchange x) throws IOException {
    SearchRequest req;
    try {
      req = searchRequest(x);
    } catch (BadRequest e) {
      x.json(400, Map.of("error", e.getMessage()));
      return;
    }
    SearchResult r = dash.index().search(req);
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      Post p = h.post().post();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("title", p.title());
      m.put("excerpt", excerpt(p.text(), 160));
      m.put("author", p.author());
      m.put("source", p.sourceId());
      m.put("time", p.eventTime());
      m.put("sentiment", h.post().sentiment().label().json());
      m.put("topics", h.post().topics().stream().map(Topic::label).toList());
      hits.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", r.total());
    out.put("hits", hits);
    out.put("next", r.nextCursor());
    x.json(200, out);
  }

  // ---------------------------------------------------------------- post

  void post(Exchange x) throws IOException {
    var found = dash.index().get(x.pathParam("id"));
    if (found.isEmpty()) {
      x.html(404, Layout.error(x.session(), "帖子不存在", "索引中找不到该帖子。"));
      return;
    }
    TaggedPost t = found.get();
    Post p = t.post();
    StringBuilder b = new StringBuilder();
    b.append("<article class=\"post\" id=\"post\"><h1 id=\"post-title\">")
        .append(esc(p.title() == null || p.title().isBlank() ? "（无标题）" : p.title()))
        .append("</h1><p class=\"meta\">");
    sentiment(b, t);
    b.append(" ")
        .append(esc(p.author() == null ? "匿名" : p.author()))
        .append(" · 来源 ")
        .append(esc(p.sourceId()))
        .append(" · 发布 ")
        .append(Html.time(p.publishedAt(), dash.zone()))
        .append("</p><div class=\"text\" id=\"post-text\">")
        .append(esc(p.text()))
        .append("</div><dl class=\"facts\">");
    String link = Html.externalLink(p.url(), p.url());
    fact(b, "原文", link.isEmpty() ? "—" : link);
    fact(b, "项目", esc(String.join("、", p.projects())));
    fact(b, "话题", esc(t.topics().stream().map(Topic::label).collect(Collectors.joining("、"))));
    fact(b, "关键词", esc(String.join("、", t.keywords())));
    fact(b, "情感置信度", String.format(Locale.ROOT, "%.2f", t.sentiment().score()));
    fact(
        b,
        "回复 / 点赞",
        esc(p.replies() == null ? "—" : p.replies())
            + " / "
            + esc(p.likes() == null ? "—" : p.likes()));
    fact(b, "预警信号", esc(signals(t.signals())));
    b.append("</dl><section class=\"evidence\" id=\"evidence\"><h2>证据保全</h2><dl class=\"facts\">");
    fact(b, "抓取时间", Html.time(p.fetchedAt(), dash.zone()));
    fact(b, "内容哈希（SHA-256）", "<code id=\"content-hash\">" + esc(p.contentHash()) + "</code>");
    fact(b, "版本", p.version() + (p.version() > 1 ? "（内容曾被修改）" : ""));
    fact(
        b,
        "存证记录 ID",
        p.evidenceId() == null
            ? "未保存原始网页"
            : "<code id=\"evidence-id\">" + esc(p.evidenceId()) + "</code>");
    b.append("</dl>");
    List<EvidenceReader.Capture> captures = captures(p.id());
    if (!captures.isEmpty()) {
      b.append(
              "<table class=\"list\" id=\"captures\"><thead><tr><th>版本</th><th>抓取时间（WARC-Date）</th>")
          .append("<th>地址</th><th>记录 SHA-256</th><th>链式哈希</th><th></th></tr></thead><tbody>");
      for (EvidenceReader.Capture c : captures) {
        b.append("<tr><td>")
            .append(c.version())
            .append("</td><td>")
            .append(esc(c.entry().date()))
            .append("</td><td>")
            .append(esc(c.entry().url()))
            .append("</td><td><code class=\"hash\">")
            .append(esc(c.entry().sha256()))
            .append("</code></td><td><code class=\"hash\">")
            .append(esc(c.entry().chain()))
            .append("</code></td><td><a href=\"/posts/")
            .append(esc(Html.q(p.id())))
            .append("/evidence/")
            .append(c.version())
            .append("\">下载 WARC 记录</a></td></tr>");
      }
      b.append(
          "</tbody></table><p class=\"meta\">用 <code>yuqing evidence verify</code> 校验整条哈希链。</p>");
    } else if (p.evidenceId() != null) {
      b.append("<p class=\"meta\">本机未找到该存证记录（证据目录不在此数据目录下）。</p>");
    }
    b.append("</section></article>");
    x.html(200, Layout.page("帖子详情", "/search", x.session(), b.toString()));
  }

  /** The captures of a post, or none when there is no evidence store. */
  private List<EvidenceReader.Capture> captures(String postId) {
    return dash.evidence() == null ? List.of() : dash.evidence().forPost(postId);
  }

  /** Serves one capture's WARC record, byte for byte as stored (decompressed), for legal. */
  void evidence(Exchange x) throws IOException {
    String id = x.pathParam("id");
    String version = x.pathParam("version");
    for (EvidenceReader.Capture c : captures(id)) {
      if (String.valueOf(c.version()).equals(version)) {
        x.download(
            "application/warc", id + "-v" + version + ".warc", dash.evidence().read(c.entry()));
        return;
      }
    }
    x.html(404, Layout.error(x.session(), "存证不存在", "找不到该帖子的这一版存证。"));
  }

  private static String signals(Signals s) {
    List<String> l = new ArrayList<>();
    if (s.mobilization()) {
      String when = s.mobilizationTime() == null ? "" : " 时间：" + s.mobilizationTime();
      String where = s.mobilizationPlace() == null ? "" : " 地点：" + s.mobilizationPlace();
      l.add("串联聚集" + when + where);
    }
    if (s.media()) {
      l.add("媒体介入");
    }
    if (s.government()) {
      l.add("政府部门介入");
    }
    if (!s.criticalWords().isEmpty()) {
      l.add("敏感词：" + String.join("、", s.criticalWords()));
    }
    if (s.intensity() >= 0.5) {
      l.add(String.format(Locale.ROOT, "情绪激烈（%.2f）", s.intensity()));
    }
    return l.isEmpty() ? "无" : String.join("；", l);
  }

  static String excerpt(String text, int max) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }

  /** A bad query parameter: the page says what to fix. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
