package dev.yuqing.crawler.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's {@code <meta>} tags by property, name or itemprop (case-insensitive), read once. */
final class Meta {
  private final Map<String, String> content = new HashMap<>();

  private Meta() {}

  static Meta of(Document doc) {
    Meta m = new Meta();
    for (Element e : doc.select("meta[content]")) {
      String key = e.hasAttr("property") ? e.attr("property") : e.attr("name");
      if (key.isEmpty()) {
        key = e.attr("itemprop");
      }
      String v = Text.clean(e.attr("content"));
      if (!key.isEmpty() && !v.isEmpty()) {
        m.content.putIfAbsent(key.toLowerCase(Locale.ROOT), v);
      }
    }
    return m;
  }

  /** The content of the first of {@code names} the page has, or null. */
  String content(String... names) {
    for (String n : names) {
      String v = content.get(n.toLowerCase(Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
