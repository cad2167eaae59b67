package dev.yuqing.crawler;

import dev.yuqing.core.config.SourceConfig;
import java.time.Duration;

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
}
