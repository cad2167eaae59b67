package dev.yuqing.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.YuqingConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed and forum crawlers against a little site on loopback. */
class CrawlIT {
  @TempDir Path data;

  @Test
  void crawlsBoardThreadsAndFeedArticlesOnceAndVersionsEdits() throws Exception {
    try (TestSite site = Fixtures.serveSite(new TestSite())) {
      YuqingConfig cfg = Fixtures.siteConfig(site);
      try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
        SourceCrawler forum = crawlers.get("forum");
        SourceCrawler.Result r = forum.crawl(CrawlState.EMPTY);
        assertThat(r.errors()).isEmpty();
        List<Post> posts = r.posts();
        assertThat(posts)
            .extracting(Post::author)
            .containsExactly("张女士", "李先生", "王阿姨", "老业主", "路人甲", "业主小陈");
        Post first = posts.get(0);
        assertThat(first.title()).isEqualTo("3号楼天花板漏水，物业一直拖着不修");
        assertThat(first.text()).startsWith("今天去翡翠湾3号楼收房，客厅天花板一直在滴水").contains("\n找了华景物业三次");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-05-01T02:15:00Z"));
        assertThat(first.id()).isEqualTo(Ids.postId("forum", site.url("/forum/thread/17")));
        assertThat(first.threadId()).isNull();
        assertThat(first.projects()).containsExactly("翡翠湾");
        Post reply = posts.get(2);
        assertThat(reply.threadId()).isEqualTo(first.id());
        assertThat(reply.title()).isNull();
        assertThat(reply.url()).endsWith("/forum/thread/17#post-103");
        // "昨天 09:40" read on 3 May in Shanghai
        assertThat(reply.publishedAt()).isEqualTo(Instant.parse("2024-05-02T01:40:00Z"));
        // "3小时前"
        assertThat(posts.get(3).publishedAt()).isEqualTo(Fixtures.NOW.minusSeconds(3 * 3600));
        // the forum is about 翡翠湾; a post naming 锦绣园 is about both
        assertThat(posts.get(4).projects()).containsExactly("翡翠湾", "锦绣园");

        SourceCrawler news = crawlers.get("news");
        SourceCrawler.Result n = news.crawl(CrawlState.EMPTY);
        assertThat(n.errors()).isEmpty();
        // the land article names no watched project: dropped
        assertThat(n.posts()).hasSize(1);
        Post article = n.posts().get(0);
        assertThat(article.title()).isEqualTo("翡翠湾项目集中交房，部分业主反映渗水问题");
        assertThat(article.text())
            .startsWith("本周，由华景地产开发的翡翠湾项目开始集中交房")
            .endsWith("保留好相关证据。")
            .doesNotContain("相关新闻", "版权所有", "责任编辑", "首页");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-05-02T00:30:00Z"));
        assertThat(article.projects()).containsExactly("翡翠湾");

        // a second crawl with the returned state: the board and feed answer 304, nothing emitted
        int before = site.requests.size();
        SourceCrawler.Result again = forum.crawl(r.state());
        SourceCrawler.Result againNews = news.crawl(n.state());
        assertThat(again.posts()).isEmpty();
        assertThat(againNews.posts()).isEmpty();
        assertThat(site.requests.subList(before, site.requests.size()))
            .containsExactly("/forum/board", "/news/rss.xml");

        // an edited first post and a new reply count on the board: version 2 of the same post
        site.html(
            "/forum/thread/17",
            Fixtures.resource("thread17.html").replace("都说要等开发商派人来看", "至今没有任何答复"));
        site.html("/forum/board", Fixtures.resource("board.html").replace("回复 3", "回复 4"));
        SourceCrawler.Result edited = forum.crawl(again.state());
        assertThat(edited.posts()).hasSize(1);
        assertThat(edited.posts().get(0).id()).isEqualTo(first.id());
        assertThat(edited.posts().get(0).version()).isEqualTo(2);
        assertThat(edited.posts().get(0).text()).contains("至今没有任何答复");
      }
    }
  }

  @Test
  void aRestartWithTheSavedStateReEmitsNothing() throws Exception {
    try (TestSite site = Fixtures.serveSite(new TestSite())) {
      YuqingConfig cfg = Fixtures.siteConfig(site);
      int firstRun;
      try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
        firstRun = 0;
        for (SourceCrawler c : crawlers.all()) {
          SourceCrawler.Result r = c.crawl(crawlers.states().load(c.sourceId()));
          firstRun += r.posts().size();
          crawlers.states().save(c.sourceId(), r.state());
        }
      }
      assertThat(firstRun).isEqualTo(7);
      int before = site.requests.size();
      try (Crawlers crawlers = Crawlers.create(cfg, data, Fixtures.clock())) {
        for (SourceCrawler c : crawlers.all()) {
          SourceCrawler.Result r = c.crawl(crawlers.states().load(c.sourceId()));
          assertThat(r.posts()).as(c.sourceId()).isEmpty();
        }
      }
      // only the entry pages were asked again (robots.txt is re-read by the new process)
      assertThat(
              site.requests.subList(before, site.requests.size()).stream()
                  .filter(p -> !p.equals("/robots.txt"))
                  .collect(Collectors.toList()))
          .containsExactly("/forum/board", "/news/rss.xml");
    }
  }
}
