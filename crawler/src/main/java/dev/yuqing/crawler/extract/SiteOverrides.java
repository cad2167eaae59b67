package dev.yuqing.crawler.extract;

import dev.yuqing.core.config.ArticleSelectors;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A source's CSS selectors, first: what they find is kept as found (the body still loses its
 * headline, byline and furniture lines); what they leave out, or do not find, the generic steps
 * after it find.
 */
final class SiteOverrides implements ArticlePart {
  private final DateFinder dates;

  SiteOverrides(Dates dates) {
    this.dates = new DateFinder(dates);
  }

  @Override
  public Draft apply(Page page, Draft d) {
    ArticleSelectors sel = page.selectors();
    Draft out = d;
    if (sel.title() != null) {
      Element t = page.doc().selectFirst(sel.title());
      String title = t == null ? "" : Text.clean(t.text());
      if (!title.isEmpty()) {
        out = out.withTitle(title, null);
      }
    }
    if (sel.body() != null) {
      Element b = page.body().selectFirst(sel.body());
      if (b != null) {
        out = out.withBody(List.of(b), Runs.of(b));
      }
    }
    if (sel.time() != null) {
      Element t = page.doc().selectFirst(sel.time());
      if (t != null) {
        out = out.withPublished(dates.timeOf(t).orElse(null));
      }
    }
    if (sel.author() != null) {
      Element a = page.doc().selectFirst(sel.author());
      String author = a == null ? "" : Text.clean(a.text());
      if (!author.isEmpty()) {
        out = out.withAuthor(author, out.source());
      }
    }
    return out;
  }
}
