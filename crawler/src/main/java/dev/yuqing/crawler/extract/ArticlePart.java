package dev.yuqing.crawler.extract;

import dev.yuqing.core.config.ArticleSelectors;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One step of article extraction (title, body, boilerplate, byline …): it reads the page and what
 * the steps before it found, and returns the draft with its own part filled in or cleaned. A step
 * leaves alone what is already there (a per-site override). {@link ArticleExtractor} chooses the
 * steps and their order. Implementations are stateless and thread-safe.
 */
interface ArticlePart {
  Draft apply(Page page, Draft draft);

  /**
   * The page being extracted.
   *
   * @param doc the parsed page (meta tags, JSON-LD, title)
   * @param body a copy of its visible body: scripts, styles, hidden and removed elements gone
   * @param runs the visible body's text, one run per line
   * @param meta its meta tags
   * @param marks which of its elements are marked as boilerplate
   * @param selectors the source's CSS overrides
   * @param fetchedAt when the page was fetched: no publication time may be later
   */
  record Page(
      Document doc,
      Element body,
      List<Runs.Run> runs,
      Meta meta,
      Marks marks,
      ArticleSelectors selectors,
      Instant fetchedAt) {}

  /**
   * What the steps found so far; null where nothing is known yet.
   *
   * @param title the headline
   * @param headline the element that shows it, or null
   * @param blocks the elements the body was taken from, in page order
   * @param lines the body's runs, in page order
   * @param published the publication time
   * @param author the named author (reporter, writer, account), else the outlet
   * @param source the outlet the page credits
   */
  record Draft(
      String title,
      Element headline,
      List<Element> blocks,
      List<Runs.Run> lines,
      Instant published,
      String author,
      String source) {
    static final Draft EMPTY = new Draft(null, null, null, null, null, null, null);

    Draft withTitle(String t, Element h) {
      return new Draft(t, h, blocks, lines, published, author, source);
    }

    Draft withBody(List<Element> b, List<Runs.Run> l) {
      return new Draft(title, headline, b, l, published, author, source);
    }

    Draft withLines(List<Runs.Run> l) {
      return new Draft(title, headline, blocks, l, published, author, source);
    }

    Draft withPublished(Instant p) {
      return new Draft(title, headline, blocks, lines, p, author, source);
    }

    Draft withAuthor(String a, String s) {
      return new Draft(title, headline, blocks, lines, published, a, s);
    }

    /** The body text, one run per line. */
    String text() {
      if (lines == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (Runs.Run r : lines) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(r.text());
      }
      return sb.toString();
    }
  }
}
