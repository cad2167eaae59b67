package dev.yuqing.dashboards.insight;

import dev.yuqing.core.Topic;
import java.time.Instant;
import java.util.List;

/**
 * Counts for one project over one period.
 *
 * @param project the project, or null for all
 * @param from start, inclusive
 * @param to end, exclusive
 * @param total posts in the period
 * @param negative negative posts
 * @param neutral neutral posts
 * @param positive positive posts
 * @param buckets volume by sentiment per bucket (hour or local day), oldest first, gaps filled
 * @param topics posts per topic, most first (a post with several topics counts in each)
 * @param sources posts per source id, most first
 * @param keywords most frequent keywords, most first
 * @param authors authors by number of posts, most first
 * @param followed authors by engagement (replies and likes on their posts), most first
 */
public record Stats(
    String project,
    Instant from,
    Instant to,
    long total,
    long negative,
    long neutral,
    long positive,
    List<Bucket> buckets,
    List<TopicCount> topics,
    List<Count> sources,
    List<Count> keywords,
    List<AuthorStat> authors,
    List<AuthorStat> followed) {

  public Stats {
    buckets = List.copyOf(buckets);
    topics = List.copyOf(topics);
    sources = List.copyOf(sources);
    keywords = List.copyOf(keywords);
    authors = List.copyOf(authors);
    followed = List.copyOf(followed);
  }

  /** Negative share in [0, 1]; 0 when there are no posts. */
  public double negativeShare() {
    return total == 0 ? 0 : (double) negative / total;
  }

  /** Posts of one topic, 0 when absent. */
  public long topicCount(Topic t) {
    return topics.stream().filter(c -> c.topic() == t).mapToLong(TopicCount::count).sum();
  }

  /**
   * Volume in one bucket.
   *
   * @param start bucket start
   * @param negative negative posts
   * @param neutral neutral posts
   * @param positive positive posts
   */
  public record Bucket(Instant start, long negative, long neutral, long positive) {
    public long total() {
      return negative + neutral + positive;
    }
  }

  /**
   * Posts of one topic.
   *
   * @param topic the topic
   * @param count posts carrying it
   * @param negative of which negative
   */
  public record TopicCount(Topic topic, long count, long negative) {}

  /**
   * A name and how often it occurs.
   *
   * @param name source id or keyword
   * @param count occurrences
   */
  public record Count(String name, long count) {}

  /**
   * An author (a homeowner, usually) and their weight.
   *
   * @param name author as shown
   * @param posts posts in the period
   * @param negative of which negative
   * @param engagement replies plus likes on those posts
   */
  public record AuthorStat(String name, long posts, long negative, long engagement) {}
}
