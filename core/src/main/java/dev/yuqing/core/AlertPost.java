package dev.yuqing.core;

import java.io.Serializable;
import java.time.Instant;

/**
 * A post quoted in an alert as evidence of what happened.
 *
 * @param id post id
 * @param title title, or null
 * @param excerpt the first words of the text
 * @param url link to the post
 * @param author author, or null
 * @param publishedAt event time
 * @param evidenceId WARC record id of the capture, or null
 */
public record AlertPost(
    String id,
    String title,
    String excerpt,
    String url,
    String author,
    Instant publishedAt,
    String evidenceId)
    implements Serializable {

  /** Quotes a tagged post, cutting its text to {@code maxChars}. */
  public static AlertPost of(TaggedPost t, int maxChars) {
    Post p = t.post();
    String text = p.text().strip();
    String excerpt = text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    return new AlertPost(
        p.id(), p.title(), excerpt, p.url(), p.author(), p.eventTime(), p.evidenceId());
  }
}
