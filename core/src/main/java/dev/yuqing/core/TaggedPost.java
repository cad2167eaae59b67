package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param words the words the tagger segmented from the normalised {@link Post#fullText()},
 *     punctuation and whitespace dropped, in order — exactly what search indexing would segment
 *     from that text, so the index need not segment it a second time; null when the tagger cannot
 *     vouch for that (text capped, a headline repeated as body, …). Derived data for the job's own
 *     stages: never stored or printed (not in JSON) and not part of equality.
 */
public record TaggedPost(
    Post post,
    Sentiment sentiment,
    List<Topic> topics,
    List<String> keywords,
    List<Entity> entities,
    Signals signals,
    @JsonIgnore List<String> words) {

  public TaggedPost {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(sentiment, "sentiment");
    topics = topics == null || topics.isEmpty() ? List.of(Topic.OTHER) : List.copyOf(topics);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    entities = entities == null ? List.of() : List.copyOf(entities);
    signals = signals == null ? Signals.NONE : signals;
    words = words == null ? null : List.copyOf(words);
  }

  /** A tagged post without segmented words. */
  public TaggedPost(
      Post post,
      Sentiment sentiment,
      List<Topic> topics,
      List<String> keywords,
      List<Entity> entities,
      Signals signals) {
    this(post, sentiment, topics, keywords, entities, signals, null);
  }

  /** This tagged post without its segmented words (only the index uses them). */
  public TaggedPost withoutWords() {
    return words == null
        ? this
        : new TaggedPost(post, sentiment, topics, keywords, entities, signals);
  }

  public String id() {
    return post.id();
  }

  public boolean negative() {
    return sentiment.label() == SentimentLabel.NEGATIVE;
  }

  /** Equal when everything but {@link #words} (a cache of derived data) is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedPost t
        && post.equals(t.post)
        && sentiment.equals(t.sentiment)
        && topics.equals(t.topics)
        && keywords.equals(t.keywords)
        && entities.equals(t.entities)
        && signals.equals(t.signals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(post, sentiment, topics, keywords, entities, signals);
  }
}
