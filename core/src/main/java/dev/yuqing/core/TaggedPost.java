package dev.yuqing.core;

import java.util.List;
import java.util.Objects;

/**
 * A post with what analysis found in it.
 *
 * @param post the post as crawled
 * @param sentiment stance toward developer, property company or authorities
 * @param topics taxonomy topics, never empty ({@link Topic#OTHER} when none applies)
 * @param keywords key phrases, most important first
 * @param entities projects, companies, buildings and units named
 * @param signals early-warning signals
 */
public record TaggedPost(
    Post post,
    Sentiment sentiment,
    List<Topic> topics,
    List<String> keywords,
    List<Entity> entities,
    Signals signals) {

  public TaggedPost {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(sentiment, "sentiment");
    topics = topics == null || topics.isEmpty() ? List.of(Topic.OTHER) : List.copyOf(topics);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    entities = entities == null ? List.of() : List.copyOf(entities);
    signals = signals == null ? Signals.NONE : signals;
  }

  public String id() {
    return post.id();
  }

  public boolean negative() {
    return sentiment.label() == SentimentLabel.NEGATIVE;
  }
}
