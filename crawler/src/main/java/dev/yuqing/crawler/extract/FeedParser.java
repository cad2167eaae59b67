package dev.yuqing.crawler.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom feeds leniently. Thread-safe. */
public final class FeedParser {
  private final Dates dates;

  public FeedParser(Dates dates) {
    this.dates = dates;
  }

  /** Whether text looks like a feed rather than a web page. */
  public static boolean looksLikeFeed(String text) {
    String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase();
    return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
  }

  /**
   * Parses feed XML.
   *
   * @param xml the decoded feed
   * @param baseUrl the feed URL: relative links resolve against it
   * @throws IllegalArgumentException when the text is neither RSS nor Atom
   */
  public Feed parse(String xml, String baseUrl) {
    Document doc = Jsoup.parse(xml, baseUrl, Parser.xmlParser());
    Element root = doc.children().isEmpty() ? null : doc.child(0);
    boolean atom = doc.selectFirst("feed") != null && doc.selectFirst("rss") == null;
    if (doc.selectFirst("rss, feed, rdf|RDF, RDF, channel") == null) {
      throw new IllegalArgumentException(
          "not an RSS or Atom feed (root element "
              + (root == null ? "none" : root.tagName())
              + ")");
    }
    List<Feed.Item> items = new ArrayList<>();
    String title;
    if (atom) {
      title = text(doc.selectFirst("feed > title"));
      for (Element e : doc.select("entry")) {
        items.add(atomEntry(e, baseUrl));
      }
    } else {
      title = text(doc.selectFirst("channel > title"));
      for (Element e : doc.select("item")) {
        items.add(rssItem(e, baseUrl));
      }
    }
    return new Feed(title, items);
  }

  private Feed.Item rssItem(Element e, String base) {
    String link = text(child(e, "link"));
    if (link == null) {
      Element guid = child(e, "guid");
      if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink"))) {
        link = text(guid);
      }
    }
    link = absolute(base, link);
    String guid = text(child(e, "guid"));
    String date = firstText(e, "pubDate", "dc:date", "dc|date", "date", "updated");
    String body = firstText(e, "content:encoded", "content|encoded", "encoded", "description");
    String author = firstText(e, "dc:creator", "dc|creator", "creator", "author");
    return new Feed.Item(
        guid != null ? guid : link,
        link,
        Text.clean(htmlText(text(child(e, "title")))),
        htmlText(body),
        author,
        date == null ? null : dates.parse(date).orElse(null),
        date);
  }

  private Feed.Item atomEntry(Element e, String base) {
    String link = null;
    for (Element l : e.getElementsByTag("link")) {
      String rel = l.attr("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        link = l.attr("href");
        break;
      }
    }
    link = absolute(base, link);
    String published = firstText(e, "published", "issued", "updated", "modified");
    String updated = firstText(e, "updated", "modified", "published");
    Element authorEl = child(e, "author");
    String author = authorEl == null ? null : text(child(authorEl, "name"));
    String body = firstText(e, "content", "summary");
    String id = text(child(e, "id"));
    Instant at = published == null ? null : dates.parse(published).orElse(null);
    return new Feed.Item(
        id != null ? id : link,
        link,
        Text.clean(htmlText(text(child(e, "title")))),
        htmlText(body),
        author,
        at,
        updated);
  }

  private static Element child(Element e, String tag) {
    for (Element c : e.children()) {
      if (c.tagName().equalsIgnoreCase(tag)) {
        return c;
      }
    }
    return null;
  }

  private static String firstText(Element e, String... tags) {
    for (String t : tags) {
      String v = text(child(e, t));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.wholeText().strip();
    return t.isEmpty() ? null : t;
  }

  /** Descriptions carry escaped HTML (or CDATA): reduce them to plain lines. */
  private static String htmlText(String s) {
    if (s == null) {
      return null;
    }
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
      return Text.joinLines(s);
    }
    return Text.lines(Jsoup.parseBodyFragment(s).body());
  }

  private static String absolute(String base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      return java.net.URI.create(base).resolve(link.strip()).toString();
    } catch (IllegalArgumentException e) {
      return link.strip();
    }
  }
}
