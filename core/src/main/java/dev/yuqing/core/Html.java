package dev.yuqing.core;

import java.net.URI;
import java.util.Locale;

/**
 * Escaping for crawled text shown in HTML — mail, chat cards, the demo site, the dashboard: it is
 * hostile and must never run. One escaper for all of them, so a fix reaches every page.
 */
public final class Html {
  private Html() {}

  /** Text safe inside HTML elements and double-quoted attributes. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    esc(s, 0, s.length(), sb);
    return sb.toString();
  }

  /** Appends {@code s[from, to)} escaped as {@link #esc(String)} does (highlighted snippets). */
  public static void esc(CharSequence s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\u0000' -> sb.append('\uFFFD'); // browsers differ on NUL: never pass it on
        default -> sb.append(c);
      }
    }
  }

  /**
   * Undoes {@link #esc(String)}'s entities (and {@code &#x27;}, the other usual spelling of an
   * apostrophe); other text is left as it is.
   */
  public static String unescape(String s) {
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

  /**
   * The URL when it is a plain http(s) URL that may become a link, else null: a crawled {@code
   * javascript:} or {@code data:} link must not be clickable.
   */
  public static String safeUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          ? u.toASCIIString()
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
