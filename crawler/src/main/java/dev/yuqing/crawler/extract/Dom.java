package dev.yuqing.crawler.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** DOM clean-up shared by the extractors. */
final class Dom {
  private Dom() {}

  /** Elements that never hold readable article text. */
  static final Set<String> JUNK =
      Set.of(
          "script",
          "style",
          "noscript",
          "iframe",
          "template",
          "svg",
          "canvas",
          "object",
          "embed",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "link",
          "meta",
          "video",
          "audio",
          "source",
          "map",
          "head");

  private static final Pattern HIDDEN =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

  /**
   * A copy of the body without scripts, styles, forms, comments and hidden elements: what a reader
   * can see.
   */
  static Element visibleBody(Document doc) {
    Element body = doc.body() == null ? new Element("body") : doc.body().clone();
    body.select(String.join(",", JUNK)).remove();
    // a <title> lands in the body when stray markup precedes <html>; it is never shown there
    body.select("title").remove();
    body.select("[hidden], [aria-hidden=true]").remove();
    for (Element e : body.select("[style]")) {
      if (HIDDEN.matcher(e.attr("style")).find()) {
        e.remove();
      }
    }
    NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            return node instanceof Comment ? FilterResult.REMOVE : FilterResult.CONTINUE;
          }
        },
        body);
    return body;
  }

  /** class and id of an element, lower-case, for boilerplate hints. */
  static String classAndId(Element e) {
    return (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
  }

  /** Visits nodes depth first. */
  static void traverse(Element root, NodeVisitor v) {
    NodeTraversor.traverse(v, root);
  }
}
