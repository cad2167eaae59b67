package dev.yuqing.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A social or API endpoint answering JSON: each item of the array at {@code items} becomes a post,
 * its fields read by path ({@code user.name}, {@code pics[0].url}).
 *
 * @param id unique source id
 * @param url endpoint URL (may hold {@code {keyword}}: a search API)
 * @param revisit poll interval (default 10m)
 * @param projects projects the endpoint is about; empty: by names mentioned
 * @param items path to the array of items ({@code data.list}); empty: the answer is the array
 * @param fields post field → path in an item; {@code text} is required, {@code id} recommended
 *     (keys: id, url, title, text, author, publishedAt, replies, likes)
 * @param pagination how to ask for more; default: one request
 * @param allowPrivateNetwork allow loopback and private addresses (default false)
 */
public record JsonSourceConfig(
    String id,
    String url,
    Duration revisit,
    List<String> projects,
    String items,
    Map<String, String> fields,
    JsonPagination pagination,
    boolean allowPrivateNetwork)
    implements SourceConfig {
  /** Field names an item may map. */
  public static final List<String> FIELD_NAMES =
      List.of("id", "url", "title", "text", "author", "publishedAt", "replies", "likes");

  public JsonSourceConfig {
    id = Check.required("id", id);
    url = Check.httpUrlTemplate("url", url);
    revisit = Check.positive("revisit", revisit, Duration.ofMinutes(10));
    projects = projects == null ? List.of() : List.copyOf(projects);
    items = items == null ? "" : items.strip();
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    for (String k : fields.keySet()) {
      if (!FIELD_NAMES.contains(k)) {
        throw new IllegalArgumentException(
            "fields." + k + ": unknown field (known: " + String.join(", ", FIELD_NAMES) + ")");
      }
    }
    if (!fields.containsKey("text")) {
      throw new IllegalArgumentException("fields.text: is required (the path of the post text)");
    }
    pagination = pagination == null ? JsonPagination.NONE : pagination;
  }

  /**
   * Pagination of a JSON endpoint.
   *
   * @param type {@code none}, {@code page} (a page number parameter) or {@code cursor} (the answer
   *     names the next cursor at {@code cursorPath})
   * @param param query parameter carrying the page number or cursor
   * @param start first page number (default 1)
   * @param maxPages requests per visit (default 3)
   * @param cursorPath path in the answer to the next cursor; empty or missing: last page
   */
  public record JsonPagination(
      String type, String param, Integer start, Integer maxPages, String cursorPath) {
    public static final JsonPagination NONE = new JsonPagination("none", null, null, 1, null);

    public JsonPagination {
      type = type == null ? "none" : type.strip();
      if (!List.of("none", "page", "cursor").contains(type)) {
        throw new IllegalArgumentException(
            "type: must be none, page or cursor, got '" + type + "'");
      }
      start = start == null ? 1 : start;
      maxPages = Check.atLeast("maxPages", maxPages, 3, 1);
      if (!type.equals("none") && (param == null || param.isBlank())) {
        throw new IllegalArgumentException("param: is required for " + type + " pagination");
      }
      if (type.equals("cursor") && (cursorPath == null || cursorPath.isBlank())) {
        throw new IllegalArgumentException("cursorPath: is required for cursor pagination");
      }
    }
  }
}
