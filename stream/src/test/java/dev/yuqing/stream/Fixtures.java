package dev.yuqing.stream;

import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Named instants and builders for posts, flink-training style. */
public final class Fixtures {
  public static final Instant BEGINNING = Instant.parse("2025-06-15T00:00:00Z");
  public static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
  public static final Instant HALF_AN_HOUR_LATER = BEGINNING.plus(Duration.ofMinutes(30));
  public static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));

  private Fixtures() {}

  public static Post post(String id, String text, Instant at) {
    return Post.builder()
        .id(id)
        .sourceId("test")
        .url("http://forum.test/" + id)
        .text(text)
        .author("author-" + id)
        .publishedAt(at)
        .fetchedAt(at)
        .projects(List.of("翡翠湾"))
        .build();
  }

  public static TaggedPost tag(Post p, SentimentLabel label, Topic... topics) {
    return new TaggedPost(
        p, new Sentiment(label, 0.9), List.of(topics), List.of(), List.of(), null);
  }

  public static Tagged tagged(Post p, SentimentLabel label, Topic... topics) {
    return new Tagged(tag(p, label, topics), null, p.eventTime().toEpochMilli(), true, false);
  }
}
