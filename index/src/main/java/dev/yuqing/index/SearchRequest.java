package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.time.Instant;
import java.util.Set;

/**
 * A search: full text plus filters. Null or empty filters do not filter.
 *
 * @param query Chinese full text (segmented like the documents), or null for all
 * @param project only posts of this project
 * @param from event time, inclusive
 * @param to event time, exclusive
 * @param sentiments only these labels
 * @param topics posts carrying any of these topics
 * @param sources only these source ids
 * @param author only this author
 * @param sort order of hits
 * @param size hits per page (1..1000)
 * @param after cursor from the previous page's {@link SearchResult#nextCursor()}, or null
 * @param highlight mark query terms in title and text
 */
public record SearchRequest(
    String query,
    String project,
    Instant from,
    Instant to,
    Set<SentimentLabel> sentiments,
    Set<Topic> topics,
    Set<String> sources,
    String author,
    Sort sort,
    int size,
    String after,
    boolean highlight) {

  public SearchRequest {
    sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
    topics = topics == null ? Set.of() : Set.copyOf(topics);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    sort = sort == null ? (query == null || query.isBlank() ? Sort.TIME : Sort.RELEVANCE) : sort;
    if (size < 1 || size > 1000) {
      throw new IllegalArgumentException("size must be 1..1000: " + size);
    }
  }

  /** Everything, newest first, {@code size} per page. */
  public static SearchRequest all(int size) {
    return new SearchRequest(
        null, null, null, null, null, null, null, null, Sort.TIME, size, null, false);
  }

  /** A full-text query, best first. */
  public static SearchRequest text(String query, int size) {
    return new SearchRequest(
        query, null, null, null, null, null, null, null, null, size, null, true);
  }

  /** Orders of hits. */
  public enum Sort {
    /** Newest first. */
    TIME,
    /** Best match first. */
    RELEVANCE,
    /** Most replies and likes first. */
    ENGAGEMENT
  }
}
