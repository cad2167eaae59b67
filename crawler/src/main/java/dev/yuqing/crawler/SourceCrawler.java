package dev.yuqing.crawler;

import dev.yuqing.core.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Crawls one configured source incrementally.
 *
 * <p>Contract: {@link #crawl(CrawlState, Progress)} fetches what is new or changed since {@code
 * state} and returns the new state with the posts; the caller persists the state (a file for the
 * CLI, Flink split state in the stream job), so a restart with the last state neither refetches nor
 * re-emits unchanged posts. An edited post comes back with the same id and a higher version. One
 * bad page never fails the whole crawl: it is counted in {@link Result#errors}. If the thread is
 * interrupted the crawl stops early and returns what it has, with the interrupt flag set. Not
 * thread-safe: one caller per instance; different instances may run in parallel (they share the
 * fetcher's per-host limits).
 */
public interface SourceCrawler {
  String sourceId();

  /** How long after a crawl the source is due again (config {@code revisit}). */
  Duration revisit();

  Result crawl(CrawlState state, Progress progress);

  default Result crawl(CrawlState state) {
    return crawl(state, Progress.NONE);
  }

  /** Whether the source should be crawled at {@code now} given its last crawl. */
  default boolean due(CrawlState state, Instant now) {
    return state.lastCrawl() == null || !now.isBefore(state.lastCrawl().plus(revisit()));
  }

  /**
   * What one crawl produced.
   *
   * @param posts new posts, and edited posts as new versions
   * @param state state to pass to the next crawl
   * @param pagesFetched pages fetched (including 304 answers)
   * @param errors pages that failed, one line each (URL and reason)
   */
  record Result(List<Post> posts, CrawlState state, int pagesFetched, List<String> errors) {
    public Result {
      posts = List.copyOf(posts);
      errors = List.copyOf(errors);
    }
  }
}
