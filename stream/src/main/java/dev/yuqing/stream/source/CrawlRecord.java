package dev.yuqing.stream.source;

import dev.yuqing.core.Post;
import dev.yuqing.crawler.CrawlState;

/**
 * What the crawl fetcher thread hands to the task thread: a post, or — after the last post of a
 * crawl — the crawl state to checkpoint from then on and the crawler-clock time the crawl started
 * (everything published well before it has now been seen).
 */
record CrawlRecord(
    Post post, CrawlState stateAfter, long nextPollAt, long crawlStartedAt, int pages, int errors) {
  static CrawlRecord post(Post p) {
    return new CrawlRecord(p, null, 0, 0, 0, 0);
  }

  static CrawlRecord end(
      CrawlState s, long nextPollAt, long crawlStartedAt, int pages, int errors) {
    return new CrawlRecord(null, s, nextPollAt, crawlStartedAt, pages, errors);
  }
}
