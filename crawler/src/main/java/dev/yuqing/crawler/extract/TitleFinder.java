package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline: the heading (or title-like element) that best matches the document title or
 * og:title, else that title without its site suffix ("标题_新浪网" → "标题"), else the first h1.
 */
final class TitleFinder implements ArticlePart {
  private static final Pattern SEPARATORS =
      Pattern.compile("\\s*(?:[_|｜–—»]|\\s-\\s|--|-{1}(?=[^-]*$)|·(?=[^·]*$))\\s*");
  private static final String HEADINGS =
      "h1, h2, h3, [class*=title], [id*=title], [class*=headline]";

  @Override
  public Draft apply(Page page, Draft d) {
    String title =
        d.title() != null ? d.title() : title(page.doc(), page.meta(), page.body(), page.runs());
    return d.withTitle(title, headline(page.body(), title));
  }

  static String title(Document doc, Meta meta, Element body, List<Runs.Run> lines) {
    // anywhere: a page with stray markup before <html> has its <title> in the body
    Element t = doc.selectFirst("title");
    // capped: titles are short, and the matching below is quadratic in their length
    String docTitle = cap(t == null ? "" : Text.clean(t.text()));
    String og = cap(meta.content("og:title", "twitter:title", "title", "headline"));
    List<String> refs = new ArrayList<>();
    if (og != null && og.length() >= 4) {
      refs.add(og);
    }
    if (!docTitle.isEmpty()) {
      refs.add(docTitle);
    }
    String best = null;
    int bestLen = 0;
    for (Element h : body.select(HEADINGS)) {
      String c = Text.clean(h.text());
      if (c.length() < 4 || c.length() > 120) {
        continue;
      }
      for (String ref : refs) {
        String common = longestCommon(c, ref);
        int len = common.length();
        // the heading must be mostly the shared part (a badge like 原创 may precede it)
        if (len >= 4 && len >= 0.6 * c.length() && len > bestLen) {
          best = stripEdges(common);
          bestLen = len;
        }
      }
    }
    if (best != null && best.length() >= 4) {
      return best;
    }
    if (og != null && og.length() >= 4) {
      return stripSuffix(og, lines);
    }
    if (!docTitle.isEmpty()) {
      return stripSuffix(docTitle, lines);
    }
    Element h1 = body.selectFirst("h1");
    return h1 == null ? null : Text.clean(h1.text());
  }

  /** The heading that shows the headline (as it is, else with a few characters around), or null. */
  static Element headline(Element body, String title) {
    if (title == null) {
      return null;
    }
    Element near = null;
    for (Element h : body.select(HEADINGS)) {
      String t = Text.clean(h.text());
      if (t.equals(title)) {
        return h;
      }
      if (near == null && t.contains(title) && t.length() <= title.length() + 8) {
        near = h;
      }
    }
    return near;
  }

  private static String cap(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300);
  }

  /**
   * "标题_新浪网" → "标题": of the parts between site separators, the widest one the page shows as a line
   * of its own, else the widest (a Chinese character as wide as two Latin letters).
   */
  static String stripSuffix(String t, List<Runs.Run> lines) {
    List<String> parts = new ArrayList<>();
    for (String p : SEPARATORS.split(t)) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? t : parts.get(0);
    }
    parts.sort((a, b) -> Integer.compare(width(b), width(a)));
    Set<String> shown = new HashSet<>();
    for (Runs.Run r : lines) {
      shown.add(r.text());
    }
    for (String p : parts) {
      if (p.length() >= 4 && shown.contains(p)) {
        return p;
      }
    }
    return parts.get(0);
  }

  private static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) >= 0x2e80 ? 2 : 1;
    }
    return w;
  }

  private static String stripEdges(String s) {
    return s.replaceAll("^[\\s_|｜\\-–—:：»]+|[\\s_|｜\\-–—»]+$", "");
  }

  /** Longest common substring (dynamic programming; titles are short). */
  static String longestCommon(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "";
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    int best = 0;
    int end = 0;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          cur[j] = prev[j - 1] + 1;
          if (cur[j] > best) {
            best = cur[j];
            end = i;
          }
        } else {
          cur[j] = 0;
        }
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return a.substring(end - best, end);
  }
}
