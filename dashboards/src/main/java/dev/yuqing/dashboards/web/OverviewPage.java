package dev.yuqing.dashboards.web;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.dashboards.insight.Insights.Granularity;
import dev.yuqing.dashboards.insight.Stats;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The overview: the page is a frame of cards, charts and tables that /static/app.js fills from
 * {@code /api/overview} (text only) and refreshes on its own.
 */
final class OverviewPage {
  static final List<Integer> DAY_CHOICES = List.of(1, 3, 7, 14, 30, 90, 365);

  private final Dashboard dash;

  OverviewPage(Dashboard dash) {
    this.dash = dash;
  }

  /**
   * What the overview shows.
   *
   * @param project a configured project (the first when none or an unknown one is asked for)
   * @param days one of {@link #DAY_CHOICES} (30 when another is asked for)
   */
  record Params(String project, int days) {
    static Params of(DashboardExchange x, Dashboard dash) {
      return new Params(dash.project(x.param("project")), days(x.param("days")));
    }

    private static int days(String s) {
      try {
        int d = s == null ? 30 : Integer.parseInt(s);
        return DAY_CHOICES.contains(d) ? d : 30;
      } catch (NumberFormatException e) {
        return 30;
      }
    }
  }

  void show(DashboardExchange x) throws IOException {
    Params p = Params.of(x, dash);
    x.html(200, Layout.page("总览", "/overview", x.session(), main -> render(main, p)));
  }

  private void render(Element main, Params p) {
    Element form = Markup.getForm(main, "/overview").addClass("toolbar").id("overview-form");
    Element project =
        Markup.select(form, "项目", "project").id("project-select").addClass("autosubmit");
    for (ProjectConfig c : dash.projects()) {
      Markup.option(project, c.name(), c.name(), c.name().equals(p.project()));
    }
    Element days = Markup.select(form, "时间范围", "days").id("days-select").addClass("autosubmit");
    for (int d : DAY_CHOICES) {
      Markup.option(days, String.valueOf(d), "最近 " + d + " 天", d == p.days());
    }
    form.appendElement("noscript").appendElement("button").attr("type", "submit").text("切换");
    form.appendElement("span").addClass("range").id("range");
    form.appendElement("span")
        .addClass("updated")
        .appendText("更新于 ")
        .appendElement("span")
        .id("updated-at")
        .text("—");

    Element overview =
        main.appendElement("div")
            .id("overview")
            .attr(
                "data-api", "/api/overview?project=" + Markup.q(p.project()) + "&days=" + p.days())
            .attr(
                "data-refresh",
                String.valueOf(Math.max(5, dash.config().refreshInterval().toSeconds())));
    Element cards = overview.appendElement("section").addClass("cards");
    card(cards, "stat-total", "帖子总数");
    card(cards, "stat-negative", "负面帖子");
    card(cards, "stat-negshare", "负面占比");
    card(cards, "stat-open-alerts", "未处理预警");
    Element volume = overview.appendElement("section").addClass("panel").addClass("wide");
    volume.appendElement("h2").text("声量与情感走势（竖线为预警）");
    volume.appendElement("div").addClass("chart").id("chart-volume");
    Element grid = overview.appendElement("section").addClass("grid");
    panel(grid, "话题分布").appendElement("div").addClass("chart").id("chart-topics");
    panel(grid, "来源分布").appendElement("div").addClass("chart").id("chart-sources");
    panel(grid, "热门关键词").appendElement("ol").addClass("words").id("keywords");
    authors(panel(grid, "关键业主 · 最活跃"), "authors-active");
    authors(panel(grid, "关键业主 · 最受关注"), "authors-followed");
    panel(grid, "最新预警").appendElement("ul").addClass("alerts").id("recent-alerts");
  }

  private static void card(Element cards, String id, String label) {
    Element card = cards.appendElement("div").addClass("card");
    card.appendElement("div").addClass("label").text(label);
    card.appendElement("div").addClass("value").id(id).text("—");
  }

  private static Element panel(Element grid, String title) {
    Element panel = grid.appendElement("div").addClass("panel");
    panel.appendElement("h2").text(title);
    return panel;
  }

  private static void authors(Element panel, String id) {
    Element table = panel.appendElement("table").addClass("list").id(id);
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("作者", "帖子", "负面", "互动")) {
      head.appendElement("th").text(h);
    }
    table.appendElement("tbody");
  }

  /** {@code /api/overview}: the figures the page draws. */
  void api(DashboardExchange x) throws IOException {
    Params p = Params.of(x, dash);
    Instant now = dash.clock().instant();
    Instant latest = dash.insights().latest(p.project()).orElse(now);
    Instant end = latest.isAfter(now) ? now : latest;
    // the window ends with the day of the newest post, so a replay of older data still shows
    Instant to = end.atZone(dash.zone()).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
    Instant from = to.atZone(dash.zone()).minusDays(p.days()).toInstant();
    Granularity g = p.days() <= 3 ? Granularity.HOUR : Granularity.DAY;
    Stats s = dash.insights().stats(p.project(), from, to, g);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("project", p.project());
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
    List<Alert> alerts = dash.alerts().list(p.project(), Set.of(), AlertsPage.LIMIT);
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
    m.put("updatedAt", Markup.time(now, dash.zone()));
    m.put(
        "range",
        Markup.time(from, dash.zone()).substring(0, 10)
            + " 至 "
            + Markup.time(to.minusSeconds(1), dash.zone()).substring(0, 10));
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
    String s = Markup.time(t, dash.zone());
    return g == Granularity.HOUR ? s.substring(5) : s.substring(0, 10);
  }
}
