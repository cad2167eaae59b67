package dev.yuqing.dashboards.web;

import dev.yuqing.core.Grade;
import dev.yuqing.core.Html;
import dev.yuqing.core.SentimentLabel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * The pieces pages are built from, as jsoup elements: text goes in as text nodes and values as
 * attributes, so every string is escaped by construction and none by hand (crawled text is
 * hostile). Pages never contain inline script or inline event handlers; behaviour lives in
 * /static/app.js so that the Content-Security-Policy can forbid inline script.
 */
final class Markup {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Markup() {}

  /** {@code value} as text, "" for null. */
  static String text(Object value) {
    return Objects.toString(value, "");
  }

  /** Percent-encodes a query parameter or path segment value. */
  static String q(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * A link target for a crawled URL: only absolute http(s) URLs pass; anything else (javascript:,
   * data:, relative paths) becomes null so that no link is made.
   */
  static String safeHref(String url) {
    return Html.safeUrl(url);
  }

  /** Appends an external link to a crawled URL, or the text alone when the URL is not safe. */
  static void externalLink(Element parent, String url, String text) {
    String href = safeHref(url);
    if (href == null) {
      parent.appendText(text(text));
      return;
    }
    parent
        .appendElement("a")
        .attr("href", href)
        .attr("rel", "noopener noreferrer nofollow")
        .attr("target", "_blank")
        .text(text(text));
  }

  /**
   * Appends a highlight fragment from the index: {@code <em>} marks become {@code <mark>} elements,
   * every other character is text. Works whether or not the index escaped the fragment already,
   * because the text between marks is unescaped once before it becomes a text node.
   */
  static void highlight(Element parent, String fragment) {
    if (fragment == null) {
      return;
    }
    Element into = parent;
    int i = 0;
    while (i < fragment.length()) {
      if (fragment.startsWith("<em>", i)) {
        if (into == parent) {
          into = parent.appendElement("mark");
        }
        i += 4;
      } else if (fragment.startsWith("</em>", i)) {
        into = parent;
        i += 5;
      } else {
        int next = nextMark(fragment, i);
        into.appendText(Html.unescape(fragment.substring(i, next)));
        i = next;
      }
    }
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

  /** Local date and minute in the dashboard's zone, or a dash. */
  static String time(Instant t, ZoneId zone) {
    return t == null ? "—" : MINUTE.format(t.atZone(zone));
  }

  /** Appends a form that asks for {@code action} with GET (filters live in the query string). */
  static Element getForm(Element parent, String action) {
    return parent.appendElement("form").attr("method", "get").attr("action", action);
  }

  /** Appends a labelled select named {@code name}; returns the select, to add options to. */
  static Element select(Element form, String label, String name) {
    return form.appendElement("label")
        .appendText(label + " ")
        .appendElement("select")
        .attr("name", name);
  }

  /** Appends an option of a select. */
  static void option(Element select, String value, String label, boolean selected) {
    select
        .appendElement("option")
        .attr("value", text(value))
        .attr("selected", selected)
        .text(label);
  }

  /** Appends a term and its description to a definition list; returns the description. */
  static Element fact(Element dl, String term, String description) {
    dl.appendElement("dt").text(term);
    return dl.appendElement("dd").text(text(description));
  }

  /** Appends an alert grade badge. */
  static void grade(Element parent, Grade g) {
    parent
        .appendElement("span")
        .addClass("grade")
        .addClass("grade-" + g.json())
        .text(g.level() + g.word());
  }

  /** Appends a sentiment badge. */
  static void sentiment(Element parent, SentimentLabel label) {
    parent
        .appendElement("span")
        .addClass("sentiment")
        .addClass("s-" + label.json())
        .text(label.chinese());
  }

  /** A text shortened to {@code max} characters, whitespace folded. */
  static String excerpt(String text, int max) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }
}
