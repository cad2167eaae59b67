package dev.yuqing.dashboards.web;

import dev.yuqing.core.Post;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.evidence.EvidenceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/** One post with its tags and its evidence capture (证据保全), and the capture's WARC record. */
final class PostPage {
  private final Dashboard dash;

  PostPage(Dashboard dash) {
    this.dash = dash;
  }

  void show(DashboardExchange x) throws IOException {
    var found = dash.index().get(x.pathParam("id"));
    if (found.isEmpty()) {
      x.html(404, Layout.error(x.session(), "帖子不存在", "索引中找不到该帖子。"));
      return;
    }
    TaggedPost t = found.get();
    List<EvidenceReader.Capture> captures = captures(t.id());
    x.html(200, Layout.page("帖子详情", "/search", x.session(), main -> render(main, t, captures)));
  }

  private void render(Element main, TaggedPost t, List<EvidenceReader.Capture> captures) {
    Post p = t.post();
    Element article = main.appendElement("article").addClass("post").id("post");
    article
        .appendElement("h1")
        .id("post-title")
        .text(p.title() == null || p.title().isBlank() ? "（无标题）" : p.title());
    Element meta = article.appendElement("p").addClass("meta");
    Markup.sentiment(meta, t.sentiment().label());
    meta.appendText(
        " "
            + (p.author() == null ? "匿名" : p.author())
            + " · 来源 "
            + Markup.text(p.sourceId())
            + " · 发布 "
            + Markup.time(p.publishedAt(), dash.zone()));
    article.appendElement("div").addClass("text").id("post-text").text(Markup.text(p.text()));
    Element facts = article.appendElement("dl").addClass("facts");
    Element source = Markup.fact(facts, "原文", "");
    Markup.externalLink(source, p.url(), p.url());
    if (source.childNodeSize() == 0 || source.text().isEmpty()) {
      source.text("—");
    }
    Markup.fact(facts, "项目", String.join("、", p.projects()));
    Markup.fact(
        facts, "话题", t.topics().stream().map(Topic::label).collect(Collectors.joining("、")));
    Markup.fact(facts, "关键词", String.join("、", t.keywords()));
    Markup.fact(facts, "情感置信度", String.format(Locale.ROOT, "%.2f", t.sentiment().score()));
    Markup.fact(
        facts,
        "回复 / 点赞",
        (p.replies() == null ? "—" : p.replies()) + " / " + (p.likes() == null ? "—" : p.likes()));
    Markup.fact(facts, "预警信号", signals(t.signals()));
    evidence(article, p, captures);
  }

  private void evidence(Element article, Post p, List<EvidenceReader.Capture> captures) {
    Element section = article.appendElement("section").addClass("evidence").id("evidence");
    section.appendElement("h2").text("证据保全");
    Element facts = section.appendElement("dl").addClass("facts");
    Markup.fact(facts, "抓取时间", Markup.time(p.fetchedAt(), dash.zone()));
    Markup.fact(facts, "内容哈希（SHA-256）", "")
        .appendElement("code")
        .id("content-hash")
        .text(Markup.text(p.contentHash()));
    Markup.fact(facts, "版本", p.version() + (p.version() > 1 ? "（内容曾被修改）" : ""));
    if (p.evidenceId() == null) {
      Markup.fact(facts, "存证记录 ID", "未保存原始网页");
    } else {
      Markup.fact(facts, "存证记录 ID", "")
          .appendElement("code")
          .id("evidence-id")
          .text(p.evidenceId());
    }
    if (captures.isEmpty()) {
      if (p.evidenceId() != null) {
        section.appendElement("p").addClass("meta").text("本机未找到该存证记录（证据目录不在此数据目录下）。");
      }
      return;
    }
    Element table = section.appendElement("table").addClass("list").id("captures");
    Element head = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("版本", "抓取时间（WARC-Date）", "地址", "记录 SHA-256", "链式哈希", "")) {
      head.appendElement("th").text(h);
    }
    Element body = table.appendElement("tbody");
    for (EvidenceReader.Capture c : captures) {
      Element row = body.appendElement("tr");
      row.appendElement("td").text(String.valueOf(c.version()));
      row.appendElement("td").text(Markup.text(c.entry().date()));
      row.appendElement("td").text(Markup.text(c.entry().url()));
      row.appendElement("td").appendElement("code").addClass("hash").text(c.entry().sha256());
      row.appendElement("td").appendElement("code").addClass("hash").text(c.entry().chain());
      row.appendElement("td")
          .appendElement("a")
          .attr("href", "/posts/" + Markup.q(p.id()) + "/evidence/" + c.version())
          .text("下载 WARC 记录");
    }
    Element note = section.appendElement("p").addClass("meta").appendText("用 ");
    note.appendElement("code").text("yuqing evidence verify");
    note.appendText(" 校验整条哈希链。");
  }

  /** The captures of a post, or none when there is no evidence store. */
  private List<EvidenceReader.Capture> captures(String postId) throws IOException {
    return dash.evidence() == null ? List.of() : dash.evidence().forPost(postId);
  }

  /** Serves one capture's WARC record, byte for byte as stored (decompressed), for legal. */
  void evidence(DashboardExchange x) throws IOException {
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
}
