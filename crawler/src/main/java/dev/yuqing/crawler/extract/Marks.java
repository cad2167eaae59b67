package dev.yuqing.crawler.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * {@link BoilerplateFilter#marked} remembered per element for one extraction: the scorer and the
 * filter ask it for every ancestor of every run. Not thread-safe; one per page.
 */
final class Marks {
  private final Map<Element, Boolean> marked = new IdentityHashMap<>();

  boolean of(Element e) {
    return marked.computeIfAbsent(e, BoilerplateFilter::marked);
  }

  /** Whether a marked element lies between {@code e} and {@code top} (exclusive). */
  boolean below(Element e, Element top) {
    for (Element x = e; x != null && x != top; x = x.parent()) {
      if (of(x)) {
        return true;
      }
    }
    return false;
  }
}
