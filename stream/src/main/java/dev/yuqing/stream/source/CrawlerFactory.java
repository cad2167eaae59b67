package dev.yuqing.stream.source;

import dev.yuqing.crawler.SourceCrawler;
import java.io.Serializable;

/**
 * Builds the crawler of one configured source on the task manager. Serialisable: capture the
 * configuration as values.
 */
@FunctionalInterface
public interface CrawlerFactory extends Serializable {
  /** The crawler of the source with this id; fails when no such source is configured. */
  SourceCrawler create(String sourceId) throws Exception;
}
