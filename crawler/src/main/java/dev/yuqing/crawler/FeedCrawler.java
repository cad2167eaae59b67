package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.FeedSourceConfig;
import dev.yuqing.crawler.extract.Article;
import dev.yuqing.crawler.extract.ArticleExtractor;
import dev.yuqing.crawler.extract.Feed;
import dev.yuqing.crawler.extract.FeedParser;
import dev.yuqing.crawler.extract.Pages;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: feed}: an RSS or Atom feed, each item's link followed to the full article. The feed
 * is fetched with its validators; an item whose date and title are unchanged since the last crawl
 * is not fetched again.
 */
final class FeedCrawler extends WebSourceCrawler<FeedSourceConfig> {
  private final FeedParser parser;
  private final ArticleExtractor articles;

  FeedCrawler(FeedSourceConfig source, CrawlContext ctx) {
    super(source, ctx);
    this.parser = new FeedParser(ctx.dates());
    this.articles = new ArticleExtractor(ctx.dates());
  }

  @Override
  protected void crawlTarget(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter)
      throws InterruptedException {
    Instant now = ctx.clock().instant();
    CrawlState.Page seen = st.page(target.url());
    Optional<FetchResponse> got = pager.getChanged(target.url(), seen, st, now);
    if (got.isEmpty()) {
      return;
    }
    FetchResponse r = got.get();
    Feed feed;
    try {
      feed = parser.parse(r.text().text(), r.url().toString());
    } catch (IllegalArgumentException e) {
      pager.error(target.url() + ": " + e.getMessage());
      return;
    }
    st.page(
        target.url(),
        new CrawlState.Page(r.etag(), r.lastModified(), Ids.sha256Hex(r.body()), now));
    for (Feed.Item item : feed.items()) {
      String key = item.link() != null ? item.link() : item.id();
      if (key == null) {
        continue;
      }
      String itemKey = "item:" + key;
      String fingerprint =
          Ids.sha256Hex(
              Objects.toString(item.updated()) + "\n" + item.title() + "\n" + item.summary());
      CrawlState.Page itemSeen = st.page(itemKey);
      if (itemSeen != null && fingerprint.equals(itemSeen.fingerprint())) {
        continue; // unchanged since the last crawl: no refetch
      }
      Post.Builder b =
          Post.builder()
              .url(item.link())
              .title(item.title())
              .text(item.summary())
              .author(item.author())
              .publishedAt(item.publishedAt())
              .fetchedAt(now);
      FetchResponse evidence = r;
      if (source.followLinks() && item.link() != null) {
        Optional<FetchResponse> page = pager.get(item.link(), null);
        if (page.isPresent() && !page.get().notModified()) {
          FetchResponse pr = page.get();
          Article a = articles.extract(Pages.parse(pr), source.article(), pr.fetchedAt());
          if (a.text() != null && a.text().length() >= lengthOf(item.summary())) {
            b.text(a.text());
          }
          if (item.title() == null || item.title().isEmpty()) {
            b.title(a.title());
          }
          if (item.author() == null) {
            b.author(a.author());
          }
          if (item.publishedAt() == null) {
            b.publishedAt(a.publishedAt());
          }
          b.fetchedAt(pr.fetchedAt());
          evidence = pr;
        }
      }
      emitter.accept(List.of(new Emitter.Candidate(key, b)), evidence, target.searchedProject());
      st.page(itemKey, new CrawlState.Page(null, null, fingerprint, now));
    }
  }

  private static int lengthOf(String s) {
    return s == null ? 0 : s.length();
  }
}
