package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the posts matching an {@link AggregationRequest}. Lists are ordered by count (or
 * engagement) descending, ties by key in UTF-8 byte order. Elasticsearch computes term counts per
 * shard; with monthly indices the per-source/author/keyword lists are exact for every key whose
 * count is within the top of each month (Elasticsearch's usual terms-aggregation caveat).
 *
 * @param total number of matching posts
 * @param timeline non-empty time buckets, oldest first
 * @param sentiments count per sentiment label (every label present, 0 when none)
 * @param topics count per topic label (topics with at least one post)
 * @param projects the top projects
 * @param sources the top sources
 * @param authors the top authors by number of posts (posts without author are not counted)
 * @param keywords the top keywords
 * @param topAuthorsByEngagement the authors whose posts drew the most replies plus likes
 */
public record Aggregations(
    long total,
    List<TimeBucket> timeline,
    Map<SentimentLabel, Long> sentiments,
    List<Bucket> topics,
    List<Bucket> projects,
    List<Bucket> sources,
    List<Bucket> authors,
    List<Bucket> keywords,
    List<AuthorEngagement> topAuthorsByEngagement) {

  public Aggregations {
    timeline = List.copyOf(timeline);
    sentiments = bySentiment(sentiments);
    topics = List.copyOf(topics);
    projects = List.copyOf(projects);
    sources = List.copyOf(sources);
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords);
    topAuthorsByEngagement = List.copyOf(topAuthorsByEngagement);
  }

  /**
   * One time bucket.
   *
   * @param start first instant of the bucket (local midnight for days, in the request's zone)
   * @param total posts in the bucket
   * @param sentiments posts per sentiment label (every label present)
   */
  public record TimeBucket(Instant start, long total, Map<SentimentLabel, Long> sentiments) {
    public TimeBucket {
      sentiments = bySentiment(sentiments);
    }

    /** Negative posts in the bucket. */
    public long negative() {
      return sentiments.get(SentimentLabel.NEGATIVE);
    }
  }

  /** A key and how many posts carry it. */
  public record Bucket(String key, long count) {}

  /**
   * An author and the engagement their matching posts drew.
   *
   * @param author author as shown
   * @param posts matching posts by the author
   * @param engagement sum of replies plus likes over those posts
   */
  public record AuthorEngagement(String author, long posts, long engagement) {}

  /** An unmodifiable map with every label, in label order, absent labels counted 0. */
  static Map<SentimentLabel, Long> bySentiment(Map<SentimentLabel, Long> counts) {
    EnumMap<SentimentLabel, Long> m = new EnumMap<>(SentimentLabel.class);
    for (SentimentLabel l : SentimentLabel.values()) {
      Long v = counts == null ? null : counts.get(l);
      m.put(l, v == null ? 0L : v);
    }
    return Collections.unmodifiableMap(m);
  }
}
