package dev.yuqing.bench.crawl;

import dev.yuqing.core.Post;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.crawler.CrawlState;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.crawler.Progress;
import dev.yuqing.crawler.SourceCrawler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crawls a {@link BenchSite} with the real crawler — fetcher, robots.txt, extraction, scoping,
 * state and WARC evidence — the forum and the news section in parallel, and measures throughput.
 * Politeness delays are off (it is our own server); everything else is as in production.
 */
public final class CrawlBench {
  /**
   * What a run measured.
   *
   * @param pages pages fetched
   * @param bytes response bytes read
   * @param posts posts emitted
   * @param seconds wall time of the crawl
   * @param errors failed pages
   */
  public record Figures(long pages, long bytes, long posts, double seconds, long errors) {
    public double pagesPerSecond() {
      return pages / seconds;
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  private CrawlBench() {}

  /**
   * Runs the benchmark.
   *
   * @param boards board pages (each: 25 threads of two pages)
   * @param newsPages news list pages (each: 20 articles)
   * @param dataDir where crawl state and evidence go
   * @param out progress lines
   */
  public static Figures run(int boards, int newsPages, Path dataDir, PrintWriter out)
      throws Exception {
    try (BenchSite site = new BenchSite(boards, newsPages)) {
      String yaml =
          """
          projects:
            - name: 翡翠湾
          crawler:
            perHostDelay: 0s
            perHostConcurrency: 4
          sources:
            - id: bench-forum
              kind: forum
              url: %s
              maxPages: %d
              maxThreadPages: 2
              projects: [翡翠湾]
              allowPrivateNetwork: true
            - id: bench-news
              kind: news
              url: %s
              maxPages: %d
              allowPrivateNetwork: true
          """
              .formatted(site.url("/forum/board"), boards, site.url("/news/list"), newsPages);
      YuqingConfig cfg = new ConfigLoader().parse("bench.yaml", yaml);
      AtomicLong pages = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      AtomicInteger posts = new AtomicInteger();
      AtomicLong errors = new AtomicLong();
      out.printf(
          "bench crawl: %d pages on %s (forum + news, WARC evidence in %s)%n",
          site.pageCount(), site.url("/"), dataDir);
      out.flush();
      long t0 = System.nanoTime();
      try (Crawlers crawlers = Crawlers.create(cfg, dataDir, Clock.systemUTC())) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Future<SourceCrawler.Result>> runs = new ArrayList<>();
          for (String id : List.of("bench-forum", "bench-news")) {
            SourceCrawler c = crawlers.get(id);
            runs.add(
                pool.submit(
                    () ->
                        c.crawl(CrawlState.EMPTY, progress(id, pages, bytes, posts, errors, out))));
          }
          for (Future<SourceCrawler.Result> f : runs) {
            SourceCrawler.Result r = f.get();
            out.printf(
                "  %d pages, %d posts, %d errors%n",
                r.pagesFetched(), r.posts().size(), r.errors().size());
          }
        } finally {
          pool.shutdownNow();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Figures(pages.get(), bytes.get(), posts.get(), seconds, errors.get());
    }
  }

  private static Progress progress(
      String id,
      AtomicLong pages,
      AtomicLong bytes,
      AtomicInteger posts,
      AtomicLong errors,
      PrintWriter out) {
    return new Progress() {
      @Override
      public void page(String sourceId, String url, int status, long n) {
        long p = pages.incrementAndGet();
        bytes.addAndGet(n);
        if (p % 250 == 0) {
          synchronized (out) {
            out.printf("  … %d pages, %d posts, %.1f MB%n", p, posts.get(), bytes.get() / 1e6);
            out.flush();
          }
        }
      }

      @Override
      public void error(String sourceId, String line) {
        errors.incrementAndGet();
      }

      @Override
      public void post(Post p) {
        posts.incrementAndGet();
      }
    };
  }
}
