package dev.yuqing.crawler;

import dev.yuqing.core.Post;
import java.util.List;

/**
 * Crawls one configured source incrementally.
 *
 * <p>Contract: {@link #crawl(CrawlState)} fetches what is new or changed since {@code state} and
 * returns the new state with the posts; the caller persists the state (a file for the CLI, Flink
 * split state in the stream job), so a restart with the last state neither refetches nor re-emits
 * unchanged posts. One bad page never fails the whole crawl: it is counted in the stats. Not
 * thread-safe: one caller per instance.
 */
public interface SourceCrawler {
  String sourceId();

  Result crawl(CrawlState state);

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
