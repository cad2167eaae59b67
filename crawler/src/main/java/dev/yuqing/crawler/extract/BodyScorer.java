package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The article's blocks: every element is scored by the runs it holds — prose for it, link lists and
 * short fragments against (text and link density) — where prose inside a block marked as
 * boilerplate (comments, related, sidebar …) counts little for the blocks around it. The best
 * element is narrowed to the smallest one holding all its unmarked prose (the headline excluded),
 * and sibling blocks of prose beside it are joined: an article split into several blocks with a
 * link list or an ad between them. The body is the runs of those blocks, link lists left out.
 */
final class BodyScorer implements ArticlePart {
  /** What prose inside a marked block is worth to the blocks around it. */
  private static final double MARKED = 0.2;

  /**
   * What link lists and fragments count against the blocks around them: less than prose counts for
   * them, so that a body rich in links and tables (an encyclopedia entry) still outweighs its
   * parts.
   */
  private static final double AGAINST = 0.7;

  /** Sums over the runs an element holds. */
  private static final class Tally {
    double score;
    double prose; // prose characters outside marked blocks below the element
    double links;
    double chars;
  }

  @Override
  public Draft apply(Page page, Draft d) {
    if (d.lines() != null) {
      return d;
    }
    Element root = page.body();
    List<Runs.Run> runs = page.runs();
    Marks marks = page.marks();
    Map<Element, Tally> tally = tally(runs, root, d.title(), marks);
    Element best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, Tally> en : tally.entrySet()) {
      if (en.getValue().score > bestScore) {
        bestScore = en.getValue().score;
        best = en.getKey();
      }
    }
    Element narrow = narrow(best, runs, d.title(), marks);
    List<Element> blocks = join(narrow, root, tally, marks);
    Set<Element> in = Collections.newSetFromMap(new IdentityHashMap<>());
    in.addAll(blocks);
    List<Runs.Run> lines = new ArrayList<>();
    for (Runs.Run r : runs) {
      if (!r.linkList() && insideAny(r.owner(), in, root)) {
        lines.add(r);
      }
    }
    return d.withBody(blocks, lines);
  }

  private static Map<Element, Tally> tally(
      List<Runs.Run> runs, Element root, String title, Marks marks) {
    Map<Element, Tally> tally = new IdentityHashMap<>();
    for (Runs.Run r : runs) {
      double v = r.value();
      double prose = articleProse(r, title) ? r.plain() : 0;
      double weight = 1;
      for (Element e = r.owner(); e != null; e = e == root ? null : e.parent()) {
        Tally t = tally.computeIfAbsent(e, k -> new Tally());
        t.score += v > 0 ? v * weight : v * AGAINST;
        t.links += r.linkChars();
        t.chars += r.chars();
        if (weight == 1) {
          t.prose += prose;
        }
        if (marks.of(e)) {
          weight = MARKED;
        }
      }
    }
    return tally;
  }

  /**
   * The smallest element under {@code best} that still holds every run of prose outside marked
   * blocks: the best-scoring element often wraps the body with its headline, byline, toolbars and
   * comments.
   */
  static Element narrow(Element best, List<Runs.Run> runs, String title, Marks marks) {
    List<Element> owners = new ArrayList<>();
    for (Runs.Run r : runs) {
      if (articleProse(r, title) && Runs.inside(r.owner(), best) && !marks.below(r.owner(), best)) {
        owners.add(r.owner());
      }
    }
    if (owners.isEmpty()) {
      return best;
    }
    Element e = owners.get(0);
    for (Element o : owners) {
      while (e != best && !Runs.inside(o, e)) {
        e = e.parent();
      }
    }
    // never narrower than a block holding a single paragraph: keep its siblings (captions, short
    // lines) by going up to the element that holds two substantial runs or more when possible
    if (owners.size() == 1 && e != best && e.parent() != null) {
      e = e.parent();
    }
    return e;
  }

  /**
   * {@code block} and the sibling blocks of prose beside it: a sibling joins when it is not marked,
   * is mostly plain text and carries at least a quarter of the block's prose.
   */
  private static List<Element> join(
      Element block, Element root, Map<Element, Tally> tally, Marks marks) {
    Element parent = block == root ? null : block.parent();
    Tally own = tally.get(block);
    if (parent == null || own == null) {
      return List.of(block);
    }
    List<Element> blocks = new ArrayList<>();
    for (Element sib : parent.children()) {
      Tally t = tally.get(sib);
      if (sib == block
          || (t != null
              && !marks.of(sib)
              && t.prose > 0
              && t.prose >= 0.25 * own.prose
              && t.links * 4 < t.chars)) {
        blocks.add(sib);
      }
    }
    return blocks;
  }

  private static boolean articleProse(Runs.Run r, String title) {
    return r.prose() && (title == null || !(title.contains(r.text()) || r.text().contains(title)));
  }

  private static boolean insideAny(Element e, Set<Element> blocks, Element root) {
    for (Element x = e; x != null; x = x == root ? null : x.parent()) {
      if (blocks.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
