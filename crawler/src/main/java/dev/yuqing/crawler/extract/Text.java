package dev.yuqing.crawler.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text from HTML: block elements become lines, whitespace is tidied. Pure functions. */
public final class Text {
  private Text() {}

  /** Elements that start a new line in the text. */
  static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "br",
          "dd",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul",
          "center",
          "caption");

  /**
   * Collapses whitespace (NBSP and U+3000 included) and trims; null stays null. Control and format
   * characters go: crawled text must not carry terminal escapes or bidi overrides (RLO) that make
   * it display as something else.
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)
          || c == '\u00a0'
          || c == '\u3000'
          || c == '\u200b'
          || c == '\ufeff') {
        space = sb.length() > 0;
      } else if (isHidden(c)) {
        continue;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The text of an element with one line per block and per {@code <br>}; lines cleaned, empty lines
   * dropped.
   */
  public static String lines(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              sb.append(t.getWholeText());
            } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              sb.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              sb.append('\n');
            }
          }
        },
        root);
    return joinLines(sb.toString());
  }

  /** Cleans each line of {@code s} and drops empty ones. */
  public static String joinLines(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n")) {
      String c = clean(line);
      if (!c.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** C0/C1 controls and bidi/format characters (kept: ZWJ, which joins emoji). */
  static boolean isHidden(char c) {
    int t = Character.getType(c);
    return (t == Character.CONTROL || t == Character.FORMAT) && c != '\u200d';
  }

  /** {@code s} with control and format characters removed, line breaks and tabs kept. */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\t' || !isHidden(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Number of characters that are not whitespace. */
  public static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
