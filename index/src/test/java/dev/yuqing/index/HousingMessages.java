package dev.yuqing.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real citizen messages about estates and property management ({@code
 * ../shared/data/housing/messages.jsonl}) as posts. Third-party text: read at test time, never
 * copied into the repository.
 */
final class HousingMessages {
  static final String FILE = "housing/messages.jsonl";

  /** Estate names as the messages write them; the first one named becomes the post's project. */
  private static final Pattern ESTATE =
      Pattern.compile("([\\p{IsHan}]{2,5}(?:花园|小区|家园|公寓|新城|广场|华府|名苑|国际))");

  private HousingMessages() {}

  static Optional<Path> file() {
    return SharedData.file(FILE);
  }

  /** All messages as posts, in file order (by time). */
  static List<Post> read(Path file) {
    List<Post> posts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          posts.add(post(Json.read(line, JsonNode.class)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return posts;
  }

  static Post post(JsonNode m) {
    String id = m.path("id").asText();
    String source = m.path("source").asText();
    Instant at = OffsetDateTime.parse(m.path("time").asText()).toInstant();
    String title = m.path("title").asText(null);
    String text = m.path("text").asText("");
    List<String> projects = new ArrayList<>();
    Matcher estate = ESTATE.matcher((title == null ? "" : title) + " " + text);
    if (estate.find()) {
      projects.add(estate.group(1));
    }
    return Post.builder()
        .id(Ids.postId(source, id))
        .sourceId(source)
        .url("https://messages.example.invalid/" + id)
        .title(title)
        .text(text)
        .author(m.path("author").asText(null))
        .publishedAt(at)
        .fetchedAt(at)
        .likes(count(m.path("likes")))
        .replies(count(m.path("dislikes")))
        .projects(projects)
        .build();
  }

  private static Integer count(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    try {
      return Integer.parseInt(n.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
