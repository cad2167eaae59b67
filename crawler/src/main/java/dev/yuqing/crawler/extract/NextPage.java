package dev.yuqing.crawler.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The "next page" link of a paginated list, board or thread. */
public final class NextPage {
  /** Common markup for it. */
  public static final String DEFAULT = "a.next, a.nxt, a[rel=next], link[rel=next]";

  private static final String BY_LABEL =
      "a:matchesOwn(^\\s*(下一页|下页|下一頁|下頁|后页|後頁|next|Next|›|»|>)\\s*$)";

  private NextPage() {}

  /** Absolute URL of the next page, or null; {@code selector} null means {@link #DEFAULT}. */
  public static String find(Document doc, String selector) {
    Element n = doc.selectFirst(selector == null ? DEFAULT : selector);
    if (n == null) {
      n = doc.selectFirst(BY_LABEL);
    }
    if (n == null) {
      return null;
    }
    String url = n.absUrl("href");
    return url.isEmpty() || url.equals(doc.location()) ? null : url;
  }
}
