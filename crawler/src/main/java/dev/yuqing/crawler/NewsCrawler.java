package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.NewsSourceConfig;
import dev.yuqing.crawler.extract.Article;
import dev.yuqing.crawler.extract.ArticleExtractor;
import dev.yuqing.crawler.extract.ListExtractor;
import dev.yuqing.crawler.extract.NextPage;
import dev.yuqing.crawler.extract.Pages;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * {@code kind: news}: list pages (a section, a site search) link to articles; each article is
 * extracted generically unless the source gives CSS overrides. An article already read is not
 * fetched again; an unchanged first list page (304) ends the visit.
 */
final class NewsCrawler extends WebSourceCrawler<NewsSourceConfig> {
  private final ListExtractor lists = new ListExtractor();
  private final ArticleExtractor articles;

  NewsCrawler(NewsSourceConfig source, CrawlContext ctx) {
    super(source, ctx);
    this.articles = new ArticleExtractor(ctx.dates());
  }

  @Override
  protected void crawlTarget(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter)
      throws InterruptedException {
    String url = target.url();
    Set<String> visited = new HashSet<>();
    String template = null;
    for (int i = 0; i < source.maxPages() && url != null && visited.add(url); i++) {
      Instant now = ctx.clock().instant();
      CrawlState.Page seen = st.page(url);
      Optional<FetchResponse> got = pager.getChanged(url, seen, st, now);
      if (got.isEmpty()) {
        return;
      }
      FetchResponse r = got.get();
      st.page(url, new CrawlState.Page(r.etag(), r.lastModified(), Ids.sha256Hex(r.body()), now));
      Document doc = Pages.parse(r);
      ListExtractor.Found found = lists.find(doc, source.itemLink(), template);
      template = found.template();
      List<ListExtractor.Item> items = found.items();
      if (items.isEmpty()) {
        pager.error(url + ": no article links found on the list page");
      }
      for (ListExtractor.Item item : items) {
        String key = "article:" + item.url();
        if (st.page(key) != null) {
          continue; // read before: articles are not refetched
        }
        Optional<FetchResponse> page = pager.get(item.url(), null);
        if (page.isEmpty()) {
          continue; // retried on the next visit
        }
        FetchResponse ar = page.get();
        Article a = articles.extract(Pages.parse(ar), source.article(), ar.fetchedAt());
        Post.Builder b =
            Post.builder()
                .url(item.url())
                .title(a.title() == null || a.title().isEmpty() ? item.title() : a.title())
                .text(a.text())
                .author(a.author())
                .publishedAt(a.publishedAt())
                .fetchedAt(ar.fetchedAt());
        emitter.accept(List.of(new Emitter.Candidate(item.url(), b)), ar, target.searchedProject());
        st.page(key, new CrawlState.Page(null, null, Ids.contentHash(a.title(), a.text()), now));
      }
      url = NextPage.find(doc, source.nextPage());
    }
  }
}
