package dev.yuqing.crawler.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads {@code <meta>} tags by property, name or itemprop. */
final class Meta {
  private Meta() {}

  /** The content of the first of {@code names} the page has (case-insensitive), or null. */
  static String content(Document doc, String... names) {
    for (String n : names) {
      for (Element m : doc.select("meta")) {
        String key = m.hasAttr("property") ? m.attr("property") : m.attr("name");
        if (key.isEmpty()) {
          key = m.attr("itemprop");
        }
        if (key.equalsIgnoreCase(n)) {
          String v = Text.clean(m.attr("content"));
          if (!v.isEmpty()) {
            return v;
          }
        }
      }
    }
    return null;
  }
}
