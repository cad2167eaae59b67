package dev.yuqing.crawler.extract;

import java.time.Instant;
import java.util.List;

/**
 * A parsed RSS 2.0, RSS 1.0 or Atom feed.
 *
 * @param title the feed's title
 * @param items its entries in feed order
 */
public record Feed(String title, List<Item> items) {
  public Feed {
    items = List.copyOf(items);
  }

  /**
   * One entry.
   *
   * @param id guid or Atom id; the link when absent
   * @param link absolute URL of the full article, or null
   * @param title entry title
   * @param summary plain text of the description/summary/content
   * @param author author or dc:creator, or null
   * @param publishedAt pubDate/published/updated/dc:date, or null
   * @param updated the raw date string as given (changes when the entry is edited), or null
   */
  public record Item(
      String id,
      String link,
      String title,
      String summary,
      String author,
      Instant publishedAt,
      String updated) {}
}
