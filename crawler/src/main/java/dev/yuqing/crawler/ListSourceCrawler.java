package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.crawler.extract.Pages;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * A web source whose entry URL is the first of a chain of list pages (a forum board, a news
 * section): the walk is the same for all of them, only how one list page is read differs.
 */
abstract class ListSourceCrawler<S extends SourceConfig> extends WebSourceCrawler<S> {
  private final int maxPages;

  /**
   * @param maxPages list pages walked from one entry URL at the most
   */
  ListSourceCrawler(S source, int maxPages, CrawlContext ctx) {
    super(source, ctx);
    this.maxPages = maxPages;
  }

  /**
   * Walks list pages from the target's URL, at most {@code maxPages} and none twice: each one
   * fetched with its validators and recorded in {@code st}, then handed to the target's {@link
   * #listPage}, which reads it and names the next. A failed or unchanged (304) page ends the walk:
   * what it lists did not move.
   */
  @Override
  protected final void crawlTarget(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter)
      throws InterruptedException {
    ListPage page = listPage(target, st, pager, emitter);
    String url = target.url();
    Set<String> visited = new HashSet<>();
    for (int i = 0; i < maxPages && url != null && visited.add(url); i++) {
      Instant now = ctx.clock().instant();
      Optional<FetchResponse> got = pager.getChanged(url, st.page(url), st, now);
      if (got.isEmpty()) {
        return;
      }
      FetchResponse r = got.get();
      st.page(url, new CrawlState.Page(r.etag(), r.lastModified(), Ids.sha256Hex(r.body()), now));
      url = page.read(url, Pages.parse(r), now);
    }
  }

  /** How the list pages of one target are read: what they link to is fetched and emitted. */
  protected abstract ListPage listPage(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter);

  /**
   * One list page of the walk: reads it and returns the next page's URL, or null; {@code now} is
   * when the walk reached it.
   */
  protected interface ListPage {
    String read(String url, Document doc, Instant now) throws InterruptedException;
  }
}
