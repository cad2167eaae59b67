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
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * {@code kind: news}: list pages (a section, a site search) link to articles; each article is
 * extracted generically unless the source gives CSS overrides. An article already read is not
 * fetched again; an unchanged first list page (304) ends the visit.
 */
final class NewsCrawler extends ListSourceCrawler<NewsSourceConfig> {
  private final ListExtractor lists = new ListExtractor();
  private final ArticleExtractor articles;

  NewsCrawler(NewsSourceConfig source, CrawlContext ctx) {
    super(source, source.maxPages(), ctx);
    this.articles = new ArticleExtractor(ctx.dates());
  }

  @Override
  protected ListPage listPage(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter) {
    return new ListPage() {
      String template;

      @Override
      public String read(String url, Document doc, Instant now) throws InterruptedException {
        ListExtractor.Found found = lists.find(doc, source.itemLink(), template);
        template = found.template();
        List<ListExtractor.Item> items = found.items();
        if (items.isEmpty()) {
          pager.error(url + ": no article links found on the list page");
        }
        for (ListExtractor.Item item : items) {
          readArticle(item, st, pager, emitter, target.searchedProject(), now);
        }
        return NextPage.find(doc, source.nextPage());
      }
    };
  }

  private void readArticle(
      ListExtractor.Item item,
      CrawlState.Editor st,
      Pager pager,
      Emitter emitter,
      String searched,
      Instant now)
      throws InterruptedException {
    String key = "article:" + item.url();
    if (st.page(key) != null) {
      return; // read before: articles are not refetched
    }
    Optional<FetchResponse> page = pager.get(item.url(), null);
    if (page.isEmpty()) {
      return; // retried on the next visit
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
    emitter.accept(List.of(new Emitter.Candidate(item.url(), b)), ar, searched);
    st.page(key, new CrawlState.Page(null, null, Ids.contentHash(a.title(), a.text()), now));
  }
}
