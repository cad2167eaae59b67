package dev.yuqing.stream.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Post;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads one JSON line of a replay file into a post. Two shapes are accepted: timestamped messages
 * ({@code id, time, title, text, author}, optional {@code likes, replies, source, url}) and posts
 * as {@code yuqing crawl --out} writes them ({@code publishedAt, sourceId, …}). A time without an
 * offset is read in Asia/Shanghai, where the posts we watch are written.
 */
public final class ReplayFormat {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private ReplayFormat() {}

  /** A line that cannot be replayed; the message is one line naming file, line and field. */
  public static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message);
    }
  }

  /**
   * Parses a line.
   *
   * @param where file name and line number for messages, e.g. {@code messages.jsonl:17}
   * @param fetchedAt when the replay took the line in
   */
  public static Post parse(String line, String where, Instant fetchedAt) throws BadLine {
    JsonNode n;
    try {
      n = Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new BadLine(where + ": not a JSON object: " + firstLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) {
      throw new BadLine(where + ": not a JSON object");
    }
    if (n.has("publishedAt") || n.has("sourceId")) {
      try {
        Post p = Json.mapper().treeToValue(n, Post.class);
        return p.toBuilder().fetchedAt(fetchedAt).build();
      } catch (Exception e) {
        throw new BadLine(where + ": not a post: " + firstLine(e.getMessage()));
      }
    }
    String id = text(n, "id");
    if (id == null || id.isBlank()) {
      throw new BadLine(where + ": id: missing");
    }
    String time = text(n, "time");
    if (time == null || time.isBlank()) {
      throw new BadLine(where + ": time: missing");
    }
    Instant published = time(time, where);
    String title = text(n, "title");
    String body = text(n, "text");
    if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
      throw new BadLine(where + ": text: missing (and no title)");
    }
    String source = text(n, "source");
    return Post.builder()
        .id(id)
        .sourceId(source == null || source.isBlank() ? "replay" : source)
        .url(text(n, "url"))
        .title(title)
        .text(body == null ? "" : body.strip())
        .author(text(n, "author"))
        .publishedAt(published)
        .fetchedAt(fetchedAt)
        .likes(integer(n, "likes", where))
        .replies(integer(n, "replies", where))
        .build();
  }

  /** Reads a time as ISO-8601 with offset, an instant, or local {@code yyyy-MM-dd HH:mm:ss}. */
  static Instant time(String s, String where) throws BadLine {
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).atZone(CHINA).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t, SPACED).atZone(CHINA).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadLine(where + ": time: not a date-time: '" + s + "'");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode n, String field, String where) throws BadLine {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    if (v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().strip());
      } catch (NumberFormatException e) {
        throw new BadLine(where + ": " + field + ": not a whole number: '" + v.asText() + "'");
      }
    }
    throw new BadLine(where + ": " + field + ": not a whole number: " + v);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int cut = m.indexOf('\n');
    return cut > 0 ? m.substring(0, cut) : m;
  }
}
