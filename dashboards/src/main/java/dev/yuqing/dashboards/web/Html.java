package dev.yuqing.dashboards.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HTML building with escaping by default. Every string that reaches a page goes through {@link
 * #esc}: crawled text is hostile, and escaping all of it (not only what looks like crawled text)
 * leaves nothing to forget. Pages never contain inline script or inline event handlers; behaviour
 * lives in /static/app.js so that the Content-Security-Policy can forbid inline script.
 */
public final class Html {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Html() {}

  /** Escapes text for element content and for double- or single-quoted attribute values. */
  public static String esc(Object value) {
    return dev.yuqing.core.Html.esc(value == null ? null : value.toString());
  }

  /** Percent-encodes a query parameter value. */
  public static String q(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * A link target for a crawled URL: only absolute http(s) URLs pass; anything else (javascript:,
   * data:, relative paths) becomes null so that no link is made.
   */
  public static String safeHref(String url) {
    return dev.yuqing.core.Html.safeUrl(url);
  }

  /** An external link to a crawled URL, or the escaped text alone when the URL is not safe. */
  public static String externalLink(String url, String text) {
    String href = safeHref(url);
    if (href == null) {
      return esc(text);
    }
    return "<a href=\""
        + esc(href)
        + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
        + esc(text)
        + "</a>";
  }

  /**
   * A highlight fragment made safe to show: {@code <em>} and {@code </em>} marks are kept, every
   * other character is text. Works whether or not the index escaped the fragment already, because
   * the text between marks is unescaped once and then escaped again here.
   */
  public static String highlight(String fragment) {
    if (fragment == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(fragment.length() + 16);
    int i = 0;
    boolean open = false;
    while (i < fragment.length()) {
      if (fragment.startsWith("<em>", i)) {
        if (!open) {
          out.append("<mark>");
          open = true;
        }
        i += 4;
      } else if (fragment.startsWith("</em>", i)) {
        if (open) {
          out.append("</mark>");
          open = false;
        }
        i += 5;
      } else {
        int next = nextMark(fragment, i);
        out.append(esc(unescape(fragment.substring(i, next))));
        i = next;
      }
    }
    if (open) {
      out.append("</mark>");
    }
    return out.toString();
  }

  private static int nextMark(String s, int from) {
    int a = s.indexOf("<em>", from);
    int b = s.indexOf("</em>", from);
    int n = s.length();
    if (a >= 0) {
      n = Math.min(n, a);
    }
    if (b >= 0) {
      n = Math.min(n, b);
    }
    return n;
  }

  /** Undoes the five entities an escaper produces; other text is left as it is. */
  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  /** Local date and minute in the dashboard's zone, or a dash. */
  public static String time(Instant t, ZoneId zone) {
    return t == null ? "—" : MINUTE.format(t.atZone(zone));
  }
}
