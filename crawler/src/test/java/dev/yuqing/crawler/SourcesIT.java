package dev.yuqing.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.core.Script;
import dev.yuqing.core.config.YuqingConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The news, json, chat-export and manual sources end to end, on loopback and temp files. */
class SourcesIT {
  @TempDir Path data;

  private static YuqingConfig config(String sources) {
    return Fixtures.config(Fixtures.PROJECTS + Fixtures.crawlerSection() + "sources:\n" + sources);
  }

  /** The crawlers of a configuration with one news source on the local test site. */
  private Crawlers newsSource(String id, String url) {
    YuqingConfig cfg =
        config(
            """
              - id: %s
                kind: news
                url: %s
                allowPrivateNetwork: true
            """
                .formatted(id, url));
    return Crawlers.create(cfg, data, Fixtures.clock());
  }

  @Test
  void newsWalksListPagesAndReadsArticlesGenerically() throws Exception {
    try (TestSite site = Fixtures.serveSite(new TestSite())) {
      site.html("/news/list", Fixtures.resource("news-list.html"))
          .html("/news/list?page=2", Fixtures.resource("news-list2.html"))
          .html("/news/2024/0430-jinxiu.html", Fixtures.resource("article-jinxiu.html"))
          .html("/news/2024/0429-wuye.html", Fixtures.resource("article-wuye.html"));
      try (Crawlers crawlers = newsSource("news", site.url("/news/list"))) {
        SourceCrawler.Result r = crawlers.get("news").crawl(CrawlState.EMPTY);
        assertThat(r.errors()).isEmpty();
        // the land article names no project: dropped; nav, "hot" and footer links never fetched
        assertThat(r.posts())
            .extracting(Post::title)
            .containsExactly(
                "翡翠湾项目集中交房，部分业主反映渗水问题", "锦绣园二期延期交付，开发商称五月底前完成整改", "華景物業回應停車費上漲：將召開業主溝通會");
        assertThat(site.hits("/hot/1.html") + site.hits("/about") + site.hits("/")).isZero();
        Post jinxiu = r.posts().get(1);
        assertThat(jinxiu.projects()).containsExactly("锦绣园");
        assertThat(jinxiu.publishedAt()).isEqualTo(Instant.parse("2024-04-30T08:20:00Z"));
        assertThat(jinxiu.text()).startsWith("原定四月底交付").endsWith("支付违约金。");
        Post wuye = r.posts().get(2);
        assertThat(wuye.script()).isEqualTo(Script.TRADITIONAL);
        assertThat(wuye.text()).contains("翡翠灣小區業主反映");
        assertThat(wuye.simplified()).contains("翡翠湾小区业主反映");
        assertThat(wuye.projects()).containsExactly("翡翠湾");
        assertThat(wuye.evidenceId()).isNotNull();

        int before = site.requests.size();
        SourceCrawler.Result again = crawlers.get("news").crawl(r.state());
        assertThat(again.posts()).isEmpty();
        assertThat(site.requests.subList(before, site.requests.size()))
            .containsExactly("/news/list");
      }
    }
  }

  @Test
  void aSearchUrlIsFetchedPerWatchedNameAndTagsTheSearchedProject() throws Exception {
    try (TestSite site = Fixtures.serveSite(new TestSite())) {
      site.html("/news/2024/0430-jinxiu.html", Fixtures.resource("article-jinxiu.html"));
      site.route(
          "/search",
          ex -> {
            String q =
                URLDecoder.decode(
                    ex.getRequestURI().getRawQuery().substring(2), StandardCharsets.UTF_8);
            String items =
                q.equals("锦绣园")
                    ? """
                      <li><a href="/news/2024/0501-land.html">本市二季度土地出让计划公布（搜索结果）</a></li>
                      <li><a href="/news/2024/0430-jinxiu.html">锦绣园二期延期交付，开发商称五月底前完成整改</a></li>
                      <li><a href="/news/2024/0502-feicuiwan.html">翡翠湾项目集中交房，部分业主反映渗水问题</a></li>
                      """
                    : "";
            TestSite.send(
                ex,
                200,
                "text/html; charset=utf-8",
                ("<html><body><ul class='results'>" + items + "</ul></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
          });
      try (Crawlers crawlers = newsSource("search", site.url("/search?q={keyword}"))) {
        SourceCrawler.Result r = crawlers.get("search").crawl(CrawlState.EMPTY);
        assertThat(site.requests.stream().filter(p -> p.startsWith("/search")).count())
            .as("one search per name: 翡翠湾, 翡翠湾花园, 华景地产, 华景物业, 锦绣园")
            .isEqualTo(5);
        Map<String, List<String>> projects =
            r.posts().stream()
                .collect(java.util.stream.Collectors.toMap(Post::title, Post::projects));
        // the land article does not name 锦绣园, but the search engine found it for 锦绣园
        assertThat(projects.get("本市二季度土地出让计划公布")).containsExactly("锦绣园");
        assertThat(projects.get("翡翠湾项目集中交房，部分业主反映渗水问题")).containsExactly("锦绣园", "翡翠湾");
      }
    }
  }

  @Test
  void jsonEndpointsArePagedByNumberOrCursorAndStopAtNothingNew() throws Exception {
    try (TestSite site = new TestSite()) {
      site.json(
          "/api/posts?page=1",
          """
          {"code":0,"data":{"list":[
            {"mid":"9001","text":"翡翠湾<a href='/t/漏水'>#漏水#</a> 三号楼又漏了","user":{"name":"业主A"},
             "created_at":"Wed May 01 10:00:00 +0800 2024","comments":"12","likes":"1.2万"},
            {"mid":"9002","text":"翡翠湾的物业什么时候能给个说法","user":{"name":"业主B"},"created_at":"1714532400"}
          ]}}""");
      site.json(
          "/api/posts?page=2",
          """
          {"code":0,"data":{"list":[
            {"mid":"8999","text":"翡翠湾交房仪式现场","user":{"name":"官方号"},"created_at":"2024-04-30 09:00"}
          ]}}""");
      site.json("/api/posts?page=3", "{\"code\":0,\"data\":{\"list\":[]}}");
      site.json(
          "/api/feed",
          """
          {"items":[{"id":1,"body":"翡翠湾今天收房排队两小时"}],"paging":{"next":"c2"}}""");
      site.json(
          "/api/feed?cursor=c2",
          """
          {"items":[{"id":0,"body":"翡翠湾样板间开放"}],"paging":{"next":null}}""");
      YuqingConfig cfg =
          config(
              """
                - id: weibo
                  kind: json
                  url: %s
                  items: data.list
                  fields: {id: mid, text: text, author: user.name, publishedAt: created_at, replies: comments, likes: likes}
                  pagination: {type: page, param: page, start: 1, maxPages: 5}
                  allowPrivateNetwork: true
                - id: app
                  kind: json
                  url: %s
                  items: items
                  fields: {id: id, text: body}
                  pagination: {type: cursor, param: cursor, cursorPath: paging.next}
                  allowPrivateNetwork: true
              """
                  .formatted(site.url("/api/posts"), site.url("/api/feed")));
      try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
        SourceCrawler.Result r = crawlers.get("weibo").crawl(CrawlState.EMPTY);
        assertThat(r.errors()).isEmpty();
        assertThat(r.posts()).extracting(Post::author).containsExactly("业主A", "业主B", "官方号");
        Post a = r.posts().get(0);
        assertThat(a.text()).isEqualTo("翡翠湾#漏水# 三号楼又漏了");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
        assertThat(a.replies()).isEqualTo(12);
        assertThat(a.likes()).isEqualTo(12000);
        assertThat(r.posts().get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-01T03:00:00Z"));
        assertThat(site.hits("/api/posts?page=3")).isEqualTo(1);

        // nothing new on page 1: page 2 is not asked again
        SourceCrawler.Result again = crawlers.get("weibo").crawl(r.state());
        assertThat(again.posts()).isEmpty();
        assertThat(site.hits("/api/posts?page=2")).isEqualTo(1);

        SourceCrawler.Result c = crawlers.get("app").crawl(CrawlState.EMPTY);
        assertThat(c.posts()).extracting(Post::text).containsExactly("翡翠湾今天收房排队两小时", "翡翠湾样板间开放");
      }
    }
  }

  @Test
  void chatExportsYieldOnlyNewMessagesWhenTheExportGrows() throws Exception {
    Path export = data.resolve("exports/翡翠湾业主群.txt");
    Files.createDirectories(export.getParent());
    Files.writeString(
        export,
        """
        2024-05-01 20:15:03 张女士
        3号楼漏水的业主请报一下户号
        2024-05-01 20:16:40 李先生
        1502，卫生间渗水
        """);
    YuqingConfig cfg =
        config(
            """
              - id: group
                kind: chat-export
                path: %s
                projects: [翡翠湾]
            """
                .formatted(export.getParent()));
    try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
      SourceCrawler chat = crawlers.get("group");
      SourceCrawler.Result r = chat.crawl(CrawlState.EMPTY);
      assertThat(r.errors()).isEmpty();
      assertThat(r.posts()).extracting(Post::author).containsExactly("张女士", "李先生");
      assertThat(r.posts().get(0).projects()).containsExactly("翡翠湾");
      assertThat(r.posts().get(0).evidenceId()).isNotNull();
      assertThat(chat.crawl(r.state()).posts()).isEmpty();
      Files.writeString(
          export,
          """
          2024-05-01 20:40:00 王阿姨
          周六上午九点售楼部门口集合！
          """,
          StandardOpenOption.APPEND);
      SourceCrawler.Result grown = chat.crawl(r.state());
      assertThat(grown.posts()).extracting(Post::text).containsExactly("周六上午九点售楼部门口集合！");
    }
  }

  @Test
  void manualEntriesAreEmittedOnceAndNeverDropped() throws Exception {
    YuqingConfig cfg = config("  []\n");
    ManualEntries inbox = new ManualEntries(data);
    inbox.append(
        new ManualEntries.Entry(
            "e-1",
            null,
            "业主来电：电梯困人半小时，情绪激动，称要找媒体曝光",
            null,
            "客服热线",
            Instant.parse("2024-05-02T06:00:00Z"),
            List.of("翡翠湾"),
            "客服小周",
            Instant.parse("2024-05-02T06:05:00Z")));
    inbox.append(
        new ManualEntries.Entry(
            "e-2",
            null,
            "有人在小区门口发传单",
            null,
            null,
            null,
            null,
            "客服小周",
            Instant.parse("2024-05-02T07:00:00Z")));
    try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
      SourceCrawler manual = crawlers.get("manual");
      SourceCrawler.Result r = manual.crawl(CrawlState.EMPTY);
      assertThat(r.posts()).hasSize(2);
      assertThat(r.posts().get(0).sourceId()).isEqualTo("manual");
      assertThat(r.posts().get(0).projects()).containsExactly("翡翠湾");
      assertThat(r.posts().get(0).evidenceId()).isNotNull();
      assertThat(r.posts().get(1).projects()).isEmpty();
      assertThat(manual.crawl(r.state()).posts()).isEmpty();
    }
  }
}
