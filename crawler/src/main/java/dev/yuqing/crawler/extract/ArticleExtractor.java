package dev.yuqing.crawler.extract;

import dev.yuqing.core.config.ArticleSelectors;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Generic article extraction, no per-site rules: a chain of small steps, chosen and ordered here —
 * the source's CSS overrides, the headline ({@link TitleFinder}), the body's blocks by text and
 * link density ({@link BodyScorer}), boilerplate out of them ({@link BoilerplateFilter}), then
 * publication time, author and source ({@link BylineFinder}). Thread-safe.
 */
public final class ArticleExtractor {
  private final Dates dates;
  private final List<ArticlePart> parts;

  public ArticleExtractor(Dates dates) {
    this.dates = dates;
    this.parts =
        List.of(
            new SiteOverrides(dates),
            new TitleFinder(),
            new BodyScorer(),
            new BoilerplateFilter(),
            new BylineFinder(dates));
  }

  /** Extracts a page fetched now. */
  public Article extract(Document doc) {
    return extract(doc, ArticleSelectors.NONE, dates.now());
  }

  /** Extracts a page fetched now, with per-site CSS overrides. */
  public Article extract(Document doc, ArticleSelectors sel) {
    return extract(doc, sel, dates.now());
  }

  /**
   * Extracts with per-site CSS overrides; anything not overridden is found generically.
   *
   * @param fetchedAt when the page was fetched: no publication time after it is taken
   */
  public Article extract(Document doc, ArticleSelectors sel, Instant fetchedAt) {
    Element body = Dom.visibleBody(doc);
    for (String r : sel.remove()) {
      body.select(r).remove();
    }
    ArticlePart.Page page =
        new ArticlePart.Page(doc, body, Runs.of(body), Meta.of(doc), new Marks(), sel, fetchedAt);
    ArticlePart.Draft d = ArticlePart.Draft.EMPTY;
    for (ArticlePart p : parts) {
      d = p.apply(page, d);
    }
    return new Article(doc.location(), d.title(), d.published(), d.author(), d.source(), d.text());
  }
}
