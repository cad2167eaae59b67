package dev.yuqing.crawler.eval;

import dev.yuqing.crawler.extract.Article;

/** An article extractor under evaluation: yuqing's, or a reference one. */
public interface PageExtractor {
  /** How the report names it. */
  String name();

  /**
   * Extracts one saved page.
   *
   * @param html the page's bytes as saved
   * @param url the page's URL (links resolve against it)
   * @return what was found; fields it does not extract are null
   * @throws Exception when the extractor fails on the page (the report counts it)
   */
  Article extract(byte[] html, String url) throws Exception;

  /** Whether it looks for publication times at all (Readability does not). */
  default boolean readsDates() {
    return true;
  }
}
