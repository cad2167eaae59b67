package dev.yuqing.crawler;

import dev.yuqing.core.Post;

/**
 * Hears about a crawl as it goes: for progress lines on long crawls. Called on the crawling thread;
 * implementations must be quick and, when shared by sources crawled in parallel, thread-safe.
 */
public interface Progress {
  Progress NONE = new Progress() {};

  /** A page was fetched (status 200 or 304). */
  default void page(String sourceId, String url, int status, long bytes) {}

  /** A page failed; {@code line} names the URL and the reason. */
  default void error(String sourceId, String line) {}

  /** A post is emitted. */
  default void post(Post post) {}
}
