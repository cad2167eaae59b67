package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the item links of a list page (a news section, a search result, a board) without per-site
 * rules: links are grouped by their markup template — the tags and classes of the link and its
 * three nearest ancestors, and which link of its parent it is — and the group whose links read most
 * like headlines (many of them, with long texts, outside navigation and footers) is the list.
 * Thread-safe.
 */
public final class ListExtractor {
  /** A link of the list. */
  public record Item(String title, String url) {}

  /**
   * The items of a list page and the markup template they share: pass it back for the next page of
   * the same list, whose last page may hold too few items to stand out on its own.
   */
  public record Found(List<Item> items, String template) {}

  private static final Pattern NUMBERED = Pattern.compile("\\d+");
  private static final int MIN_TITLE = 5;

  /** The item links in page order; empty when the page has no list. */
  public List<Item> items(Document doc) {
    return items(doc, null);
  }

  /** With a CSS selector for the item links (per-site override), or null to find them. */
  public List<Item> items(Document doc, String selector) {
    return find(doc, selector, null).items();
  }

  /**
   * Finds the items; {@code template} (from the previous page of the same list, or null) is
   * preferred when links of the page have it.
   */
  public Found find(Document doc, String selector, String template) {
    Element body = Dom.visibleBody(doc);
    if (selector != null) {
      List<Item> out = new ArrayList<>();
      Map<String, Boolean> seen = new LinkedHashMap<>();
      for (Element a : doc.select(selector)) {
        String url = a.absUrl("href");
        String t = Text.clean(a.text());
        if (!url.isEmpty() && !t.isEmpty() && seen.putIfAbsent(url, true) == null) {
          out.add(new Item(t, url));
        }
      }
      return new Found(out, null);
    }
    Map<String, List<Element>> groups = new LinkedHashMap<>();
    List<Element> candidates = new ArrayList<>();
    Map<Element, Integer> ranks = new java.util.IdentityHashMap<>();
    for (Element a : body.select("a[href]")) {
      if (!isReal(a.attr("href"))) {
        continue;
      }
      String t = Text.clean(a.text());
      if (Text.visibleLength(t) < MIN_TITLE) {
        continue;
      }
      candidates.add(a);
      groups.computeIfAbsent(signature(a, true, ranks), k -> new ArrayList<>()).add(a);
    }
    List<Element> core = List.of();
    double bestScore = 0;
    if (template != null) {
      // the same template, or the same link in the same parent and grandparent (a page whose
      // outer layout differs slightly)
      List<Element> same = groups.get(template);
      if (same == null) {
        for (Map.Entry<String, List<Element>> g : groups.entrySet()) {
          if (near(g.getKey()).equals(near(template))) {
            same = g.getValue();
            break;
          }
        }
      }
      if (same != null) {
        core = same;
        bestScore = Double.MAX_VALUE;
      }
    }
    for (List<Element> g : groups.values()) {
      double s = score(g);
      if (s > bestScore) {
        bestScore = s;
        core = g;
      }
    }
    // the same template in a state variant (sticky row, photo item) inside the same list
    List<Element> best = core;
    if (!core.isEmpty()) {
      Element container = commonAncestor(core);
      String loose = signature(core.get(0), false, ranks);
      java.util.Set<Element> in =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      in.addAll(core);
      best = new ArrayList<>();
      for (Element a : candidates) {
        if (in.contains(a)
            || (isInside(a, container)
                && signature(a, false, ranks).equals(loose)
                && !inBoilerplate(a))) {
          best.add(a);
        }
      }
    }
    List<Item> out = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    String found = core.isEmpty() ? null : signature(core.get(0), true, ranks);
    // resolve against the original document so that <base href> applies
    for (Element a : best) {
      String url = a.absUrl("href");
      if (url.isEmpty()) {
        url = doc.location();
      }
      if (seen.putIfAbsent(url, true) == null) {
        out.add(new Item(Text.clean(a.text()), url));
      }
    }
    return new Found(out, found);
  }

  /**
   * How headline-like a group is; 0 for groups too small to be a list. Two links count when they
   * read like headlines (a search with two hits); navigation labels are short.
   */
  static double score(List<Element> g) {
    if (g.size() < 2) {
      return 0;
    }
    double text = 0;
    int boiler = 0;
    for (Element a : g) {
      text += Math.min(Text.visibleLength(Text.clean(a.text())), 40);
      if (inBoilerplate(a)) {
        boiler++;
      }
    }
    double avg = text / g.size();
    if (g.size() == 2 && avg < 12) {
      return 0;
    }
    double s = text * Math.min(1.0, avg / 12.0);
    if (boiler * 2 > g.size()) {
      s *= 0.1; // navigation, footer, "hot" and "related" blocks
    }
    return s;
  }

  private static Element commonAncestor(List<Element> els) {
    Element c = els.get(0).parent();
    for (Element e : els) {
      while (c != null && !isInside(e, c)) {
        c = c.parent();
      }
    }
    return c;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean inBoilerplate(Element a) {
    int depth = 0;
    for (Element e = a; e != null && depth < 8; e = e.parent(), depth++) {
      String n = e.normalName();
      if (n.equals("nav") || n.equals("footer") || n.equals("header")) {
        return true;
      }
      if (BoilerplateFilter.marked(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The markup template of a link: its own tag and classes, three ancestors (with their classes
   * when {@code strict}; without, they vary with state: new/read, sticky, photo), and its rank
   * among the real links of its parent (a category link before the headline is another template),
   * remembered in {@code ranks} for all the parent's children.
   */
  static String signature(Element a, boolean strict, Map<Element, Integer> ranks) {
    StringBuilder sb = new StringBuilder("a");
    String cls = NUMBERED.matcher(a.className().strip()).replaceAll("");
    if (!cls.isEmpty()) {
      sb.append('.').append(cls.replace(' ', '.'));
    }
    Element e = a.parent();
    for (int i = 0; i < 3 && e != null; i++, e = e.parent()) {
      sb.append('/').append(e.normalName());
      String c = NUMBERED.matcher(e.className().strip()).replaceAll("");
      if (strict && !c.isEmpty()) {
        sb.append('.').append(c.replace(' ', '.'));
      }
    }
    Element parent = a.parent();
    if (parent != null) {
      if (!ranks.containsKey(a)) {
        // every link of the parent at once: a page of a hundred thousand sibling links
        int rank = 0;
        for (Element sib : parent.children()) {
          ranks.put(sib, rank);
          if (sib.normalName().equals("a") && isReal(sib.attr("href"))) {
            rank++;
          }
        }
      }
      sb.append('#').append(ranks.get(a));
    }
    return sb.toString();
  }

  /** A signature without its outermost ancestor. */
  private static String near(String signature) {
    int hash = signature.lastIndexOf('#');
    String path = hash < 0 ? signature : signature.substring(0, hash);
    String rank = hash < 0 ? "" : signature.substring(hash);
    int cut = path.lastIndexOf('/');
    return (cut < 0 ? path : path.substring(0, cut)) + rank;
  }

  private static boolean isReal(String href) {
    String h = href.strip().toLowerCase();
    return !(h.isEmpty()
        || h.startsWith("#")
        || h.startsWith("javascript:")
        || h.startsWith("mailto:"));
  }
}
