package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A page's text as runs: the inline text between two block boundaries, owned by its nearest block
 * element, with its length, the part of it inside links and its punctuation. The body scorer and
 * the boilerplate filter both work on runs. Pure functions.
 */
final class Runs {
  private Runs() {}

  /**
   * Sentence and clause punctuation, Chinese and Latin; not the colon, which labels and bylines
   * (来源：, 语言：韩语, 当前位置：) use as much as sentences do.
   */
  static final Pattern PUNCT = Pattern.compile("[，。！？；、“”,.!?;…]");

  /**
   * One run.
   *
   * @param owner the nearest block element around it
   * @param text its text, whitespace collapsed
   * @param chars non-whitespace characters
   * @param linkChars of those, the ones inside {@code <a href>}
   * @param punct punctuation marks
   */
  record Run(Element owner, String text, int chars, int linkChars, int punct) {
    int plain() {
      return chars - linkChars;
    }

    /** Mostly link text: navigation, related headlines. */
    boolean linkList() {
      return linkChars > 0 && linkChars >= plain();
    }

    /** A sentence or more of prose: what articles are made of. */
    boolean prose() {
      return plain() >= 25 && punct > 0 && linkChars * 3 <= chars;
    }

    /**
     * Prose counts for the element that holds it, less the more of it is links; link lists and
     * short fragments count against it.
     */
    double value() {
      if (linkList()) {
        return -linkChars;
      }
      if (plain() < 15 && punct == 0) {
        return -1; // labels ("语言：韩语"), buttons, dates
      }
      double v = (double) plain() * plain() / chars;
      return punct == 0 ? v * 0.5 : v;
    }
  }

  /** The runs under {@code root}, in document order. */
  static List<Run> of(Element root) {
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int[] link = {0, 0}; // [depth inside <a href>, link chars of the current run]
    List<Element> stack = new ArrayList<>();
    stack.add(root);
    Dom.traverse(
        root,
        new NodeVisitor() {
          void flush() {
            String t = Text.clean(text.toString());
            if (!t.isEmpty()) {
              int chars = Text.visibleLength(t);
              runs.add(
                  new Run(
                      stack.get(stack.size() - 1),
                      t,
                      chars,
                      Math.min(chars, link[1]),
                      count(PUNCT, t)));
            }
            text.setLength(0);
            link[1] = 0;
          }

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              text.append(s);
              if (link[0] > 0) {
                link[1] += Text.visibleLength(s);
              }
            } else if (node instanceof Element e) {
              // an <a> without href is an anchor (<a name>), often left open by old markup
              if (isLink(e)) {
                link[0]++;
              }
              if (Text.BLOCKS.contains(e.normalName()) && e != root) {
                flush();
                if (!e.normalName().equals("br")) {
                  stack.add(e);
                }
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              if (isLink(e)) {
                link[0]--;
              }
              if (Text.BLOCKS.contains(e.normalName()) && e != root) {
                flush();
                if (!e.normalName().equals("br") && stack.get(stack.size() - 1) == e) {
                  stack.remove(stack.size() - 1);
                }
              }
            }
          }
        });
    String rest = Text.clean(text.toString());
    if (!rest.isEmpty()) {
      int chars = Text.visibleLength(rest);
      runs.add(new Run(root, rest, chars, Math.min(chars, link[1]), count(PUNCT, rest)));
    }
    return runs;
  }

  private static boolean isLink(Element e) {
    return e.normalName().equals("a") && e.hasAttr("href");
  }

  /** Whether {@code e} is {@code ancestor} or lies inside it. */
  static boolean inside(Element e, Element ancestor) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
