package dev.yuqing.crawler;

import dev.yuqing.core.config.ChatExportSourceConfig;
import dev.yuqing.core.config.CrawlerConfig;
import dev.yuqing.core.config.FeedSourceConfig;
import dev.yuqing.core.config.ForumSourceConfig;
import dev.yuqing.core.config.JsonSourceConfig;
import dev.yuqing.core.config.NewsSourceConfig;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.crawler.evidence.WarcEvidence;
import dev.yuqing.crawler.extract.Dates;
import dev.yuqing.crawler.fetch.Fetcher;
import dev.yuqing.crawler.fetch.HttpFetcher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Builds the source crawlers of a configuration. They share one fetcher (per-host limits, robots
 * cache) and one evidence store under {@code dataDir/evidence}; close this to release them.
 *
 * <p>Typical use (the CLI; the stream job does the same per split):
 *
 * <pre>{@code
 * try (Crawlers crawlers = Crawlers.create(config, dataDir, clock)) {
 *   CrawlStateStore states = crawlers.states();
 *   for (SourceCrawler c : crawlers.all()) {
 *     SourceCrawler.Result r = c.crawl(states.load(c.sourceId()));
 *     states.save(c.sourceId(), r.state());
 *   }
 * }
 * }</pre>
 */
public final class Crawlers implements AutoCloseable {
  private final Map<String, SourceCrawler> crawlers;
  private final Fetcher fetcher;
  private final Evidence evidence;
  private final CrawlStateStore states;

  private Crawlers(
      Map<String, SourceCrawler> crawlers,
      Fetcher fetcher,
      Evidence evidence,
      CrawlStateStore states) {
    this.crawlers = crawlers;
    this.fetcher = fetcher;
    this.evidence = evidence;
    this.states = states;
  }

  /**
   * The crawlers of every configured source, fetching over HTTP and keeping evidence under {@code
   * dataDir/evidence}.
   */
  public static Crawlers create(YuqingConfig config, Path dataDir, Clock clock) {
    return create(config, dataDir, clock, new HttpFetcher(config.crawler(), clock));
  }

  /** As {@link #create(YuqingConfig, Path, Clock)} with a given fetcher (benchmarks, tests). */
  public static Crawlers create(YuqingConfig config, Path dataDir, Clock clock, Fetcher fetcher) {
    CrawlerConfig cc = config.crawler();
    Evidence evidence = new WarcEvidence(dataDir.resolve("evidence"), clock, "yuqing crawler");
    CrawlContext ctx =
        new CrawlContext(
            fetcher,
            clock,
            new Dates(clock, cc.zone()),
            new Scoper(config.projects(), cc.keepUnscoped()),
            evidence,
            cc);
    Map<String, SourceCrawler> map = new LinkedHashMap<>();
    for (SourceConfig s : config.sources()) {
      map.put(s.id(), crawler(s, ctx));
    }
    // manual entries (yuqing add) are a source of every configuration
    map.put(SourceConfig.MANUAL_ID, new ManualCrawler(new ManualEntries(dataDir), ctx));
    return new Crawlers(map, fetcher, evidence, new CrawlStateStore(dataDir.resolve("crawl")));
  }

  private static SourceCrawler crawler(SourceConfig s, CrawlContext ctx) {
    if (s instanceof FeedSourceConfig f) {
      return new FeedCrawler(f, ctx);
    }
    if (s instanceof ForumSourceConfig f) {
      return new ForumCrawler(f, ctx);
    }
    if (s instanceof NewsSourceConfig n) {
      return new NewsCrawler(n, ctx);
    }
    if (s instanceof JsonSourceConfig j) {
      return new JsonCrawler(j, ctx);
    }
    if (s instanceof ChatExportSourceConfig c) {
      return new ChatExportCrawler(c, ctx);
    }
    throw new IllegalArgumentException(
        "sources: no crawler for the kind of '" + s.id() + "': " + s.getClass().getSimpleName());
  }

  /**
   * Every source id a configuration crawls: its sources, in config order, then {@value
   * SourceConfig#MANUAL_ID} (entries added with {@code yuqing add}). The stream makes one split per
   * id.
   */
  public static List<String> sourceIds(YuqingConfig config) {
    List<String> ids = new ArrayList<>();
    config.sources().forEach(s -> ids.add(s.id()));
    ids.add(SourceConfig.MANUAL_ID);
    return ids;
  }

  /** Every crawler, in config order, the manual source last. */
  public List<SourceCrawler> all() {
    return new ArrayList<>(crawlers.values());
  }

  /** The crawler of one source. */
  public SourceCrawler get(String sourceId) {
    SourceCrawler c = crawlers.get(sourceId);
    if (c == null) {
      throw new NoSuchElementException("no source '" + sourceId + "' in the configuration");
    }
    return c;
  }

  /** Crawl states under {@code dataDir/crawl}, one JSON file per source. */
  public CrawlStateStore states() {
    return states;
  }

  public Evidence evidence() {
    return evidence;
  }

  @Override
  public void close() {
    fetcher.close();
    if (evidence instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the evidence store: " + e.getMessage(), e);
      }
    }
  }
}
