package dev.yuqing.core.config;

import java.util.List;

/**
 * Optional CSS selectors that override generic article extraction for one site. Any selector left
 * out is found generically.
 *
 * @param title the headline
 * @param body the element holding the article text
 * @param time the element holding the publish time (text or a datetime/content attribute)
 * @param author the author or outlet
 * @param remove elements to drop from the body before its text is taken (ads, related links)
 */
public record ArticleSelectors(
    String title, String body, String time, String author, List<String> remove) {
  public static final ArticleSelectors NONE = new ArticleSelectors(null, null, null, null, null);

  public ArticleSelectors {
    title = blankToNull(title);
    body = blankToNull(body);
    time = blankToNull(time);
    author = blankToNull(author);
    remove = remove == null ? List.of() : List.copyOf(remove);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
