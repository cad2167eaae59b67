package dev.yuqing.crawler.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One saved page and what its answer key says about it; a field the key does not know is null.
 *
 * @param name the page as the report names it (relative to the key's folder)
 * @param file the saved HTML
 * @param titles acceptable headlines, or null
 * @param body the whole body text, or null
 * @param mustContain strings the body must hold, or null
 * @param mustNotContain strings on the page that are not body, or null
 * @param authors acceptable authors, or null when the key names none
 * @param day the publication day, or null when the key does not know it
 * @param minute the publication time to the minute ({@code yyyy-MM-dd HH:mm}), or null
 */
public record KeyedPage(
    String name,
    Path file,
    List<String> titles,
    String body,
    List<String> mustContain,
    List<String> mustNotContain,
    List<String> authors,
    LocalDate day,
    String minute) {

  /** The URL the page is extracted under: it only resolves links. */
  public String url() {
    return "http://example.com/" + name;
  }
}
