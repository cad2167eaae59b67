package dev.yuqing.crawler;

import java.util.Map;

/**
 * What a source remembers between crawls: per URL, the content hash last emitted and the HTTP
 * validators. Immutable and small enough to live in Flink split state; serialised as JSON.
 *
 * @param seen URL → what was seen there
 */
public record CrawlState(Map<String, Seen> seen) {
  public static final CrawlState EMPTY = new CrawlState(Map.of());

  public CrawlState {
    seen = seen == null ? Map.of() : Map.copyOf(seen);
  }

  /**
   * What was seen at one URL.
   *
   * @param contentHash hash of the content last emitted from it
   * @param etag ETag validator, or null
   * @param lastModified Last-Modified validator, or null
   * @param version version of the post last emitted from it
   */
  public record Seen(String contentHash, String etag, String lastModified, int version) {}
}
