package dev.yuqing.stream.source;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.yuqing.crawler.CrawlState;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One configured source as a split: its id, how often it is polled, and what its crawler remembers.
 * Checkpointed with the reader, so a restart neither refetches nor re-emits unchanged posts.
 *
 * @param sourceId configured source id
 * @param revisitMillis poll interval
 * @param state crawl state after the last crawl whose posts were all emitted
 * @param nextPollAt wall-clock epoch millis of the next poll (0: at once)
 */
public record CrawlSplit(String sourceId, long revisitMillis, CrawlState state, long nextPollAt)
    implements SourceSplit {

  public CrawlSplit {
    state = state == null ? CrawlState.EMPTY : state;
  }

  @JsonIgnore
  @Override
  public String splitId() {
    return sourceId;
  }
}
