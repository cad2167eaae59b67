package dev.yuqing.dashboards.web;

import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/** Search with filters and highlighting; {@code /api/search} gives the same hits as JSON. */
final class SearchPage {
  private final Dashboard dash;

  SearchPage(Dashboard dash) {
    this.dash = dash;
  }

  void show(DashboardExchange x) throws IOException {
    SearchRequest req = null;
    String error = null;
    try {
      req = SearchForm.parse(x, dash);
    } catch (BadRequest e) {
      error = e.getMessage();
    }
    SearchResult result = req == null ? null : dash.index().search(req);
    String problem = error;
    x.html(
        error == null ? 200 : 400,
        Layout.page("搜索", "/search", x.session(), main -> render(main, x, result, problem)));
  }

  private void render(Element main, DashboardExchange x, SearchResult r, String error) {
    main.appendElement("h1").text("搜索");
    form(main, x);
    String alertId = x.param("alert");
    if (alertId != null) {
      dash.alerts()
          .get(alertId)
          .ifPresent(
              a -> {
                Element banner = main.appendElement("p").addClass("banner").appendText("预警相关帖子：");
                banner
                    .appendElement("a")
                    .attr("href", "/alerts/" + Markup.q(a.id()))
                    .text(a.grade().level() + a.grade().word() + " · " + Markup.text(a.reason()));
              });
    }
    if (error != null) {
      main.appendElement("p").addClass("error").text(error);
      return;
    }
    main.appendElement("p").addClass("count").id("result-count").text("共 " + r.total() + " 条结果");
    Element results = main.appendElement("ol").addClass("results").id("results");
    for (SearchResult.Hit h : r.hits()) {
      result(results, h);
    }
    if (r.nextCursor() != null && !r.hits().isEmpty()) {
      main.appendElement("p")
          .addClass("more")
          .appendElement("a")
          .id("next-page")
          .attr("href", "/search?" + SearchForm.nextPage(x, r.nextCursor()))
          .text("下一页");
    }
  }

  private void form(Element main, DashboardExchange x) {
    Element form = Markup.getForm(main, "/search").addClass("search-form").id("search-form");
    form.appendElement("input")
        .attr("type", "search")
        .attr("name", "q")
        .id("q")
        .attr("placeholder", "关键词，如 漏水、延期交房")
        .attr("value", Markup.text(x.param("q")));
    Element project = Markup.select(form, "项目", "project");
    Markup.option(project, "", "全部", x.param("project") == null);
    for (ProjectConfig p : dash.projects()) {
      Markup.option(project, p.name(), p.name(), p.name().equals(x.param("project")));
    }
    Element sentiment = Markup.select(form, "情感", "sentiment");
    Markup.option(sentiment, "", "全部", x.param("sentiment") == null);
    for (SentimentLabel s : SentimentLabel.values()) {
      Markup.option(sentiment, s.json(), s.chinese(), s.json().equals(x.param("sentiment")));
    }
    Element topic = Markup.select(form, "话题", "topic");
    Markup.option(topic, "", "全部", x.param("topic") == null);
    for (Topic t : Topic.values()) {
      Markup.option(topic, t.label(), t.label(), t.label().equals(x.param("topic")));
    }
    input(form, "来源", "source", "10", null, x);
    input(form, "从", "from", "11", "2024-05-01", x);
    input(form, "到", "to", "11", "2024-05-31", x);
    Element sort = Markup.select(form, "排序", "sort");
    Markup.option(sort, "", "默认", x.param("sort") == null);
    Markup.option(sort, "time", "最新", "time".equals(x.param("sort")));
    Markup.option(sort, "relevance", "相关度", "relevance".equals(x.param("sort")));
    Markup.option(sort, "engagement", "互动量", "engagement".equals(x.param("sort")));
    form.appendElement("button").attr("type", "submit").id("search-submit").text("搜索");
  }

  private static void input(
      Element form,
      String label,
      String name,
      String size,
      String placeholder,
      DashboardExchange x) {
    Element in =
        form.appendElement("label")
            .appendText(label + " ")
            .appendElement("input")
            .attr("name", name)
            .attr("size", size);
    if (placeholder != null) {
      in.attr("placeholder", placeholder);
    }
    in.attr("value", Markup.text(x.param(name)));
  }

  private void result(Element results, SearchResult.Hit h) {
    TaggedPost t = h.post();
    Post p = t.post();
    Element li = results.appendElement("li").addClass("result").attr("data-post-id", p.id());
    Element title =
        li.appendElement("a").addClass("title").attr("href", "/posts/" + Markup.q(p.id()));
    if (h.highlights().containsKey("title")) {
      Markup.highlight(title, h.highlights().get("title"));
    } else {
      title.text(
          p.title() == null || p.title().isBlank() ? Markup.excerpt(p.text(), 40) : p.title());
    }
    Element excerpt = li.appendElement("p").addClass("excerpt");
    if (h.highlights().containsKey("text")) {
      Markup.highlight(excerpt, h.highlights().get("text"));
    } else {
      excerpt.text(Markup.excerpt(p.text(), 160));
    }
    Element meta = li.appendElement("p").addClass("meta");
    Markup.sentiment(meta, t.sentiment().label());
    meta.appendText(
        " "
            + t.topics().stream().map(Topic::label).collect(Collectors.joining(" "))
            + " · "
            + (p.author() == null ? "匿名" : p.author())
            + " · "
            + Markup.text(p.sourceId())
            + " · "
            + Markup.time(p.eventTime(), dash.zone()));
  }

  /** {@code /api/search}: the hits as JSON. */
  void api(DashboardExchange x) throws IOException {
    SearchRequest req;
    try {
      req = SearchForm.parse(x, dash);
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
      m.put("excerpt", Markup.excerpt(p.text(), 160));
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
}
