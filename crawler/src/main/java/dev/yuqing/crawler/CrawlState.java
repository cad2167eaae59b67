package dev.yuqing.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What one source remembers between crawls, so that a restart neither refetches nor re-emits: per
 * page its HTTP validators and a fingerprint of what it listed, per post the content hash and
 * version last emitted. Immutable, and small enough for Flink split state: serialise it with {@link
 * #toJson()} / {@link #fromJson(String)}. Bounded: the oldest entries are forgotten beyond {@link
 * #MAX_ENTRIES} per map.
 *
 * @param pages page URL (or item key) → what was seen there
 * @param posts post id → what was emitted for it
 * @param lastCrawl when the last crawl of the source finished, or null before the first
 */
public record CrawlState(Map<String, Page> pages, Map<String, Mark> posts, Instant lastCrawl) {
  public static final CrawlState EMPTY = new CrawlState(Map.of(), Map.of(), null);

  /** Entries kept per map; beyond it the least recently seen are dropped. */
  public static final int MAX_ENTRIES = 50_000;

  public CrawlState {
    pages = pages == null ? Map.of() : Map.copyOf(pages);
    posts = posts == null ? Map.of() : Map.copyOf(posts);
  }

  /**
   * A page seen.
   *
   * @param etag ETag validator, or null
   * @param lastModified Last-Modified validator, or null
   * @param fingerprint hash of what the page showed last time (a board row, a feed item's date, a
   *     file's bytes): unchanged means nothing to refetch
   * @param checkedAt when it was last fetched or checked
   */
  public record Page(String etag, String lastModified, String fingerprint, Instant checkedAt) {
    /** The same validators, checked again at {@code now} (a 304 answer). */
    public Page checkedAgain(Instant now) {
      return new Page(etag, lastModified, fingerprint, now);
    }
  }

  /**
   * A post emitted (or seen and dropped as out of scope).
   *
   * @param contentHash {@code Post.contentHash} of the last version
   * @param version version last emitted (0 when only seen, never emitted)
   * @param seenAt when it was last seen
   */
  public record Mark(String contentHash, int version, Instant seenAt) {}

  public Page page(String url) {
    return pages.get(url);
  }

  public Mark post(String id) {
    return posts.get(id);
  }

  /** A mutable copy for one crawl; {@link Editor#build} makes the next state. */
  public Editor edit() {
    return new Editor(this);
  }

  public String toJson() {
    return Json.line(this);
  }

  public static CrawlState fromJson(String json) {
    try {
      return Json.mapper().readValue(json, CrawlState.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accumulates one crawl's changes. Not thread-safe. */
  public static final class Editor {
    private final Map<String, Page> pages;
    private final Map<String, Mark> posts;
    private Instant lastCrawl;

    private Editor(CrawlState s) {
      pages = new HashMap<>(s.pages);
      posts = new HashMap<>(s.posts);
      lastCrawl = s.lastCrawl;
    }

    public Page page(String url) {
      return pages.get(url);
    }

    public Mark post(String id) {
      return posts.get(id);
    }

    public Editor page(String url, Page p) {
      pages.put(url, p);
      return this;
    }

    public Editor post(String id, Mark m) {
      posts.put(id, m);
      return this;
    }

    public Editor lastCrawl(Instant at) {
      lastCrawl = at;
      return this;
    }

    public CrawlState build() {
      return new CrawlState(
          bounded(pages, Page::checkedAt), bounded(posts, Mark::seenAt), lastCrawl);
    }

    private static <V> Map<String, V> bounded(Map<String, V> m, Function<V, Instant> at) {
      if (m.size() <= MAX_ENTRIES) {
        return m;
      }
      Map<String, V> kept = new HashMap<>();
      m.entrySet().stream()
          .sorted(
              Comparator.comparing(
                      (Map.Entry<String, V> e) -> at.apply(e.getValue()),
                      Comparator.nullsFirst(Comparator.naturalOrder()))
                  .reversed())
          .limit(MAX_ENTRIES)
          .forEach(e -> kept.put(e.getKey(), e.getValue()));
      return kept;
    }
  }
}
