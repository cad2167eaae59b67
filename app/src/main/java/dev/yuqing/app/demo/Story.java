package dev.yuqing.app.demo;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's story (resource {@code story.yaml}): forum threads and news articles of the invented
 * estate 翡翠湾, each post with its story time.
 *
 * @param start story time the demo starts at
 * @param end story time the demo ends at
 * @param slow the span of the story played slower than the rest, or null
 * @param forum the homeowner forum
 * @param news the news site
 */
public record Story(LocalDateTime start, LocalDateTime end, Slow slow, Forum forum, News news) {
  /** Where the story takes place. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Loads the story shipped with yuqing. */
  public static Story load() {
    try (InputStream in = Story.class.getResourceAsStream("story.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo story.yaml is missing from the build");
      }
      return Json.configure(new YAMLMapper()).readValue(in, Story.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo story", e);
    }
  }

  public Instant startInstant() {
    return start.atZone(ZONE).toInstant();
  }

  public Instant endInstant() {
    return end.atZone(ZONE).toInstant();
  }

  /**
   * A span of the story played slower than the rest.
   *
   * @param share the part of the demo's wall time it takes, in (0, 1)
   */
  public record Slow(LocalDateTime from, LocalDateTime to, double share) {
    public Instant fromInstant() {
      return from.atZone(ZONE).toInstant();
    }

    public Instant toInstant() {
      return to.atZone(ZONE).toInstant();
    }
  }

  /** The clock that plays this story in {@code wallLength}, its slow span slower. */
  public StoryClock clock(java.time.Duration wallLength, java.time.Clock wall) {
    if (slow == null) {
      return StoryClock.playing(
          startInstant(),
          java.time.Duration.between(startInstant(), endInstant()),
          wallLength,
          wall);
    }
    return StoryClock.playing(
        startInstant(),
        endInstant(),
        slow.fromInstant(),
        slow.toInstant(),
        slow.share(),
        wallLength,
        wall);
  }

  /** Every forum post and news article. */
  public int size() {
    return forum.threads().stream().mapToInt(t -> t.posts().size()).sum() + news.articles().size();
  }

  /** The forum. */
  public record Forum(String name, List<Thread> threads) {}

  /** A thread: its first post and replies, in time order. */
  public record Thread(int id, String title, List<ForumPost> posts) {
    public Instant startedAt() {
      return posts.get(0).instant();
    }
  }

  /** A post in a thread. */
  public record ForumPost(LocalDateTime at, String author, String text) {
    public Instant instant() {
      return at.atZone(ZONE).toInstant();
    }
  }

  /** The news site. */
  public record News(String name, List<Article> articles) {}

  /** A news article. */
  public record Article(
      int id, LocalDateTime at, String author, String title, List<String> paragraphs) {
    public Instant instant() {
      return at.atZone(ZONE).toInstant();
    }
  }
}
