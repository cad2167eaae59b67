package dev.yuqing.index;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.time.Instant;
import java.util.List;

/** Builds tagged posts for tests, with named instants. Texts are ours, written for the tests. */
final class Posts {
  /** Monday 2025-06-02 09:00 China time. */
  static final Instant MONDAY_9 = Instant.parse("2025-06-02T01:00:00Z");

  static final Instant TUESDAY_9 = MONDAY_9.plusSeconds(24 * 3600);
  static final Instant NEXT_MONDAY_9 = MONDAY_9.plusSeconds(7 * 24 * 3600);

  private Posts() {}

  static Builder post(String locator) {
    return new Builder(locator);
  }

  /** A tagged post under construction. */
  static final class Builder {
    private final Post.Builder post;
    private SentimentLabel sentiment = SentimentLabel.NEUTRAL;
    private List<Topic> topics = List.of();
    private List<String> keywords = List.of();
    private Signals signals = Signals.NONE;

    Builder(String locator) {
      post =
          Post.builder()
              .id(Ids.postId("forum", locator))
              .sourceId("forum")
              .url("http://bbs.example.cn/" + locator)
              .fetchedAt(MONDAY_9)
              .publishedAt(MONDAY_9)
              .projects(List.of("翡翠湾"));
    }

    Builder id(String v) {
      post.id(v);
      return this;
    }

    Builder title(String v) {
      post.title(v);
      return this;
    }

    Builder text(String v) {
      post.text(v);
      return this;
    }

    Builder source(String v) {
      post.sourceId(v);
      return this;
    }

    Builder author(String v) {
      post.author(v);
      return this;
    }

    Builder at(Instant v) {
      post.publishedAt(v).fetchedAt(v);
      return this;
    }

    Builder likes(int likes, int replies) {
      post.likes(likes).replies(replies);
      return this;
    }

    Builder projects(String... v) {
      post.projects(List.of(v));
      return this;
    }

    Builder negative() {
      sentiment = SentimentLabel.NEGATIVE;
      return this;
    }

    Builder positive() {
      sentiment = SentimentLabel.POSITIVE;
      return this;
    }

    Builder topics(Topic... v) {
      topics = List.of(v);
      return this;
    }

    Builder keywords(String... v) {
      keywords = List.of(v);
      return this;
    }

    Builder signals(Signals v) {
      signals = v;
      return this;
    }

    TaggedPost build() {
      return new TaggedPost(
          post.build(), new Sentiment(sentiment, 0.9), topics, keywords, List.of(), signals);
    }
  }
}
