package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.crawler.extract.Pages;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * The crawl loop every web source shares: one {@link Pager} and one {@link Emitter} per crawl, each
 * entry URL (one per watched name for a search URL) handed to {@link #crawlTarget}, an interrupt
 * ending the crawl early with what it has. Subclasses only say how one entry URL is walked.
 */
abstract class WebSourceCrawler<S extends SourceConfig> implements SourceCrawler {
  protected final S source;
  protected final CrawlContext ctx;

  WebSourceCrawler(S source, CrawlContext ctx) {
    this.source = source;
    this.ctx = ctx;
  }

  @Override
  public final String sourceId() {
    return source.id();
  }

  @Override
  public final Duration revisit() {
    return source.revisit();
  }

  @Override
  public final Result crawl(CrawlState state, Progress progress) {
    CrawlState.Editor st = state.edit();
    Pager pager = new Pager(source, ctx, progress);
    Emitter emitter = new Emitter(source, ctx, st, progress);
    try {
      for (Pager.Target target : pager.targets()) {
        crawlTarget(target, st, pager, emitter);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    st.lastCrawl(ctx.clock().instant());
    return new Result(emitter.finish(), st.build(), pager.pages(), pager.errors());
  }

  /** Walks one entry URL: fetches through {@code pager}, records pages in {@code st}, emits. */
  protected abstract void crawlTarget(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter)
      throws InterruptedException;

  /**
   * Walks list pages (a board, a news section) from the target's URL, at most {@code maxPages} and
   * none twice: each one fetched with its validators and recorded in {@code st}, then handed to
   * {@code page}, which reads it and names the next. A failed or unchanged (304) page ends the
   * walk: what it lists did not move.
   */
  protected final void walkListPages(
      Pager.Target target, int maxPages, CrawlState.Editor st, Pager pager, ListPage page)
      throws InterruptedException {
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

  /**
   * One list page of {@link #walkListPages}: reads it and returns the next page's URL, or null;
   * {@code now} is when the walk reached it.
   */
  protected interface ListPage {
    String read(String url, Document doc, Instant now) throws InterruptedException;
  }
}
